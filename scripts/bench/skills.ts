/**
 * Skill extraction quality on SkillSpan (../shared/corpus/skills), beside the naive ESCO + O*NET label
 * lookup computed in the same run. The headline figures (`skills.*`) are the dev split, never used to
 * build the taxonomy; train figures (`skills.train_*`) sit beside them to show over-fitting. Soft skills
 * are left out: SkillSpan's Knowledge layer is what the hard-skill matcher should find.
 *
 * Run alone for a table: npx tsx scripts/bench/skills.ts
 */
import { resolve } from 'node:path';
import { evaluateSkills, formatEvaluation, hasSkillsCorpus, SKILLS_CORPUS } from '../../lib/match/eval/corpus';

const round = (n: number) => Math.round(n * 1000) / 1000;

export async function measureSkills(): Promise<Record<string, number>> {
  if (!hasSkillsCorpus()) {
    console.warn(`skills: no SkillSpan corpus at ${SKILLS_CORPUS}; skill figures skipped.`);
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
  console.log(formatEvaluation(evaluateSkills()));
  console.log(await measureSkills());
}
