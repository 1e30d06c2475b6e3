import type { SiteAdapter } from '../types';
import { ashby } from './ashby';
import { glassdoor } from './glassdoor';
import { greenhouse } from './greenhouse';
import { indeed } from './indeed';
import { lever } from './lever';
import { linkedin } from './linkedin';
import { smartrecruiters } from './smartrecruiters';
import { workday } from './workday';

/** Tried in order; the first whose `matches` accepts the document reads it. */
export const adapters: readonly SiteAdapter[] = [linkedin, indeed, glassdoor, workday, greenhouse, lever, ashby, smartrecruiters];

export function findAdapter(doc: Document): SiteAdapter | undefined {
  return adapters.find((adapter) => adapter.matches(doc));
}
