import { useId, useState, type DragEvent } from 'react';
import { Card } from '../Card';

export interface PostingInputLabels {
  title: string;
  pasteLabel: string;
  pastePlaceholder: string;
  readText: string;
  dropHint: string;
  chooseFile: string;
}

interface Props {
  busy: boolean;
  /** Translated error of the last attempt. */
  error?: { code: string; message: string };
  labels: PostingInputLabels;
  onText(text: string): void;
  onFile(file: File): void;
}

/** Other ways in: paste the posting's text, or drop / choose an HTML, PDF or TXT file. */
export function PostingInput({ busy, error, labels, onText, onFile }: Props) {
  const [text, setText] = useState('');
  const [over, setOver] = useState(false);
  const id = useId();
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !busy) onFile(file);
  };
  return (
    <Card title={labels.title} testId="posting-input">
      <label className="jf-field" htmlFor={`${id}-text`}>
        <span>{labels.pasteLabel}</span>
        <textarea
          id={`${id}-text`}
          rows={4}
          value={text}
          placeholder={labels.pastePlaceholder}
          onChange={(e) => setText(e.target.value)}
          data-testid="paste-text"
        />
      </label>
      <div className="jf-row">
        <button className="jf-button secondary" disabled={busy || !text.trim()} onClick={() => onText(text)} data-testid="read-text">
          {labels.readText}
        </button>
      </div>
      <div
        className={`jf-capture-drop${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        data-testid="drop-zone"
      >
        <span className="jf-muted">{labels.dropHint}</span>
        <label className="jf-link">
          {labels.chooseFile}
          <input
            type="file"
            className="jf-capture-file"
            accept=".html,.htm,.pdf,.txt,text/html,application/pdf,text/plain"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) onFile(file);
            }}
            data-testid="posting-file"
          />
        </label>
      </div>
      {error ? (
        <p className="jf-error" role="alert" data-code={error.code} data-testid="posting-input-error">
          {error.message}
        </p>
      ) : null}
    </Card>
  );
}
