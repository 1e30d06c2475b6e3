export interface RunOutputLabels {
  status: string;
  incomplete?: string;
}

interface Props {
  text: string;
  labels: RunOutputLabels;
  streaming: boolean;
  testId?: string;
}

/** A model's text as it arrives: always plain text (never HTML), announced politely while it streams. */
export function RunOutput({ text, labels, streaming, testId }: Props) {
  return (
    <div className="jf-run" data-testid={testId}>
      <p className="jf-muted" role="status" aria-live="polite">
        {labels.status}
      </p>
      {text ? (
        <div className={`jf-run-text${streaming ? ' streaming' : ''}`} data-testid="run-text" aria-busy={streaming}>
          {text}
        </div>
      ) : null}
      {labels.incomplete ? <p className="jf-muted">{labels.incomplete}</p> : null}
    </div>
  );
}
