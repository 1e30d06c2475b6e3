/**
 * Node-only: reads SkillSpan and the raw taxonomies from ../shared/corpus/skills and scores an extractor
 * beside the naive baseline. Shared by the corpus test and the bench.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createSkillExtractor, type SkillExtractor } from '../extract-skills';
import { assertTaxonomy } from '../taxonomy/index';
import { createBaseline, parseSkillSpan, scoreSpans, type SkillSpanRecord, type SpanScores } from './skillspan';

export const SKILLS_CORPUS = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus', 'skills');

export const hasSkillsCorpus = (corpus = SKILLS_CORPUS) => existsSync(join(corpus, 'kris927b__SkillSpan'));

export interface SkillsEvaluation {
  split: 'train' | 'dev';
  ours: SpanScores;
  baseline: SpanScores;
}

/** The extractor over the committed taxonomy file, read synchronously (no bundler needed). */
export function loadShippedExtractor(): SkillExtractor {
  const data: unknown = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', 'taxonomy', 'skills.generated.json'), 'utf8'));
  assertTaxonomy(data);
  return createSkillExtractor(data);
}

export function readSkillSpan(split: 'train' | 'dev', corpus = SKILLS_CORPUS): SkillSpanRecord[] {
  return parseSkillSpan(readFileSync(join(corpus, 'kris927b__SkillSpan', `skillspan_${split}.json`), 'utf8'));
}

/**
 * Scores `extractor` and the baseline on both splits. Predictions are every match except soft skills,
 * with names inside role titles left out ("Java" in "Java Developer"), as SkillSpan annotates them.
 */
export function evaluateSkills(extractor = loadShippedExtractor(), corpus = SKILLS_CORPUS): SkillsEvaluation[] {
  const baseline = createBaseline(
    readFileSync(join(corpus, 'taxonomy_esco', 'esco_v1.1.1_skills_en.csv'), 'utf8'),
    readFileSync(join(corpus, 'taxonomy_onet', 'onet_Technology_Skills.txt'), 'utf8'),
  );
  return (['train', 'dev'] as const).map((split) => {
    const records = readSkillSpan(split, corpus);
    const ours = records.map((r) => extractor.extract(r.text, { skipRoles: true }).filter((m) => m.kind !== 'soft_skill'));
    return { split, ours: scoreSpans(records, ours), baseline: scoreSpans(records, records.map((r) => baseline(r.text))) };
  });
}

const pct = (n: number) => (n * 100).toFixed(1).padStart(5);

/** A fixed-width table of an evaluation, for logs. */
export function formatEvaluation(results: SkillsEvaluation[]): string {
  const lines = ['split  system    P_loose R_loose F1_loose | P_strict R_strict F1_strict | predicted gold'];
  for (const { split, ours, baseline } of results) {
    for (const [name, s] of [['jobfit', ours], ['baseline', baseline]] as const) {
      lines.push(
        `${split.padEnd(6)} ${name.padEnd(9)} ${pct(s.precision)}   ${pct(s.recall)}   ${pct(s.f1)}  | ${pct(s.strictPrecision)}   ${pct(s.strictRecall)}    ${pct(s.strictF1)}  | ${s.predicted} ${s.gold}`,
      );
    }
  }
  return lines.join('\n');
}
