/**
 * Skill extraction quality on SkillSpan (../shared/corpus/skills), beside the naive ESCO + O*NET label
 * lookup computed in the same run. The headline figures are the dev split (never used to build the
 * taxonomy); train figures are reported beside them to show over-fitting. Spans of kind `soft_skill` are
 * left out: SkillSpan's Knowledge layer is what the hard-skill matcher should find.
 *
 * Run alone for a table: npx tsx scripts/bench/skills.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createBaseline, parseSkillSpan, scoreSpans, type SkillSpanRecord, type SpanScores } from '../../lib/match/eval/skillspan';
import { createSkillExtractor, type SkillExtractor } from '../../lib/match/extract-skills';
import { assertTaxonomy } from '../../lib/match/taxonomy/index';

export const SKILLS_CORPUS = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'skills');

export interface SkillsEvaluation {
  split: 'train' | 'dev';
  ours: SpanScores;
  baseline: SpanScores;
}

export function loadShippedExtractor(): SkillExtractor {
  const file = resolve(import.meta.dirname, '..', '..', 'lib', 'match', 'taxonomy', 'skills.generated.json');
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  assertTaxonomy(data);
  return createSkillExtractor(data);
}

export function readSplit(split: 'train' | 'dev', corpus = SKILLS_CORPUS): SkillSpanRecord[] {
  return parseSkillSpan(readFileSync(join(corpus, 'kris927b__SkillSpan', `skillspan_${split}.json`), 'utf8'));
}

/** Scores the shipped extractor and the baseline on both splits. */
export function evaluateSkills(corpus = SKILLS_CORPUS, extractor = loadShippedExtractor()): SkillsEvaluation[] {
  const baseline = createBaseline(
    readFileSync(join(corpus, 'taxonomy_esco', 'esco_v1.1.1_skills_en.csv'), 'utf8'),
    readFileSync(join(corpus, 'taxonomy_onet', 'onet_Technology_Skills.txt'), 'utf8'),
  );
  return (['train', 'dev'] as const).map((split) => {
    const records = readSplit(split, corpus);
    const ours = records.map((r) => extractor.extract(r.text, { skipRoles: true }).filter((m) => m.kind !== 'soft_skill'));
    return { split, ours: scoreSpans(records, ours), baseline: scoreSpans(records, records.map((r) => baseline(r.text))) };
  });
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Bench figures: dev is the headline (`skills.*`), train beside it (`skills.train_*`). */
export async function measureSkills(): Promise<Record<string, number>> {
  if (!existsSync(SKILLS_CORPUS)) {
    console.warn(`skills: no corpus at ${SKILLS_CORPUS}; SkillSpan figures skipped.`);
    return {};
  }
  const results: Record<string, number> = {};
  for (const { split, ours, baseline } of evaluateSkills()) {
    const prefix = split === 'dev' ? 'skills.' : 'skills.train_';
    results[`${prefix}f1_loose`] = round(ours.f1);
    results[`${prefix}f1_strict`] = round(ours.strictF1);
    results[`${prefix}baseline_f1_loose`] = round(baseline.f1);
  }
  return results;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const pct = (n: number) => (n * 100).toFixed(1).padStart(5);
  console.log('split  system    P_loose R_loose F1_loose | P_strict R_strict F1_strict | predicted gold');
  for (const { split, ours, baseline } of evaluateSkills()) {
    for (const [name, s] of [['jobfit', ours], ['baseline', baseline]] as const) {
      console.log(
        `${split.padEnd(6)} ${name.padEnd(9)} ${pct(s.precision)}   ${pct(s.recall)}   ${pct(s.f1)}  | ${pct(s.strictPrecision)}   ${pct(s.strictRecall)}    ${pct(s.strictF1)}  | ${s.predicted} ${s.gold}`,
      );
    }
  }
}
