import type { CaptureErrorCode, PostingDraft, SiteAdapter } from '../types';
import { ashby } from './ashby';
import { glassdoor } from './glassdoor';
import { greenhouse } from './greenhouse';
import { indeed } from './indeed';
import { infojobs } from './infojobs';
import { lever } from './lever';
import { linkedin } from './linkedin';
import { seek } from './seek';
import { smartrecruiters } from './smartrecruiters';
import { stepstone } from './stepstone';
import { welcometothejungle } from './welcometothejungle';
import { workday } from './workday';

/** Tried in order. */
export const adapters: readonly SiteAdapter[] = [linkedin, indeed, glassdoor, workday, greenhouse, lever, ashby, smartrecruiters, seek, welcometothejungle, infojobs, stepstone];

export function findAdapter(doc: Document): SiteAdapter | undefined {
  return adapters.find((adapter) => adapter.matches(doc));
}

export type AdapterReading = { site: string; posting: PostingDraft & { title: string } } | { site: string; error: CaptureErrorCode };

/**
 * The first matching adapter that can tell what the page is. A page can carry another site's markers
 * (a careers page embedding LinkedIn's scripts), so an adapter that cannot tell passes to the next.
 */
export function readWithAdapters(doc: Document): AdapterReading | undefined {
  for (const adapter of adapters) {
    if (!adapter.matches(doc)) continue;
    const result = adapter.read(doc);
    if (!result) continue;
    if ('error' in result) return { site: adapter.site, error: result.error };
    const { posting } = result;
    if (posting.title) return { site: adapter.site, posting: { ...posting, title: posting.title } };
  }
  return undefined;
}
