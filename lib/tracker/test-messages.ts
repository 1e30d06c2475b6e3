/** Test support: English messages from locales/en.yml behind fakeBrowser's i18n (it has none). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** Reads the locale file's nested `key: value` lines (plain or JSON-quoted scalars) into i18n keys. */
function loadMessages(): Map<string, string> {
  const messages = new Map<string, string>();
  const path: string[] = [];
  for (const line of readFileSync(join(process.cwd(), 'locales', 'en.yml'), 'utf8').split('\n')) {
    const m = /^( *)([\w@]+):\s*(.*)$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 2;
    path.length = depth;
    if (!m[3]) {
      path.push(m[2]!);
      continue;
    }
    const raw = m[3];
    messages.set([...path, m[2]].join('_'), raw.startsWith('"') ? (JSON.parse(raw) as string) : raw);
  }
  return messages;
}

const messages = loadMessages();

export function installMessages(): void {
  (fakeBrowser.i18n as { getMessage: (key: string, subs?: string | string[]) => string }).getMessage = (key, subs) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (messages.get(key) ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  };
}

