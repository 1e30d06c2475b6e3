import type { CvEvaluation } from '@/lib/ai/schemas';

export interface EvaluationLabels {
  score: (score: string) => string;
  matches: string;
  gaps: string;
  lines: (ids: string) => string;
  must: string;
  nice: string;
}

/** The model's CV evaluation: score, rationale, and matches and gaps citing CV line ids. Text only. */
export function EvaluationResult({ evaluation, labels }: { evaluation: CvEvaluation; labels: EvaluationLabels }) {
  const score = String(Math.round(Math.min(100, Math.max(0, evaluation.score))));
  const cites = (ids: string[]) => (ids.length ? ` (${labels.lines(ids.join(', '))})` : '');
  return (
    <div className="jf-analysis" data-testid="ai-evaluation-result">
      <p>
        <strong data-testid="ai-score">{labels.score(score)}</strong>
      </p>
      <p>{evaluation.rationale}</p>
      {evaluation.matches.length ? (
        <>
          <h3 className="jf-subhead">{labels.matches}</h3>
          <ul className="jf-list">
            {evaluation.matches.map((m, i) => (
              <li key={i}>
                {m.requirement}
                {cites(m.lineIds)}
                {m.note ? ` — ${m.note}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {evaluation.gaps.length ? (
        <>
          <h3 className="jf-subhead">{labels.gaps}</h3>
          <ul className="jf-list">
            {evaluation.gaps.map((g, i) => (
              <li key={i}>
                {g.requirement} · {g.importance === 'must' ? labels.must : labels.nice}
                {g.note ? ` — ${g.note}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
