/**
 * Read job postings from files and print one JSON line per file:
 *   {"file": …, "ok": true, "posting": <JobPosting>}
 *   {"file": …, "ok": false, "error": {"code": …, "message": …}}
 * HTML through jsdom (scripts never run) with the same lib/capture code the browser runs; PDF (pdf.js text)
 * and TXT through the text path. Messages are the English ones from locales/en.yml. Exit status 1 if any
 * file failed.
 *
 * Usage: tsx scripts/extract.ts [--base-url URL] FILE...   (npm run -s extract -- FILE...)
 *   --base-url  the address the pages were saved from (default: each file's file:// URL); with it, a
 *               page at FILE gets URL/FILE, as if served from there.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { readPostingFile } from '../lib/capture/file';
import { readPdfInNode } from '../lib/cv/import/pdf-node';
import { AppError, type ErrorCode, toAppError } from '../lib/util/errors';
import { errorMessages } from './parse-cv';

export type ExtractLine =
  | { file: string; ok: true; posting: unknown }
  | { file: string; ok: false; error: { code: string; message: string } };

/** The document URL a file's page is read with. */
export function documentUrl(file: string, baseUrl?: string): string {
  return baseUrl ? new URL(file.split(/[\\/]/).map(encodeURIComponent).join('/'), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href : pathToFileURL(resolve(file)).href;
}

/** One file's line. `message` maps codes to the user's sentence. */
export async function extractFile(file: string, message: (code: ErrorCode) => string, baseUrl?: string): Promise<ExtractLine> {
  try {
    const data = new Uint8Array(readFileSync(file));
    const url = documentUrl(file, baseUrl);
    // jsdom's defaults: no scripts, no subresources; its CSS parse errors are not ours to print.
    const parseHtml = (html: string) => new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
    const result = await readPostingFile(data, file, { parseHtml, readPdf: (pdf) => readPdfInNode(pdf) });
    if (result.ok) return { file, ok: true, posting: result.posting };
    return { file, ok: false, error: { code: result.error.code, message: message(result.error.code) } };
  } catch (error) {
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return { file, ok: false, error: { code: 'not_found', message: 'No such file.' } };
    const appError = error instanceof AppError ? error : toAppError(error);
    return { file, ok: false, error: { code: appError.code, message: message(appError.code) } };
  }
}

export async function main(args: string[]): Promise<number> {
  let baseUrl: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--base-url') baseUrl = args[++i];
    else files.push(args[i]!);
  }
  if (files.length === 0) {
    process.stderr.write('Usage: tsx scripts/extract.ts [--base-url URL] FILE...\n');
    return 2;
  }
  const messages = errorMessages(readFileSync(resolve(import.meta.dirname, '../locales/en.yml'), 'utf8'));
  const message = (code: ErrorCode) => messages.get(code) ?? code;
  let failed = 0;
  for (const file of files) {
    const line = await extractFile(file, message, baseUrl);
    if (!line.ok) failed++;
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return failed > 0 ? 1 : 0;
}

if (process.argv[1]?.endsWith('extract.ts')) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
