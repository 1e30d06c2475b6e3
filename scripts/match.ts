/**
 * npm run -s match -- --job FILE --cv FILE [--url PAGE_URL]
 *
 * Prints the offline match report (lib/match/report.ts) of a CV against a job as JSON on stdout.
 * The job is an HTML page, read with the capture code the extension injects (lib/capture, in jsdom),
 * or JSON: a captured JobPosting (lib/capture/model.ts) or a schema.org JobPosting. The CV is any file
 * lib/cv/import reads (PDF, DOCX, Markdown, LaTeX, JSON Resume, text). On failure it prints
 * `{"error": {"code", "message"}}` (English messages from locales/en.yml) and exits 1; bad usage exits 2.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { JSDOM } from 'jsdom';
import { readPage } from '../lib/capture/index';
import { jobPostingSchema } from '../lib/capture/model';
import type { JobPosting } from '../lib/capture/types';
import { importCv } from '../lib/cv/import/index';
import { readPdfInNode } from '../lib/cv/import/pdf-node';
import { matchCvOf } from '../lib/match/cv-input';
import { matchReport } from '../lib/match/report';
import { AppError, type ErrorCode, toAppError } from '../lib/util/errors';
import { errorMessages } from './parse-cv';

const USAGE = 'Usage: npm run -s match -- --job FILE(.html|.json) --cv FILE [--url PAGE_URL]\n';

/**
 * The posting of a job file: an HTML page goes through the capture pipeline, as in the browser. `url`
 * is the page's address (`--url`; by default a localhost one named after the file).
 */
export function readJob(file: string, url = `http://localhost/${encodeURIComponent(basename(file))}`): JobPosting {
  const text = readFileSync(file, 'utf8');
  if (/^\s*[[{]/.test(text)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AppError('not_a_job_posting', 'the JSON does not parse');
    }
    const captured = jobPostingSchema.safeParse(json);
    if (captured.success) return captured.data;
    // schema.org JSON-LD: read it as the page that would carry it (the data, and its text on screen),
    // so capture normalises it exactly as in the browser.
    return capture('<!doctype html><html><head></head><body></body></html>', url, (doc) => {
      const script = doc.head.appendChild(doc.createElement('script'));
      script.type = 'application/ld+json';
      script.textContent = JSON.stringify(json);
      const data = json as { title?: unknown; description?: unknown };
      doc.body.appendChild(doc.createElement('h1')).textContent = typeof data.title === 'string' ? data.title : '';
      const description = new doc.defaultView!.DOMParser().parseFromString(typeof data.description === 'string' ? data.description : '', 'text/html');
      doc.body.appendChild(doc.createElement('div')).textContent = description.body.textContent;
    });
  }
  return capture(text, url);
}

function capture(html: string, url: string, build?: (doc: Document) => void): JobPosting {
  const { window } = new JSDOM(html, { url });
  try {
    build?.(window.document);
    const result = readPage(window.document);
    if (!result.ok) throw new AppError(result.error.code);
    return result.posting;
  } finally {
    window.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  let job: string | undefined;
  let cvFile: string | undefined;
  let url: string | undefined;
  try {
    ({ job, cv: cvFile, url } = parseArgs({ args: argv, options: { job: { type: 'string' }, cv: { type: 'string' }, url: { type: 'string' } }, strict: true }).values);
  } catch {
    job = undefined;
  }
  if (!job || !cvFile) {
    process.stderr.write(USAGE);
    return 2;
  }
  const messages = errorMessages(readFileSync(resolve(import.meta.dirname, '../locales/en.yml'), 'utf8'));
  try {
    const posting = readJob(job, url);
    const cv = await importCv(new Uint8Array(readFileSync(cvFile)), { fileName: basename(cvFile), readPdf: readPdfInNode });
    const report = await matchReport(posting, matchCvOf(cv)!);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  } catch (error) {
    const notFound = (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
    const appError = error instanceof AppError ? error : toAppError(error);
    const code: ErrorCode | 'not_found' = notFound ? 'not_found' : appError.code;
    const message = notFound ? `No such file: ${(error as NodeJS.ErrnoException).path ?? ''}` : (messages.get(appError.code) ?? appError.code);
    process.stdout.write(`${JSON.stringify({ error: { code, message } })}\n`);
    process.stderr.write(`${message}\n`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
