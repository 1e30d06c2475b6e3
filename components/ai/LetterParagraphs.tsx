import type { Flag } from '@/lib/ai/post-check';
import type { CheckedParagraph } from '@/lib/panel/ai-review';

export interface LetterParagraphsLabels {
  flag: (flag: Flag) => string;
  blocked: string;
  approve: string;
  /** Shown when approvals can no longer change the text (the user edited it). */
  locked?: string;
}

interface Props {
  paragraphs: CheckedParagraph[];
  approved: ReadonlySet<number>;
  /** Approvals change the draft only until the user edits it. */
  locked: boolean;
  labels: LetterParagraphsLabels;
  onApprove(index: number, approved: boolean): void;
}

/** The model's cover letter paragraphs with the post-check's flags; a flagged one is left out until approved. */
export function LetterParagraphs({ paragraphs, approved, locked, labels, onApprove }: Props) {
  const flagged = paragraphs.filter((p) => p.flags.length > 0);
  if (!flagged.length) return null;
  return (
    <div className="jf-aiui-diff" data-testid="letter-flags">
      {locked && labels.locked ? <p className="jf-muted">{labels.locked}</p> : null}
      <ul className="jf-aiui-lines">
        {flagged.map((p) => {
          const ok = approved.has(p.index);
          return (
            <li key={p.index} className={`jf-aiui-line changed${ok ? '' : ' blocked'}`} data-testid="letter-paragraph" data-blocked={!ok}>
              <span className="jf-aiui-text">{p.text}</span>
              <div className="jf-aiui-flags">
                {ok ? null : <p className="jf-error">{labels.blocked}</p>}
                <ul className="jf-list">
                  {p.flags.map((f, j) => (
                    <li key={j} data-reason={f.reason}>
                      {labels.flag(f)}
                    </li>
                  ))}
                </ul>
                <label className="jf-row">
                  <input type="checkbox" checked={ok} disabled={locked} onChange={(e) => onApprove(p.index, e.target.checked)} data-testid="letter-approve" />
                  {labels.approve}
                </label>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
