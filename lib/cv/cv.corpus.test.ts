import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from '@jsonresume/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusPdfs, type FileScore, hasResumeCorpus, loadTruth, percent, RESUME_CORPUS, scoreCv, scoredFields, totals } from './eval/corpus';
import { importCv } from './import/index';
import { readPdfInNode } from './import/pdf-node';
import { cvSchema, toJsonResume } from './model';

/**
 * Every PDF in ../shared/corpus/resumes against TRUTH.json: name, email, phone, every employer, title
 * and school. Prints a per-file table and per-field accuracy, then asserts the targets of issue 5
 * (contact ≥ 98 %, employers, titles and schools ≥ 90 %).
 */

const hasCorpus = hasResumeCorpus();
const scored: FileScore[] = [];

describe.skipIf(!hasCorpus)('CV import on the resume corpus', () => {
  const truth = hasCorpus ? loadTruth() : {};
  const pdfs = hasCorpus ? corpusPdfs() : [];

  it.each(pdfs)('%s', async (file) => {
    const data = new Uint8Array(readFileSync(join(RESUME_CORPUS, file)));
    const cv = await importCv(data, { fileName: file, readPdf: readPdfInNode });
    expect(cv.source.lines.length).toBeGreaterThan(0);
    expect(cvSchema.safeParse(cv).success).toBe(true);
    let schemaErrors: string[] = [];
    validate(toJsonResume(cv), (errors) => (schemaErrors = (errors ?? []).map((e) => `${e.property}: ${e.message}`)));
    expect(schemaErrors).toEqual([]);
    const t = truth[file];
    if (t) scored.push(scoreCv(file, t, cv));
  });

  afterAll(() => {
    if (scored.length === 0) return;
    const all = totals(scored);
    const header = `${'file'.padEnd(72)} ${['name', 'email', 'phone', 'empl', 'title', 'school'].map((c) => c.padStart(5)).join(' ')}`;
    const rows = scored.map((s) => {
      const cells = scoredFields.map((f) => {
        const mine = s.checks.filter((c) => c.field === f);
        if (f === 'name' || f === 'email' || f === 'phone') return mine[0]?.ok ? '✓' : '✗';
        return `${mine.filter((c) => c.ok).length}/${mine.length}`;
      });
      return `${s.file.padEnd(72)} ${cells.map((c) => c.padStart(5)).join(' ')}`;
    });
    const summary = scoredFields.map((f) => `${f} ${percent(all[f]).toFixed(1)} % (${all[f].ok}/${all[f].total})`);
    const misses = scored.flatMap((s) => s.checks.filter((c) => !c.ok).map((c) => `miss: ${s.file} ${c.field}: ${c.detail}`));
    console.log(['', header, ...rows, '', ...summary, '', ...misses].join('\n'));
  });

  it('meets the accuracy targets', () => {
    const all = totals(scored);
    expect(percent(all.contact)).toBeGreaterThanOrEqual(98);
    expect(percent(all.employer)).toBeGreaterThanOrEqual(90);
    expect(percent(all.title)).toBeGreaterThanOrEqual(90);
    expect(percent(all.school)).toBeGreaterThanOrEqual(90);
  });
});

describe.skipIf(hasCorpus)('CV import on the resume corpus', () => {
  it.skip(`skipped: ${RESUME_CORPUS} is absent`, () => undefined);
});
