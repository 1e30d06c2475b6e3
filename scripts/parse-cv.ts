/**
 * Parse CV files and print one JSON line per file:
 *   {"file": …, "ok": true, "cv": <CV model>, "resume": <JSON Resume>}
 *   {"file": …, "ok": false, "error": {"code": …, "message": …}}
 * Messages are the English ones from locales/en.yml. Exit status 1 if any file failed.
 *
 * Usage: tsx scripts/parse-cv.ts FILE...   (npm run -s parse-cv -- FILE...)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importCv } from '../lib/cv/import/index';
import { readPdfInNode } from '../lib/cv/import/pdf-node';
import { toJsonResume } from '../lib/cv/model';
import { AppError, type ErrorCode, toAppError } from '../lib/util/errors';

/** The `errors:` block of a locale file (flat `key: message` lines, optionally quoted). */
export function errorMessages(yaml: string): Map<string, string> {
  const out = new Map<string, string>();
  let inErrors = false;
  for (const line of yaml.split('\n')) {
    if (/^\S/.test(line)) inErrors = /^errors:\s*$/.test(line);
    const m = inErrors ? /^ {2}([a-z_]+):\s*(.*)$/.exec(line) : null;
    if (!m) continue;
    const raw = m[2]!.trim();
    const value = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    out.set(m[1]!, value);
  }
  return out;
}

export async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('Usage: tsx scripts/parse-cv.ts FILE...\n');
    return 2;
  }
  const messages = errorMessages(readFileSync(resolve(import.meta.dirname, '../locales/en.yml'), 'utf8'));
  const message = (code: ErrorCode) => messages.get(code) ?? code;
  let failed = 0;
  for (const file of files) {
    let line: Record<string, unknown>;
    try {
      const data = new Uint8Array(readFileSync(file));
      const cv = await importCv(data, { fileName: file.split(/[\\/]/).pop(), readPdf: readPdfInNode });
      line = { file, ok: true, cv, resume: toJsonResume(cv) };
    } catch (error) {
      failed++;
      const notFound = (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
      const appError = error instanceof AppError ? error : toAppError(error);
      line = {
        file,
        ok: false,
        error: notFound ? { code: 'not_found', message: 'No such file.' } : { code: appError.code, message: message(appError.code) },
      };
    }
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return failed > 0 ? 1 : 0;
}

if (process.argv[1]?.endsWith('parse-cv.ts')) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
