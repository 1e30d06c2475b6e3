import { useId, useState } from 'react';
import type { CitedEvaluation } from '@/lib/ai/evaluation';
import type { PromptCvLine } from '@/lib/ai/prompts';

export interface EvaluationLabels {
  score: (score: string) => string;
  matches: string;
  gaps: string;
  must: string;
  nice: string;
  /** Before the lines a match cites ("Your CV:"). */
  fromCv: string;
  /** Before the lines a gap cites: the closest the CV comes. */
  closest: string;
  /** A match no line of the CV backs. */
  unsupported: string;
  /** Cited ids the CV does not have, left out. */
  unknownIds: (ids: string) => string;
  more: string;
  less: string;
}

/** Characters of a cited line shown before "more". */
export const QUOTE_CHARS = 140;

/**
 * The model's CV evaluation: score, rationale, and matches and gaps, each with the words of the CV lines
 * it cites. A match no line backs is marked; ids the CV does not have are named once and left out. Text only.
 */
export function EvaluationResult({ evaluation, labels }: { evaluation: CitedEvaluation; labels: EvaluationLabels }) {
  const score = String(Math.round(Math.min(100, Math.max(0, evaluation.score))));
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
              <li key={i} data-testid="eval-match" data-unsupported={m.unsupported}>
                {m.requirement}
                {m.note ? <span className="jf-muted"> — {m.note}</span> : null}
                {m.unsupported ? (
                  <p className="jf-eval-unsupported" data-testid="eval-unsupported">
                    {labels.unsupported}
                  </p>
                ) : (
                  <Quotes title={labels.fromCv} lines={m.lines} labels={labels} />
                )}
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
              <li key={i} data-testid="eval-gap">
                {g.requirement} · {g.importance === 'must' ? labels.must : labels.nice}
                {g.note ? <span className="jf-muted"> — {g.note}</span> : null}
                <Quotes title={labels.closest} lines={g.lines} labels={labels} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {evaluation.unknownIds.length ? (
        <p className="jf-muted" data-testid="eval-unknown">
          {labels.unknownIds(evaluation.unknownIds.join(', '))}
        </p>
      ) : null}
    </div>
  );
}

function Quotes({ title, lines, labels }: { title: string; lines: PromptCvLine[]; labels: EvaluationLabels }) {
  if (!lines.length) return null;
  return (
    <div className="jf-match-detail">
      <span className="jf-muted">{title}</span>
      <ul className="jf-eval-quotes">
        {lines.map((l) => (
          <li key={l.id} data-testid="eval-quote" data-line={l.id}>
            <Quote text={l.text} labels={labels} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A cited line in its own words; a long one is cut at a word, with "more" to read it whole. */
function Quote({ text, labels }: { text: string; labels: EvaluationLabels }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const long = text.length > QUOTE_CHARS;
  const cut = text.slice(0, QUOTE_CHARS).replace(/\s+\S*$/, '');
  return (
    <>
      <q id={id} className="jf-match-evidence">
        {long && !open ? `${cut}…` : text}
      </q>
      {long ? (
        <>
          {' '}
          <button className="jf-link" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
            {open ? labels.less : labels.more}
          </button>
        </>
      ) : null}
    </>
  );
}
