import type { AnalysisComparison } from '@/lib/ai/compare';

export interface AnalysisAgreementLabels {
  title: string;
  agreed: (items: string) => string;
  onlyModel: (items: string) => string;
  onlyOffline: (items: string) => string;
  /** Both gave the same seniority, or each its own (`offline` undefined: the posting does not say). */
  seniority: (model: string, offline: string | undefined, agree: boolean) => string;
  importance: Record<'must' | 'nice', string>;
}

/**
 * The job analysis beside the offline match: what both found, and each one's disagreements (shown,
 * not hidden), so the user sees where the model adds to or departs from the deterministic report.
 */
export function AnalysisAgreement({ comparison, labels }: { comparison: AnalysisComparison; labels: AnalysisAgreementLabels }) {
  const { agreed, onlyModel, onlyOffline, seniority } = comparison;
  if (!agreed.length && !onlyModel.length && !onlyOffline.length && !seniority.model && !seniority.offline) return null;
  const line = (testId: string, text: string, disagree: boolean) => (
    <li data-testid={testId} data-disagree={disagree}>
      {text}
    </li>
  );
  return (
    <div className="jf-analysis" data-testid="analysis-agreement">
      <h3 className="jf-subhead">{labels.title}</h3>
      <ul className="jf-list">
        {agreed.length ? line('agree-both', labels.agreed(agreed.map((a) => a.canonical).join(', ')), false) : null}
        {onlyModel.length ? line('agree-model', labels.onlyModel(onlyModel.map((m) => `${m.canonical ?? m.text} (${labels.importance[m.importance]})`).join(', ')), true) : null}
        {onlyOffline.length ? line('agree-offline', labels.onlyOffline(onlyOffline.map((o) => `${o.canonical} (${labels.importance[o.importance]})`).join(', ')), true) : null}
        {seniority.model || seniority.offline
          ? line('agree-seniority', labels.seniority(seniority.model ?? '—', seniority.offline, seniority.agree), !seniority.agree)
          : null}
      </ul>
    </div>
  );
}
