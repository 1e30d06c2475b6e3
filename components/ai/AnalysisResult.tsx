import type { JobAnalysis } from '@/lib/ai/schemas';

export interface AnalysisLabels {
  role: string;
  seniority: string;
  mustHave: string;
  niceToHave: string;
  technologies: string;
  keywords: string;
  sections: string;
  confidence: (percent: string) => string;
  priority: Record<'high' | 'medium' | 'low', string>;
}

/** The model's structured job analysis, as text (never HTML). Empty lists are left out. */
export function AnalysisResult({ analysis, labels }: { analysis: JobAnalysis; labels: AnalysisLabels }) {
  const list = (title: string, items: string[], testId: string) =>
    items.length ? (
      <div data-testid={testId}>
        <h3 className="jf-subhead">{title}</h3>
        <ul className="jf-list">
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      </div>
    ) : null;
  return (
    <div className="jf-analysis" data-testid="ai-analysis">
      <p>
        <strong>{labels.role}:</strong> <span data-testid="ai-role">{analysis.role}</span>
        {analysis.seniority ? ` · ${labels.seniority}: ${analysis.seniority}` : ''}
      </p>
      {list(labels.mustHave, analysis.mustHave, 'ai-must')}
      {list(labels.niceToHave, analysis.niceToHave, 'ai-nice')}
      {list(
        labels.technologies,
        analysis.technologies.map((t) => `${t.name} (${Math.round(Math.min(1, Math.max(0, t.confidence)) * 100)} %)`),
        'ai-tech',
      )}
      {analysis.atsKeywords.length ? (
        <div>
          <h3 className="jf-subhead">{labels.keywords}</h3>
          <ul className="jf-chips">
            {analysis.atsKeywords.map((k, i) => (
              <li key={i} className="jf-chip" title={labels.priority[k.priority]}>
                {k.keyword} · {labels.priority[k.priority]}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {list(labels.sections, analysis.suggestedSections, 'ai-sections')}
      <p className="jf-muted">{labels.confidence(`${Math.round(Math.min(1, Math.max(0, analysis.confidence)) * 100)} %`)}</p>
    </div>
  );
}
