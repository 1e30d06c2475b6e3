import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { flagMessage } from './messages';
import { FLAG_REASONS } from './post-check';

// fakeBrowser has no i18n.getMessage: translate from the English file the way the extension would.
vi.mock('#i18n', () => ({
  i18n: {
    t: (key: string, subs: string[] = []) => {
      const [area, name] = key.split('.');
      const text = section('en', area).get(name!) ?? key;
      return subs.reduce((out, sub, i) => out.replace(`$${i + 1}`, sub), text);
    },
  },
}));

/** The `fabrication:` section of a locale file, key → text. */
function section(locale: string, name = 'fabrication'): Map<string, string> {
  const text = readFileSync(resolve(import.meta.dirname, `../../locales/${locale}.yml`), 'utf8');
  const body = text.slice(text.indexOf(`\n${name}:\n`) + 1).split('\n').slice(1);
  const out = new Map<string, string>();
  for (const line of body) {
    const m = /^ {2}(\w+): (.*)$/.exec(line);
    if (!m) break;
    out.set(m[1]!, m[2]!.replace(/^"|"$/g, ''));
  }
  return out;
}

describe('flag messages', () => {
  it('every reason code has a message in English, Spanish and French', () => {
    const [en, es, fr] = ['en', 'es', 'fr'].map((l) => section(l));
    for (const reason of FLAG_REASONS) {
      for (const map of [en, es, fr]) expect(map!.get(reason), reason).toBeTruthy();
      expect(es!.get(reason)).not.toBe(en!.get(reason));
      expect(fr!.get(reason)).not.toBe(en!.get(reason));
    }
  });

  it('puts the flagged words into the message', () => {
    expect(flagMessage({ reason: 'new_number', detail: '12' })).toBe('A number the cited lines do not give: 12');
  });
});
