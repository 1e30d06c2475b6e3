/**
 * npx tsx scripts/build-taxonomy.ts [--stats]
 *
 * Writes lib/match/taxonomy/skills.generated.json from ../shared/corpus/skills:
 *   1. curated skills (lib/match/taxonomy/curated.ts) first: their names win;
 *   2. ESCO v1.1.1 knowledge concepts (labels ≤ 4 words; one-word synonyms dropped) as `domain`,
 *      or `technology`/`tool` when the label names software;
 *   3. O*NET Technology Skills examples listed for several occupations or flagged hot/in demand,
 *      with vendor-free names and acronyms as extra surface forms;
 *   4. pruning on SkillSpan *train* only: a technology or domain surface form matched ≥ MIN_SEEN times
 *      whose matches overlap a gold Knowledge span less than MIN_PRECISION of the time is dropped (dev
 *      is never read).
 * Deterministic: same inputs, same bytes. With --stats, prints the pruned forms.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readSkillSpan } from '../lib/match/eval/corpus';
import { createSkillExtractor } from '../lib/match/extract-skills';
import { CURATED, NEVER_ALONE } from '../lib/match/taxonomy/curated';
import { formatSurface, parseSurface, type SkillRow, type TaxonomyData } from '../lib/match/taxonomy/index';
import { escoLabelForms, isDistinctiveName, onetSurfaces, parseEsco, parseOnet } from '../lib/match/taxonomy/sources';
import { aliasKeys } from '../lib/match/tokenize';
import { SKILL_KINDS, type SkillKind } from '../lib/match/types';

const root = resolve(import.meta.dirname, '..');
const corpus = resolve(root, '..', 'shared', 'corpus', 'skills');
const out = join(root, 'lib', 'match', 'taxonomy', 'skills.generated.json');
const showStats = process.argv.includes('--stats');

/** A surface matched at least this often on train is judged by its precision there. */
const MIN_SEEN = 3;
/** Below this share of matches overlapping a gold Knowledge span, a surface costs more than it finds. */
const MIN_PRECISION = 0.3;
/**
 * Kinds whose surfaces may be pruned. Degrees, certifications, languages and tools are few, curated and
 * needed by the report (education level, "Excel"), even where SkillSpan leaves a mention unannotated;
 * soft skills are not scored on SkillSpan's Knowledge layer at all.
 */
const PRUNED_KINDS = new Set<SkillKind>(['technology', 'domain']);
/** ESCO labels longer than this rarely occur verbatim in postings. */
const MAX_ESCO_WORDS = 4;

if (!existsSync(corpus)) {
  console.error(`No corpus at ${corpus}; the committed ${out} stays as it is.`);
  process.exit(1);
}

interface Entry {
  canonical: string;
  kind: SkillKind;
  surfaces: string[];
  source: 'curated' | 'esco' | 'onet';
}

const entries: Entry[] = [];
const owner = new Map<string, Entry>(); // surface keys → the entry that has it
/** Code-unit order: the same on every machine, unlike locale collation. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const keyOf = (surface: string) => aliasKeys(parseSurface(surface).text).join(' ');

/** Adds an entry with the surfaces nobody has yet; returns false when none was left. */
function add(entry: Entry): boolean {
  const fresh: string[] = [];
  const seen = new Set<string>();
  for (const s of entry.surfaces) {
    const key = keyOf(s);
    // Same key, different case rules ("=Go" and "golang" differ; "=Master" and "=Masters" too) may coexist.
    const form = parseSurface(s);
    const variant = form.cased ? `${key}|${formatSurface(form)}` : key;
    if (!key || seen.has(variant)) continue;
    seen.add(variant);
    const other = owner.get(key);
    if (other && other !== entry) continue;
    fresh.push(s);
  }
  if (!fresh.length) return false;
  entry.surfaces = fresh;
  for (const s of fresh) owner.set(keyOf(s), entry);
  entries.push(entry);
  return true;
}

// 1. Curated.
for (const c of CURATED) add({ canonical: c.name, kind: c.kind, surfaces: [...c.surfaces], source: 'curated' });

// 2. ESCO.
const esco = parseEsco(readFileSync(join(corpus, 'taxonomy_esco', 'esco_v1.1.1_skills_en.csv'), 'utf8'));
const SOFTWARE_HINT = /\b(?:programming|software|framework|database|computer|integrated development environment|tools? for|systems? for|markup|query language|operating system|scripting)\b/i;
const usable = (label: string, maxWords: number) => {
  const words = label.split(/\s+/);
  if (words.length > maxWords || label.length < 3) return false;
  if (words.length === 1 && NEVER_ALONE.has(label.toLowerCase())) return false;
  if (/^\d+$/.test(label)) return false;
  return true;
};
// Knowledge concepts only: skill/competence concepts are verb phrases ("manage musical staff") that
// postings paraphrase, and where they match they mark a task, not a hard skill.
const escoSorted = esco.filter((s) => s.skillType === 'knowledge').sort((a, b) => byText(a.preferredLabel, b.preferredLabel));
for (const s of escoSorted) {
  const qualifier = /\(([^)]*)\)/.exec(s.preferredLabel)?.[1] ?? '';
  const kind: SkillKind = /tools? for|integrated development environment/i.test(qualifier)
    ? 'tool'
    : SOFTWARE_HINT.test(qualifier)
      ? 'technology'
      : 'domain';
  // One-word synonyms are where ESCO goes wrong for matching ("frame" for optical components, "political"
  // for politics): a single word is kept only as the concept's own name.
  const preferred = new Set(escoLabelForms(s.preferredLabel).map((l) => l.toLowerCase()));
  const forms = [s.preferredLabel, ...s.altLabels]
    .flatMap(escoLabelForms)
    .filter((l) => usable(l, MAX_ESCO_WORDS) && !/[()]/.test(l))
    .filter((l) => l.includes(' ') || preferred.has(l.toLowerCase()));
  if (!forms.length) continue;
  const canonical = escoLabelForms(s.preferredLabel).at(-1)!;
  // Short software names that are also words ("Eclipse", "Maven") keep their case rule.
  const surfaces = forms.map((f) => (kind !== 'domain' && !f.includes(' ') && !isDistinctiveName(f) && /^[A-Z]/.test(f) ? `=${f}` : f));
  add({ canonical, kind, surfaces, source: 'esco' });
}

// 3. O*NET.
const onet = parseOnet(readFileSync(join(corpus, 'taxonomy_onet', 'onet_Technology_Skills.txt'), 'utf8'));
const TECH_COMMODITY = /development|programming|data base management|operating system|program testing|application server|configuration management|enterprise application integration|compiler|web platform|object or component|network|cloud|file versioning|filesystem|clustering|storage networking|enterprise system management|switch or router|authentication server|transaction server|portal server|communications server|requirements analysis|metadata management|data mining|expert system/i;
const onetSorted = [...onet]
  .filter((t) => t.hot || t.inDemand || t.occupations >= 3)
  .sort((a, b) => byText(a.example, b.example));
for (const t of onetSorted) {
  if (/\bsoftware$/i.test(t.example) && !t.hot) continue; // generic descriptions ("Email software")
  const { canonical, surfaces } = onetSurfaces(t.example);
  const kind: SkillKind = t.commodities.some((c) => TECH_COMMODITY.test(c)) ? 'technology' : 'tool';
  const kept = surfaces
    .filter((s) => !(s.split(' ').length === 1 && NEVER_ALONE.has(s.toLowerCase())))
    // One word keeps its case ("ProFile" is not "profile"), unless digits or symbols make it unmistakable.
    .map((s) => (!s.includes(' ') && !/[\d+#.]/.test(s) ? `=${s}` : s));
  add({ canonical, kind, surfaces: kept, source: 'onet' });
}

// 4. Prune on SkillSpan train.
function toData(list: Entry[]): TaxonomyData {
  const kinds = [...SKILL_KINDS];
  const skills: SkillRow[] = list.map((e) => {
    const canonicalOnly = e.surfaces.length === 1 && e.surfaces[0] === e.canonical;
    return [e.canonical, kinds.indexOf(e.kind), canonicalOnly ? [] : e.surfaces];
  });
  return { version: 1, kinds, skills };
}

const train = readSkillSpan('train', corpus);
const extractor = createSkillExtractor(toData(entries));
const stats = new Map<string, { seen: number; hit: number }>();
for (const rec of train) {
  for (const m of extractor.extract(rec.text, { skipRoles: true })) {
    if (m.kind === 'soft_skill') continue;
    const key = aliasKeys(m.text.replace(/\s+v?\d[\d.x+]*$/i, '')).join(' ');
    const s = stats.get(key) ?? { seen: 0, hit: 0 };
    s.seen++;
    if (rec.gold.some((g) => g.start < m.end && m.start < g.end)) s.hit++;
    stats.set(key, s);
  }
}
const pruned: string[] = [];
for (const e of entries) {
  if (!PRUNED_KINDS.has(e.kind)) continue;
  e.surfaces = e.surfaces.filter((surface) => {
    const s = stats.get(keyOf(surface));
    if (!s || s.seen < MIN_SEEN || s.hit / s.seen >= MIN_PRECISION) return true;
    pruned.push(`${formatSurface(parseSurface(surface))} (${e.canonical}, ${e.source}): ${s.hit}/${s.seen}`);
    return false;
  });
}
const kept = entries.filter((e) => e.surfaces.length > 0);

const data = toData(kept);
// One skill per line: compact, and a rebuild shows up in review as a readable diff.
const rows = data.skills.map((row) => JSON.stringify(row)).join(',\n');
writeFileSync(out, `{"version":${data.version},"kinds":${JSON.stringify(data.kinds)},"skills":[\n${rows}\n]}\n`);
const bySource = (src: Entry['source']) => kept.filter((e) => e.source === src).length;
const surfaces = kept.reduce((n, e) => n + e.surfaces.length, 0);
console.log(
  `Wrote ${out}: ${kept.length} skills (${bySource('curated')} curated, ${bySource('esco')} ESCO, ${bySource('onet')} O*NET), ` +
    `${surfaces} surface forms, ${pruned.length} pruned on SkillSpan train, ${(statSync(out).size / 1024).toFixed(0)} KiB.`,
);
if (showStats) for (const p of pruned.sort()) console.log(`  pruned ${p}`);
