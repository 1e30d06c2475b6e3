import { type JobAnalysis, normalizeAnalysis, PRIORITIES } from '@/lib/ai/schemas';

type Priority = (typeof PRIORITIES)[number];
type Seniority = NonNullable<JobAnalysis['seniority']>;

export interface AnalysisLabels {
  role: string;
  seniority: string;
  /** A seniority level in the user's language. */
  seniorityName: (level: Seniority) => string;
  mustHave: string;
  niceToHave: string;
  technologies: string;
  hardSkills: string;
  softSkills: string;
  keywords: string;
  sections: string;
  confidence: (percent: string) => string;
  priority: Record<Priority, string>;
}

const percent = (x: number) => `${Math.round(x * 100)} %`;

/**
 * The model's structured job analysis, as text (never HTML): role and seniority, must and nice to have,
 * technologies with the model's confidence (most confident first), hard and soft skills, ATS keywords
 * by priority (high first), suggested CV sections and the overall confidence. Empty lists are left out.
 */
export function AnalysisResult({ analysis, labels }: { analysis: JobAnalysis; labels: AnalysisLabels }) {
  const a = normalizeAnalysis(analysis);
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
  const technologies = [...a.technologies].sort((x, y) => y.confidence - x.confidence);
  const keywords = PRIORITIES.map((p) => ({ priority: p, keywords: a.atsKeywords.filter((k) => k.priority === p).map((k) => k.keyword) })).filter(
    (g) => g.keywords.length,
  );
  return (
    <div className="jf-analysis" data-testid="ai-analysis">
      <p>
        <strong>{labels.role}:</strong> <span data-testid="ai-role">{a.role}</span>
        {a.seniority ? <span data-testid="ai-seniority">{` · ${labels.seniority}: ${labels.seniorityName(a.seniority)}`}</span> : null}
      </p>
      {list(labels.mustHave, a.mustHave, 'ai-must')}
      {list(labels.niceToHave, a.niceToHave, 'ai-nice')}
      {list(
        labels.technologies,
        technologies.map((t) => `${t.name} (${percent(t.confidence)})`),
        'ai-tech',
      )}
      {list(labels.hardSkills, a.hardSkills, 'ai-hard')}
      {list(labels.softSkills, a.softSkills, 'ai-soft')}
      {keywords.length ? (
        <div data-testid="ai-keywords">
          <h3 className="jf-subhead">{labels.keywords}</h3>
          {keywords.map((g) => (
            <ul key={g.priority} className="jf-chips" data-priority={g.priority} aria-label={labels.priority[g.priority]}>
              {g.keywords.map((k, i) => (
                <li key={i} className="jf-chip">
                  {k} · {labels.priority[g.priority]}
                </li>
              ))}
            </ul>
          ))}
        </div>
      ) : null}
      {list(labels.sections, a.suggestedSections, 'ai-sections')}
      <p className="jf-muted" data-testid="ai-confidence">
        {labels.confidence(percent(a.confidence))}
      </p>
    </div>
  );
}
