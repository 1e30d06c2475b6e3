import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPostingTruth, loadJobCorpus, norm, sameDate } from './corpus';

describe('job corpus scoring (shared by the corpus suite and the bench)', () => {
  it('normalises NFKC, whitespace and case', () => {
    expect(norm('  Data\u00A0ANALYST \n')).toBe('data analyst');
    expect(norm(undefined)).toBe('');
  });

  it('compares dates as written or as the same time', () => {
    expect(sameDate('2024-05-01', '2024-05-01')).toBe(true);
    expect(sameDate('2024-05-01T00:00:00Z', '2024-05-01T00:00:00.000Z')).toBe(true);
    expect(sameDate('2024-05-01', '2024-05-02')).toBe(false);
    expect(sameDate('2024-05-01', undefined)).toBe(false);
  });

  it('reads MANIFEST.tsv by column name and joins the ground truth', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jobfit-job-corpus-'));
    writeFileSync(join(dir, 'MANIFEST.tsv'), 'language\tfile\nen\ta/one.html\nfr\tb/two.html\n');
    writeFileSync(join(dir, 'GROUND_TRUTH.json'), JSON.stringify({ 'a/one.html': { page_type: 'job_posting', title: 'One' }, 'b/two.html': { page_type: 'search_results' } }));
    const rows = loadJobCorpus(dir);
    expect(rows.map((r) => [r.file, r.language, r.truth?.title])).toEqual([
      ['a/one.html', 'en', 'One'],
      ['b/two.html', 'fr', undefined],
    ]);
    expect(rows.map((r) => isPostingTruth(r.truth!))).toEqual([true, false]);
  });
});
