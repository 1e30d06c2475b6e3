import { useMemo } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { AddCvCard } from '@/components/match/AddCvCard';
import { type ChipActions, KeywordChips } from '@/components/match/KeywordChips';
import { MatchCard } from '@/components/match/MatchCard';
import { PostingKeywords } from '@/components/match/PostingKeywords';
import { Skeleton } from '@/components/Skeleton';
import type { JobPosting } from '@/lib/capture/types';
import { getDb } from '@/lib/db/open';
import { createKeywordsRepo } from '@/lib/db/repos/keywords';
import { errorMessage } from '@/lib/util/i18n-errors';
import { chipLabels, matchLabels } from './labels';
import { useMatchView } from './use-match';

/** Below the posting card: the offline match with the default CV, or the posting's keywords and "Add your CV". */
export function MatchSection({ posting }: { posting: JobPosting }) {
  const view = useMatchView(posting);
  const labels = useMemo(() => ({ match: matchLabels(), chips: chipLabels() }), []);
  const cvId = view && view !== 'error' && view.kind === 'report' ? view.cvId : undefined;
  const actions = useMemo((): ChipActions | undefined => {
    if (!cvId) return undefined;
    const repo = createKeywordsRepo(getDb());
    const jobKey = posting.url;
    return {
      confirm: (chip, fact) =>
        repo.confirm(cvId, jobKey, chip.keyword, chip.support ? (chip.support.userProvided ? { factId: chip.support.lineId } : { lineId: chip.support.lineId }) : { fact: fact ?? '' }),
      remove: (chip) => repo.remove(cvId, jobKey, chip.keyword),
      restore: (chip) => repo.restore(cvId, jobKey, chip.keyword),
      add: (keyword) => repo.add(cvId, jobKey, keyword),
    };
  }, [cvId, posting.url]);

  if (view === undefined) {
    return (
      <Card testId="match-loading">
        <Skeleton label={i18n.t('match.computing')} />
      </Card>
    );
  }
  if (view === 'error' || view.kind === 'cv_unreadable') {
    return (
      <Card testId="match-error">
        <p className="jf-error" role="alert">
          {errorMessage(view === 'error' ? 'internal' : 'cv_unreadable')}
        </p>
      </Card>
    );
  }
  if (view.kind === 'no_cv') {
    return (
      <>
        <PostingKeywords
          keywords={view.keywords}
          labels={{ title: i18n.t('match.postingKeywordsTitle'), mustHave: labels.match.mustHave, niceToHave: labels.match.niceToHave, none: labels.match.noRequirements }}
        />
        <AddCvCard labels={{ title: i18n.t('match.addCvTitle'), text: i18n.t('match.addCvText'), action: i18n.t('match.addCvAction') }} />
      </>
    );
  }
  return (
    <>
      <MatchCard report={view.report} labels={labels.match} />
      {actions ? <KeywordChips chips={view.chips} labels={labels.chips} actions={actions} /> : null}
    </>
  );
}
