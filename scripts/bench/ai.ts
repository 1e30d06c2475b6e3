/**
 * Prompt size of the AI features against the naive prompt a competitor sends. Tokens are estimated as
 * characters / 4 (lib/ai/text.ts `estimateTokens`: the usual rule for English BPE tokenisers and the
 * mock server's own count); no tokenizer library is installed, and a ratio of two estimates made the
 * same way does not depend on the exact tokenizer.
 *
 * - `llm.tailor_prompt_tokens`: our tailoring prompt (system + user messages) for a corpus posting
 *   (captured with readPage, as the extension does) and a corpus CV (imported from its PDF).
 * - `llm.naive_prompt_tokens`: the same instructions with the whole page text (the body's text, scripts
 *   and styles aside; for a page that renders by script, whose body text is shorter than its posting,
 *   the whole description) and the whole CV text.
 * - `llm.prompt_ratio_vs_naive`: the first over the second (budget ≤ 0.6).
 * - `llm.prompt_ratio_vs_naive_median` / `_p90`: the same ratio over every capturable corpus posting.
 *
 * Run alone: npx tsx scripts/bench/ai.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { buildTailoringPrompt, cvPromptLines, TAILORING_RULES } from '../../lib/ai/prompts';
import { estimateTokens } from '../../lib/ai/text';
import { readPage } from '../../lib/capture';
import type { JobPosting } from '../../lib/capture/types';
import { importCv } from '../../lib/cv/import/index';
import { readPdfInNode } from '../../lib/cv/import/pdf-node';
import type { Cv } from '../../lib/cv/model';

const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');
const POSTINGS = join(CORPUS, 'job_postings');
/** A LinkedIn guest job page: 19k characters of page text around a 9k-character description. */
const POSTING = 'tommywu-01__auto-job-apply/linkedin_guest_kyndryl_creative-technologist.html';
const CV = join(CORPUS, 'resumes', 'rendercv__rendercv', 'rendercv_engineeringresumes_john-doe.pdf');

const round = (n: number) => Math.round(n * 1000) / 1000;

interface Page {
  posting: JobPosting;
  pageText: string;
}

function readCorpusPage(file: string): Page | undefined {
  const html = readFileSync(join(POSTINGS, file), 'utf8');
  const { document } = new JSDOM(html, { url: `http://127.0.0.1:8080/${file}`, virtualConsole: new VirtualConsole() }).window;
  const result = readPage(document);
  if (!result.ok) return undefined;
  for (const el of document.querySelectorAll('script, style, noscript, template')) el.remove();
  const bodyText = (document.body?.textContent ?? '').replace(/[ \t\r\f\v]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
  const description = result.posting.description ?? '';
  return { posting: result.posting, pageText: bodyText.length >= description.length ? bodyText : description };
}

const promptTokens = (messages: { content: string }[]) => messages.reduce((n, m) => n + estimateTokens(m.content), 0);

function ours(page: Page, cv: Cv): number {
  const cvLines = cvPromptLines(cv);
  return promptTokens(buildTailoringPrompt({ posting: page.posting, cvLines }).messages);
}

function naive(page: Page, cv: Cv): number {
  return promptTokens([
    { content: TAILORING_RULES.join('\n') },
    { content: `${page.pageText}\n\n${cv.source.lines.map((l) => l.text).join('\n')}` },
  ]);
}

export async function measureAi(): Promise<Record<string, number>> {
  if (!existsSync(join(POSTINGS, POSTING)) || !existsSync(CV)) {
    console.warn(`ai: no corpus at ${CORPUS}; prompt figures skipped.`);
    return {};
  }
  const cv = await importCv(new Uint8Array(readFileSync(CV)), { fileName: 'cv.pdf', readPdf: readPdfInNode });
  const page = readCorpusPage(POSTING);
  if (!page) throw new Error(`The bench posting ${POSTING} no longer captures.`);
  const tailor = ours(page, cv);
  const whole = naive(page, cv);
  const manifest = readFileSync(join(POSTINGS, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const columns = manifest[0]!.split('\t');
  const ratios: number[] = [];
  for (const row of manifest.slice(1)) {
    const cells = row.split('\t');
    if (cells[columns.indexOf('page_type')] !== 'job_posting') continue;
    const other = readCorpusPage(cells[columns.indexOf('file')]!);
    if (other) ratios.push(ours(other, cv) / naive(other, cv));
  }
  ratios.sort((a, b) => a - b);
  return {
    'llm.tailor_prompt_tokens': tailor,
    'llm.naive_prompt_tokens': whole,
    'llm.prompt_ratio_vs_naive': round(tailor / whole),
    ...(ratios.length
      ? {
          'llm.prompt_ratio_vs_naive_median': round(ratios[Math.floor(ratios.length / 2)]!),
          'llm.prompt_ratio_vs_naive_p90': round(ratios[Math.min(ratios.length - 1, Math.floor(ratios.length * 0.9))]!),
          'llm.prompt_ratio_postings': ratios.length,
        }
      : {}),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await measureAi());
}
