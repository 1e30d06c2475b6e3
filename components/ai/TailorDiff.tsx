import type { Flag } from '@/lib/ai/post-check';
import type { DiffRow } from '@/lib/panel/ai-review';

export interface TailorDiffLabels {
  kind: Record<DiffRow['kind'], string>;
  /** Why a line is blocked, in the user's language. */
  flag: (flag: Flag) => string;
  blocked: string;
  approve: string;
  /** "from …" for the ids a line cites (the cited CV lines and facts, quoted). */
  sources: (ids: string[]) => string;
  summary: string;
}

interface Props {
  rows: DiffRow[];
  labels: TailorDiffLabels;
  onApprove(index: number, approved: boolean): void;
}

/**
 * The tailored CV against the master: kept, changed (word diff: inserted and deleted words), added and
 * removed lines. A flagged line says why and stays out of the saved CV until the user ticks "I can back
 * this up". Model text is rendered as text only.
 */
export function TailorDiff({ rows, labels, onApprove }: Props) {
  return (
    <div className="jf-aiui-diff" data-testid="tailor-diff">
      <p className="jf-muted" role="status" data-testid="tailor-summary">
        {labels.summary}
      </p>
      <ul className="jf-aiui-lines">
        {rows.map((row, i) => {
          const flagged = row.flags.length > 0;
          return (
            <li
              key={i}
              className={`jf-aiui-line ${row.kind}${row.blocked ? ' blocked' : ''}`}
              data-testid="tailor-line"
              data-kind={row.kind}
              data-blocked={row.blocked}
              data-text={row.text}
            >
              <span className="jf-aiui-kind">{labels.kind[row.kind]}</span>
              <span className="jf-aiui-text" data-testid="tailor-line-text">
                {row.parts
                  ? row.parts.map((p, j) =>
                      p.kind === 'added' ? <ins key={j}>{p.value}</ins> : p.kind === 'removed' ? <del key={j}>{p.value}</del> : <span key={j}>{p.value}</span>,
                    )
                  : row.kind === 'removed' ? <del>{row.text}</del> : row.text}
              </span>
              {row.sources.length && row.kind !== 'removed' ? <span className="jf-muted jf-aiui-sources">{labels.sources(row.sources)}</span> : null}
              {flagged && row.index !== undefined ? (
                <div className="jf-aiui-flags" data-testid="tailor-flags">
                  {row.blocked ? <p className="jf-error">{labels.blocked}</p> : null}
                  <ul className="jf-list">
                    {row.flags.map((f, j) => (
                      <li key={j} data-reason={f.reason}>
                        {labels.flag(f)}
                      </li>
                    ))}
                  </ul>
                  <label className="jf-row">
                    <input type="checkbox" checked={row.approved} onChange={(e) => onApprove(row.index!, e.target.checked)} data-testid="tailor-approve" />
                    {labels.approve}
                  </label>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
