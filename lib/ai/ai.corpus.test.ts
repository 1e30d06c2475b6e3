import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importCv } from '../cv/import/index';
import { readPdfInNode } from '../cv/import/pdf-node';
import type { Cv } from '../cv/model';
import { getSkillExtractor, type SkillExtractor } from '../match/extract-skills';
import { createPostChecker } from './post-check';

/**
 * The post-check on real CVs (../shared/corpus/resumes, PDFs): every line copied as it is, citing
 * itself, passes (no false alarm on real writing); the same lines with a planted change — a year
 * shifted, a number inflated, an employer named, a tool added — are flagged.
 */

const corpus = resolve(import.meta.dirname, '../../../shared/corpus/resumes');
const files = existsSync(corpus)
  ? readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf')).sort()
  : [];

let extractor: SkillExtractor;
const cvs = new Map<string, Cv>();

beforeAll(async () => {
  extractor = await getSkillExtractor();
  for (const file of files) {
    try {
      cvs.set(file, await importCv(new Uint8Array(readFileSync(join(corpus, file))), { fileName: file, readPdf: readPdfInNode }));
    } catch {
      // Image-only PDFs have no lines to check.
    }
  }
}, 120_000);

describe.skipIf(!files.length)('post-check on the corpus CVs', () => {
  it('passes every real line copied as it is', () => {
    const misses: string[] = [];
    let checked = 0;
    for (const [file, cv] of cvs) {
      const lines = cv.source.lines.map(({ id, text }) => ({ id, text }));
      const results = createPostChecker({ lines }, extractor).check(lines.map((l) => ({ text: l.text, sources: [l.id] })));
      checked += results.length;
      for (const r of results) if (r.flags.length) misses.push(`${file} ${r.text} → ${JSON.stringify(r.flags)}`);
    }
    console.log(`post-check identity: ${checked} lines of ${cvs.size} CVs, ${misses.length} flagged`);
    expect(checked).toBeGreaterThan(500);
    expect(misses).toEqual([]);
  });

  it('flags planted changes in real lines', () => {
    let planted = 0;
    const missed: string[] = [];
    for (const [file, cv] of cvs) {
      const lines = cv.source.lines.map(({ id, text }) => ({ id, text }));
      const checker = createPostChecker({ lines }, extractor);
      const plants: { text: string; sources: string[]; kind: string }[] = [];
      for (const l of lines) {
        const year = /\b(19|20)(\d{2})\b/.exec(l.text);
        const shifted = year ? String(Number(year[0]) - 3) : '';
        // A shifted year that the line already holds elsewhere is no change of fact.
        if (year && !l.text.includes(shifted)) plants.push({ kind: 'year', text: l.text.replace(year[0], shifted), sources: [l.id] });
        const num = /(?<![\p{L}\d.,])(\d{1,3})(%| ?(?:people|engineers|users|clients|customers|projects|members|students))/u.exec(l.text);
        if (num && !year) plants.push({ kind: 'number', text: l.text.replace(num[0], `${Number(num[1]) * 3 + 7}${num[2]}`), sources: [l.id] });
        if (l.text.split(' ').length >= 6) {
          plants.push({ kind: 'employer', text: `${l.text.replace(/[.\s]+$/, '')} at Initech Dynamics.`, sources: [l.id] });
          if (!/terraform/i.test(l.text)) plants.push({ kind: 'tool', text: `${l.text.replace(/[.\s]+$/, '')}, using Terraform.`, sources: [l.id] });
        }
      }
      for (const p of plants) {
        planted++;
        if (!checker.check([p])[0]!.flags.length) missed.push(`${file} [${p.kind}] ${p.text}`);
      }
    }
    console.log(`post-check planted: ${planted} changes, ${missed.length} missed`);
    expect(planted).toBeGreaterThan(200);
    expect(missed).toEqual([]);
  });
});
