import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePdf } from '../lib/cv/fixtures/pdf-writer';
import { oneColumnCv } from '../lib/cv/fixtures/pdf-cvs';
import { errorMessages } from './parse-cv';

const root = resolve(import.meta.dirname, '..');

function run(files: string[]): { lines: Record<string, unknown>[]; status: number } {
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/parse-cv.ts'), ...files], { cwd: root, encoding: 'utf8' });
    return { lines: out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>), status: 0 };
  } catch (error) {
    const e = error as { stdout: string; status: number };
    return { lines: e.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>), status: e.status };
  }
}

describe('parse-cv CLI', () => {
  it('prints one JSON line per file: the CV and its JSON Resume, or a coded error with a message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parse-cv-'));
    writeFileSync(join(dir, 'cv.pdf'), writePdf(oneColumnCv()));
    writeFileSync(join(dir, 'renamed.pdf'), Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]));
    const { lines, status } = run([join(dir, 'cv.pdf'), join(root, 'lib/cv/fixtures/jane-public.txt'), join(dir, 'renamed.pdf')]);
    expect(status).toBe(1);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ ok: true, cv: { basics: { name: 'Jordan Avery' } }, resume: { basics: { name: 'Jordan Avery' } } });
    expect(lines[1]).toMatchObject({ ok: true, resume: { basics: { email: 'jane.public@example.com' } } });
    expect(lines[2]).toEqual({
      file: join(dir, 'renamed.pdf'),
      ok: false,
      error: { code: 'cv_unsupported_type', message: expect.stringContaining('cannot read this kind of file') },
    });
  }, 30_000);

  it('reads quoted and plain messages from the errors block of a locale', () => {
    const messages = errorMessages('errors:\n  a: Plain text.\n  b: "Quoted: with colon"\nother:\n  a: not this\n');
    expect([...messages]).toEqual([
      ['a', 'Plain text.'],
      ['b', 'Quoted: with colon'],
    ]);
  });
});
