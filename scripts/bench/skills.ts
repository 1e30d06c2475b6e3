/**
 * Skill extraction quality on SkillSpan (../shared/corpus/skills), beside the naive ESCO + O*NET label
 * lookup computed in the same run. The headline figures (`skills.*`) are the dev split, never used to
 * build the taxonomy; train figures (`skills.train_*`) sit beside them to show over-fitting. Soft skills
 * are left out: SkillSpan's Knowledge layer is what the hard-skill matcher should find. Also
 * `match.p50_ms`: one offline match report for a corpus posting against a two-page corpus CV.
 *
 * Run alone for a table: npx tsx scripts/bench/skills.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { evaluateSkills, formatEvaluation, hasSkillsCorpus, loadShippedExtractor, SKILLS_CORPUS } from '../../lib/match/eval/corpus';
import { createMatchReport, type MatchCv } from '../../lib/match/report';
import { buildMatchView } from '../../lib/match/view-model';
import type { MatchPosting } from '../../lib/match/types';

const round = (n: number) => Math.round(n * 1000) / 1000;
const CORPUS = resolve(SKILLS_CORPUS, '..');
/** An English posting with schema.org data (8.6k characters) and a two-page CV (RenderCV's example). */
const POSTING = join(CORPUS, 'job_postings', 'Japesh285__SIte_scrapper', 'workday_medtronic_R46392-2.html');
const CV = join(CORPUS, 'resumes', 'rendercv__rendercv', 'rendercv_engineeringresumes_john-doe.yaml');

function postingFromHtml(html: string): MatchPosting {
  for (const [, json] of html.matchAll(/<script[^>]*application\/ld\+json[^>]*>([\s\S]*?)<\/script>/g)) {
    const data = JSON.parse(json!) as { '@type'?: string; title?: string; description?: string };
    if (data['@type'] === 'JobPosting') {
      const description = (data.description ?? '').replace(/<(?:br|\/p|\/li|\/h\d)[^>]*>/gi, '\n').replace(/<[^>]+>/g, '');
      return { title: data.title ?? '', description };
    }
  }
  throw new Error('No JobPosting JSON-LD in the bench posting.');
}

/** RenderCV's YAML as the text lines its PDF shows: values, one per line, dates as ranges. */
function cvFromRenderCvYaml(yaml: string): MatchCv {
  const lines: string[] = [];
  let start: string | undefined;
  for (const raw of yaml.split('\n')) {
    const m = /^\s*(?:-\s+)?(?:([\w ]+):)?\s*(.*)$/.exec(raw);
    if (!m || raw.trim().startsWith('#')) continue;
    const [, key, value] = m;
    const text = (value ?? '').replace(/^['"]|['"]$/g, '').replace(/\*\*|\*/g, '').trim();
    if (key === 'start_date') start = text;
    else if (key === 'end_date') lines.push(`${start ?? ''} – ${text}`);
    else if (key && !text && /^ {4}\S/.test(raw)) lines.push(key); // a section heading
    else if (text && !['photo', 'date', 'summary', 'highlights', 'network'].includes(key ?? '')) lines.push(text);
  }
  return { lines: lines.map((text, i) => ({ id: `L${i + 1}`, text })) };
}

function medianMs(run: () => unknown, runs: number): number {
  for (let i = 0; i < 5; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return round(times[Math.floor(times.length / 2)]!);
}

/**
 * Median time of one report (extraction of both texts included), after a warm-up; and of what the Job
 * view computes on each change of the CV row: the report with a removed keyword and a fact, plus the chips.
 */
export function measureMatch(runs = 41): Record<string, number> {
  if (!existsSync(POSTING) || !existsSync(CV)) return {};
  const extractor = loadShippedExtractor();
  const posting = postingFromHtml(readFileSync(POSTING, 'utf8'));
  const cv = cvFromRenderCvYaml(readFileSync(CV, 'utf8'));
  const jobKey = 'https://jobs.example.com/bench';
  const row = {
    id: 'bench',
    data: { source: { format: 'text', lines: cv.lines.map((l, i) => ({ ...l, origin: { line: i + 1 } })) } },
    facts: [{ id: 'f1', skill: 'Kafka', text: 'Ran Kafka at Initech for 2 years', source: 'user', createdAt: 1 }],
    keywordChoices: { [jobKey]: { confirmed: [], removed: ['Python'], added: ['Salesforce CPQ'] } },
  };
  return {
    'match.p50_ms': medianMs(() => createMatchReport(posting, cv, extractor), runs),
    'match.view_p50_ms': medianMs(() => buildMatchView(posting, jobKey, row, extractor), runs),
  };
}

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
    if (split === 'dev') results['skills.f1_loose_gain_vs_baseline'] = round(ours.f1 - baseline.f1);
  }
  return { ...results, ...measureMatch() };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  console.log(formatEvaluation(evaluateSkills()));
  console.log(await measureSkills());
}
