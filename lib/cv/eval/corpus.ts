import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Cv } from '../model';
import { fold } from '../parse/text';

/**
 * Scoring against ../shared/corpus/resumes/TRUTH.json (name, email, phone, every employer, title and
 * school), shared by the corpus suite (lib/cv/cv.corpus.test.ts) and the bench (scripts/bench/cv.ts).
 */
export const RESUME_CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus/resumes');
export const hasResumeCorpus = () => existsSync(join(RESUME_CORPUS, 'TRUTH.json'));

export interface Truth {
  name?: string;
  email?: string;
  phone?: string | null;
  work?: { company: string; title: string }[];
  education?: { institution: string }[];
}

export function loadTruth(): Record<string, Truth> {
  return JSON.parse(readFileSync(join(RESUME_CORPUS, 'TRUTH.json'), 'utf8')) as Record<string, Truth>;
}

/** Corpus PDFs, relative to the corpus folder, sorted. */
export function corpusPdfs(): string[] {
  return readdirSync(RESUME_CORPUS, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.toLowerCase().endsWith('.pdf'))
    .sort();
}

/** Accents, case, punctuation and spacing do not count. */
export function norm(value: string | undefined): string {
  return fold(value ?? '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function samePhone(expected: string, actual: string | undefined): boolean {
  const a = expected.replace(/\D/g, '');
  const b = (actual ?? '').replace(/\D/g, '');
  return a.length >= 7 && b.length >= 7 && (a.endsWith(b) || b.endsWith(a));
}

export const scoredFields = ['name', 'email', 'phone', 'employer', 'title', 'school'] as const;
export type ScoredField = (typeof scoredFields)[number];

export interface Score {
  ok: number;
  total: number;
}

export interface FileScore {
  file: string;
  /** One verdict per field instance, with what was expected and found when it missed. */
  checks: { field: ScoredField; ok: boolean; detail: string }[];
}

export function scoreCv(file: string, truth: Truth, cv: Cv): FileScore {
  const checks: FileScore['checks'] = [];
  const add = (field: ScoredField, ok: boolean, detail: string) => checks.push({ field, ok, detail });
  add('name', norm(truth.name) === norm(cv.basics.name), `${truth.name} ≠ ${cv.basics.name}`);
  add('email', norm(truth.email) === norm(cv.basics.email), `${truth.email} ≠ ${cv.basics.email}`);
  // No phone in the truth: correct only if we invent none.
  const phoneOk = truth.phone ? samePhone(truth.phone, cv.basics.phone) : cv.basics.phone === undefined;
  add('phone', phoneOk, `${truth.phone ?? '(none)'} ≠ ${cv.basics.phone ?? '(none)'}`);
  (truth.work ?? []).forEach((w, i) => {
    const entry = cv.work.find((e) => norm(e.name) === norm(w.company));
    add('employer', entry !== undefined, `${w.company} not in [${cv.work.map((e) => e.name).join(' | ')}]`);
    // The title of the entry with that employer (or, if the employer was missed, the entry in the same place).
    const paired = entry ?? cv.work[i];
    add('title', norm(paired?.position) === norm(w.title), `${w.title} ≠ ${paired?.position} (${w.company})`);
  });
  for (const e of truth.education ?? []) {
    const found = cv.education.some((x) => norm(x.institution) === norm(e.institution));
    add('school', found, `${e.institution} not in [${cv.education.map((x) => x.institution).join(' | ')}]`);
  }
  return { file, checks };
}

export function totals(files: FileScore[]): Record<ScoredField | 'contact', Score> {
  const out = Object.fromEntries([...scoredFields, 'contact'].map((f) => [f, { ok: 0, total: 0 }])) as Record<ScoredField | 'contact', Score>;
  for (const f of files) {
    for (const c of f.checks) {
      for (const key of c.field === 'name' || c.field === 'email' || c.field === 'phone' ? [c.field, 'contact' as const] : [c.field]) {
        out[key].total++;
        if (c.ok) out[key].ok++;
      }
    }
  }
  return out;
}

export const percent = (s: Score) => (s.total === 0 ? 100 : (100 * s.ok) / s.total);
