import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// `npm run mock:openrouter`: starts on an ephemeral port, prints its URL, is driven over HTTP, stops on SIGTERM.

const CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli.ts');
const KEY = 'sk-or-v1-cli00000000000000000000000000000000000000000000000000000000cccc';

it('runs standalone and prints MOCK_OPENROUTER_URL', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--key', KEY, '--scenario', '{"content":"from cli"}'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const baseURL = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /MOCK_OPENROUTER_URL=(http:\/\/127\.0\.0\.1:\d+\/api\/v1)/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`cli exited with ${code}`)));
    });
    const origin = baseURL.replace(/\/api\/v1$/, '');
    await fetch(`${origin}/__mock/script`, { method: 'POST', body: JSON.stringify({ content: 'scripted' }) });
    const ask = async () =>
      (
        (await (
          await fetch(`${baseURL}/chat/completions`, {
            method: 'POST',
            headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
            body: JSON.stringify({ model: 'mock/json-strict', messages: [{ role: 'user', content: 'hi' }] }),
          })
        ).json()) as { choices: Array<{ message: { content: string } }> }
      ).choices[0]?.message.content;
    expect(await ask()).toBe('scripted');
    expect(await ask()).toBe('from cli');
    const { data } = (await (await fetch(`${origin}/__mock/requests`)).json()) as { data: unknown[] };
    expect(data).toHaveLength(2);
  } finally {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
  }
}, 15_000);
