import { i18n } from '#i18n';
import { AnalysisAgreement } from '@/components/ai/AnalysisAgreement';
import { jobAnalysisSchema } from '@/lib/ai/schemas';
import type { JobPosting } from '@/lib/capture/types';
import type { MatchReport, Seniority } from '@/lib/match/report';
import { usePostCheck } from '@/lib/panel/use-post-check';
import { seniorityName } from '../ai/AiCard';
import { PostCheckNotice } from './PostCheckNotice';
import { useMatchView } from './use-match';

/**
 * The finished job analysis compared with the offline match of the same posting (loaded lazily: the
 * comparison brings the skill taxonomy). Shown once the offline report is there; with no CV there is
 * no report to compare with.
 */
export default function AnalysisCompare({ posting, result, runId }: { posting: JobPosting; result: unknown; runId: string }) {
  const match = useMatchView(posting);
  if (!match || match === 'error' || match.kind !== 'report') return null;
  return <Compared key={runId} result={result} report={match.report} />;
}

const levelName = (s: string) => (s === '—' ? s : seniorityName(s as Seniority));

function Compared({ result, report }: { result: unknown; report: MatchReport }) {
  const check = usePostCheck(result, jobAnalysisSchema, (ai, data) => ai.compareAnalysis(data, report));
  if (check.status === 'checking') return null;
  if (check.status !== 'ready') return <PostCheckNotice check={check} />;
  return (
    <AnalysisAgreement
      comparison={check.value}
      labels={{
        title: i18n.t('aiui2.compareTitle'),
        agreed: (items) => i18n.t('aiui2.compareAgreed', [items]),
        onlyModel: (items) => i18n.t('aiui2.compareOnlyModel', [items]),
        onlyOffline: (items) => i18n.t('aiui2.compareOnlyOffline', [items]),
        seniority: (model, offline, agree) =>
          agree
            ? i18n.t('aiui2.seniorityAgree', [levelName(model)])
            : offline
              ? i18n.t('aiui2.seniorityDiffer', [levelName(model), levelName(offline)])
              : i18n.t('aiui2.seniorityModelOnly', [levelName(model)]),
        importance: { must: i18n.t('ai.result.must'), nice: i18n.t('ai.result.nice') },
      }}
    />
  );
}
