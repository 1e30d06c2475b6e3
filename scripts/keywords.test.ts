import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const run = (stdin: string) =>
  spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', 'keywords.ts')], { cwd: root, input: stdin, encoding: 'utf8' });

describe('scripts/keywords.ts', () => {
  it('prints one line of skills per input line, and reports bad lines', () => {
    const text = 'Go, k8s and C#';
    const { stdout, stderr, status } = run(`${JSON.stringify({ id: 'a', text })}\nnot json\n`);
    expect(status).toBe(1);
    expect(stderr).toContain('line 2');
    const [line, ...rest] = stdout.trim().split('\n');
    expect(rest).toEqual([]);
    expect(JSON.parse(line!)).toEqual({
      id: 'a',
      skills: [
        { start: 0, end: 2, text: 'Go', canonical: 'Go', kind: 'technology' },
        { start: 4, end: 7, text: 'k8s', canonical: 'Kubernetes', kind: 'technology' },
        { start: 12, end: 14, text: 'C#', canonical: 'C#', kind: 'technology' },
      ],
    });
  }, 20_000);
});
