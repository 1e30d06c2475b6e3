/**
 * Node-only: the job-posting corpus (../shared/corpus/job_postings) with its GROUND_TRUTH.json, and how a
 * captured field is compared with it. Shared by the corpus suite and the capture bench, so both score alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface JobTruth {
  page_type: string;
  title?: string;
  company?: string;
  location?: string;
  date_posted?: string;
  employment_type?: string;
  workplace?: string;
  description_text_head?: string;
}

export interface JobCorpusRow {
  file: string;
  language: string;
  truth: JobTruth | undefined;
}

/** Case, Unicode form and whitespace do not count. */
export const norm = (value: string | undefined) => (value ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/** The same day, written the same way or parsing to the same time. */
export function sameDate(expected: string, actual: string | undefined): boolean {
  if (!actual) return false;
  return expected === actual || Date.parse(expected) === Date.parse(actual);
}

/** Ground truth names a posting page `job_posting…`; everything else must not become a job. */
export const isPostingTruth = (truth: JobTruth) => truth.page_type.startsWith('job_posting');

/** Every file of MANIFEST.tsv with its language and ground truth. */
export function loadJobCorpus(corpus: string): JobCorpusRow[] {
  const [header, ...lines] = readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const columns = header!.split('\t');
  const truth = JSON.parse(readFileSync(join(corpus, 'GROUND_TRUTH.json'), 'utf8')) as Record<string, JobTruth>;
  return lines.map((line) => {
    const cells = line.split('\t');
    const get = (name: string) => cells[columns.indexOf(name)] ?? '';
    return { file: get('file'), language: get('language'), truth: truth[get('file')] };
  });
}
