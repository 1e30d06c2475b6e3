import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { JobPosting } from '@/lib/capture/types';
import { getDb } from '@/lib/db/open';
import { createCvsRepo } from '@/lib/db/repos/cvs';
import type { MatchCvRow, MatchView } from '@/lib/match/view-model';
import type { MatchPosting } from '@/lib/match/types';
import { createLogger } from '@/lib/util/logger';

const log = createLogger('match');
type Builder = (posting: MatchPosting, jobKey: string, cv: MatchCvRow | null) => MatchView;

/**
 * The match of a captured posting against the default CV, live: it follows the CV row (import, chip
 * choices, facts). The matcher and its taxonomy load on first use, outside the panel's first bundle.
 * `undefined` while loading; `'error'` when the matcher could not load or failed.
 */
export function useMatchView(posting: JobPosting): MatchView | 'error' | undefined {
  const cv = useLiveQuery(async () => (await createCvsRepo(getDb()).getDefault()) ?? null, []);
  const [builder, setBuilder] = useState<Builder | 'error'>();
  useEffect(() => {
    let cancelled = false;
    import('@/lib/match/view-model')
      .then((m) => m.loadMatchViewBuilder())
      .then((b) => !cancelled && setBuilder(() => b))
      .catch((error: unknown) => {
        log.error('matcher did not load', error);
        if (!cancelled) setBuilder('error');
      });
    return () => {
      cancelled = true;
    };
  }, []);
  return useMemo(() => {
    if (builder === 'error') return 'error';
    if (!builder || cv === undefined) return undefined;
    try {
      return builder(posting, posting.url, cv);
    } catch (error) {
      log.error('match failed', error);
      return 'error';
    }
  }, [builder, posting, cv]);
}
