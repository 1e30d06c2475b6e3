/**
 * The skills taxonomy as shipped: `skills.generated.json`, written by `scripts/build-taxonomy.ts` from
 * ESCO, O*NET and `curated.ts`. Loaded lazily (dynamic import) so it never weighs on a page that does
 * not match anything.
 */
import { SKILL_KINDS, type SkillKind } from '../types';

/**
 * One skill: `[canonical, kind index into TaxonomyData.kinds, surface forms]`. An empty surface list
 * means the canonical name itself. A surface form may carry flags in front:
 * - `=` case matters: written otherwise ("react", "excel") it counts only next to another technology;
 *   written exactly at the start of a sentence ("Go further") it also needs that neighbour;
 * - `~` ambiguous in any case: counts only next to another technology (or a cue such as "programming").
 */
export type SkillRow = [canonical: string, kind: number, surfaces: string[]];

export interface TaxonomyData {
  version: 1;
  kinds: SkillKind[];
  skills: SkillRow[];
}

export interface SurfaceForm {
  /** The surface without flags, e.g. "Go". */
  text: string;
  cased: boolean;
  ambiguous: boolean;
}

export function parseSurface(surface: string): SurfaceForm {
  const flags = /^[=~]*/.exec(surface)![0];
  return { text: surface.slice(flags.length), cased: flags.includes('='), ambiguous: flags.includes('~') };
}

export function formatSurface(s: SurfaceForm): string {
  return `${s.cased ? '=' : ''}${s.ambiguous ? '~' : ''}${s.text}`;
}

/** Checks the shape of taxonomy data (from the generated file or a test fixture). */
export function assertTaxonomy(data: unknown): asserts data is TaxonomyData {
  const d = data as Partial<TaxonomyData> | undefined;
  if (!d || d.version !== 1 || !Array.isArray(d.kinds) || !Array.isArray(d.skills)) {
    throw new Error('Not a Jobfit skills taxonomy (version 1).');
  }
  for (const kind of d.kinds) {
    if (!SKILL_KINDS.includes(kind)) throw new Error(`Unknown skill kind in taxonomy: ${String(kind)}`);
  }
}

let loading: Promise<TaxonomyData> | undefined;

/** The shipped taxonomy, imported on first use and shared afterwards. */
export function loadTaxonomy(): Promise<TaxonomyData> {
  loading ??= import('./skills.generated.json').then((m) => {
    const data: unknown = 'default' in m ? m.default : m;
    assertTaxonomy(data);
    return data;
  });
  return loading;
}
