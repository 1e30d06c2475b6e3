import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { isPostingTruth, loadJobCorpus, norm, sameDate } from './eval/corpus';
import { employmentTypeFrom } from './normalize';
import { readPage } from '.';
import type { CaptureResult } from './types';

// Every page of ../shared/corpus/job_postings against GROUND_TRUTH.json, one row per file. Pages are
// served from 127.0.0.1 (as the e2e server and saved pages are), so adapters must recognise the markup.
// Targets (issue 4): title and company ≥ 95 % exact (case and whitespace normalised), location and
// date ≥ 90 % where the ground truth has them, negatives 100 %.

const CORPUS = process.env.JOBFIT_CORPUS ?? path.resolve(process.cwd(), '../shared/corpus/job_postings');

type Field = 'title' | 'company' | 'location' | 'datePosted';
const TARGETS: Record<Field, number> = { title: 0.95, company: 0.95, location: 0.9, datePosted: 0.9 };

function expectedError(pageType: string): string {
  if (/captcha|bot check/i.test(pageType)) return 'captcha';
  if (/login/i.test(pageType)) return 'login_required';
  if (/empty shell/i.test(pageType)) return 'empty_page';
  return 'not_a_job_posting';
}

function capture(file: string): { result: CaptureResult; ms: number } {
  const html = readFileSync(path.join(CORPUS, file), 'utf8');
  const { document } = new JSDOM(html, { url: `http://127.0.0.1:8080/${file.split('/').map(encodeURIComponent).join('/')}` }).window;
  const start = performance.now();
  const result = readPage(document);
  return { result, ms: performance.now() - start };
}

const available = existsSync(path.join(CORPUS, 'MANIFEST.tsv'));
if (!available) console.warn(`capture corpus: ${CORPUS} not found; skipping (clone the shared corpus next to the repo to run it).`);

describe.skipIf(!available)('capture corpus (../shared/corpus/job_postings)', () => {
  const rows = available ? loadJobCorpus(CORPUS) : [];
  const scores: Record<Field, { hit: number; total: number; misses: string[] }> = {
    title: { hit: 0, total: 0, misses: [] },
    company: { hit: 0, total: 0, misses: [] },
    location: { hit: 0, total: 0, misses: [] },
    datePosted: { hit: 0, total: 0, misses: [] },
  };
  const extra = { employmentType: [0, 0], workplace: [0, 0], language: [0, 0], description: [0, 0] };
  const table: string[] = [];
  let negatives = 0;
  let negativesRight = 0;

  function score(field: Field, file: string, expected: string | undefined, actual: string | undefined) {
    if (!expected) return '';
    const ok = field === 'datePosted' ? sameDate(expected, actual) : norm(expected) === norm(actual);
    scores[field].total++;
    if (ok) scores[field].hit++;
    else scores[field].misses.push(`${file}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    return ok ? 'ok' : 'MISS';
  }

  for (const row of rows) {
    if (row.file.endsWith('.pdf')) {
      it.skip(`${row.file} (PDF: capture reads HTML documents; PDF import is a separate path)`, () => {});
      continue;
    }
    const truth = row.truth;
    if (!truth) {
      it.skip(`${row.file} (no ground truth)`, () => {});
      continue;
    }

    if (!isPostingTruth(truth)) {
      it(`${row.file} → ${expectedError(truth.page_type)}`, () => {
        const { result, ms } = capture(row.file);
        const code = result.ok ? `posting "${result.posting.title}"` : result.error.code;
        negatives++;
        if (code === expectedError(truth.page_type)) negativesRight++;
        table.push(`${row.file.padEnd(96)} negative  ${code.padEnd(20)} ${ms.toFixed(0).padStart(5)} ms`);
        expect(code).toBe(expectedError(truth.page_type));
      });
      continue;
    }

    it(`${row.file} → a posting`, () => {
      const { result, ms } = capture(row.file);
      if (!result.ok) {
        for (const field of Object.keys(TARGETS) as Field[]) {
          const expected = { title: truth.title, company: truth.company, location: truth.location, datePosted: truth.date_posted }[field];
          score(field, row.file, expected, undefined);
        }
        table.push(`${row.file.padEnd(96)} ERROR ${result.error.code}`);
        expect.fail(`${row.file}: ${result.error.code}`);
        return;
      }
      const p = result.posting;
      const marks = [
        score('title', row.file, truth.title, p.title),
        score('company', row.file, truth.company, p.company),
        score('location', row.file, truth.location, p.location),
        score('datePosted', row.file, truth.date_posted ?? undefined, p.datePosted),
      ];
      if (truth.employment_type) {
        extra.employmentType[1]!++;
        if (p.employmentType?.includes(employmentTypeFrom(truth.employment_type)!)) extra.employmentType[0]!++;
      }
      if (truth.workplace) {
        extra.workplace[1]!++;
        if (norm(truth.workplace).replace(/[^a-z]/g, '').startsWith(p.workplace ?? '-')) extra.workplace[0]!++;
      }
      if (truth.description_text_head) {
        // Ground truth heads are whitespace-collapsed text without list markers.
        const head = norm(truth.description_text_head).slice(0, 80);
        extra.description[1]!++;
        if (norm(p.description?.replace(/• /g, '')).startsWith(head)) extra.description[0]!++;
      }
      if (/^[a-z]{2}$/.test(row.language)) {
        extra.language[1]!++;
        if (p.language === row.language) extra.language[0]!++;
      }
      table.push(
        `${row.file.padEnd(96)} ${p.source.padEnd(16)} ${marks.map((m) => (m || '-').padEnd(4)).join(' ')} ${ms.toFixed(0).padStart(5)} ms  ${p.title} | ${p.company ?? ''} | ${p.location ?? ''} | ${p.datePosted ?? ''} | ${p.workplace ?? ''} ${p.employmentType?.join(',') ?? ''} ${p.language ?? ''}`,
      );
      expect(p.title).toBeTruthy();
    });
  }

  afterAll(() => {
    const pct = (hit: number, total: number) => (total ? `${((100 * hit) / total).toFixed(1)} % (${hit}/${total})` : 'n/a');
    const lines = [
      '',
      `${'file'.padEnd(96)} source           titl comp loc  date`,
      ...table,
      '',
      ...(Object.keys(scores) as Field[]).map((f) => `${f.padEnd(14)} ${pct(scores[f].hit, scores[f].total)}   target ${TARGETS[f] * 100} %`),
      `${'negatives'.padEnd(14)} ${pct(negativesRight, negatives)}   target 100 %`,
      `${'employmentType'.padEnd(14)} ${pct(extra.employmentType[0]!, extra.employmentType[1]!)}   (reported, no target)`,
      `${'workplace'.padEnd(14)} ${pct(extra.workplace[0]!, extra.workplace[1]!)}   (reported, no target)`,
      `${'description'.padEnd(14)} ${pct(extra.description[0]!, extra.description[1]!)}   (first 80 characters as in the ground truth, reported, no target)`,
      `${'language'.padEnd(14)} ${pct(extra.language[0]!, extra.language[1]!)}   (vs MANIFEST language: the page's, reported, no target)`,
      ...(Object.keys(scores) as Field[]).flatMap((f) => scores[f].misses.map((m) => `miss ${f}: ${m}`)),
    ];
    console.log(lines.join('\n'));
  });

  it('meets the accuracy targets', () => {
    for (const field of Object.keys(TARGETS) as Field[]) {
      const { hit, total, misses } = scores[field];
      expect(total, `${field}: no ground truth rows ran`).toBeGreaterThan(0);
      expect(hit / total, `${field}: ${misses.join('; ')}`).toBeGreaterThanOrEqual(TARGETS[field]);
    }
    expect(negativesRight).toBe(negatives);
  });
});
