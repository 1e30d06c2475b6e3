import { useId, useState, type DragEvent } from 'react';
import { Card } from '../Card';

export interface PostingInputLabels {
  title: string;
  pasteLabel: string;
  pastePlaceholder: string;
  readText: string;
  dropHint: string;
  chooseFile: string;
  urlLabel: string;
  urlPlaceholder: string;
  readUrl: string;
  urlHint: string;
}

interface Props {
  busy: boolean;
  /** Translated error of the last attempt. */
  error?: { code: string; message: string };
  labels: PostingInputLabels;
  onText(text: string): void;
  onFile(file: File): void;
  /** Called from the click itself: the handler asks the browser for the site's permission first. */
  onUrl(url: string): void;
}

/** Other ways in: paste the posting's text, or drop / choose an HTML, PDF or TXT file. */
export function PostingInput({ busy, error, labels, onText, onFile, onUrl }: Props) {
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
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
      <form
        noValidate
        className="jf-field"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy && url.trim()) onUrl(url.trim());
        }}
      >
        <label htmlFor={`${id}-url`}>{labels.urlLabel}</label>
        <div className="jf-row">
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            autoComplete="url"
            value={url}
            placeholder={labels.urlPlaceholder}
            aria-describedby={`${id}-url-hint`}
            onChange={(e) => setUrl(e.target.value)}
            data-testid="posting-url"
          />
          <button type="submit" className="jf-button secondary" disabled={busy || !url.trim()} data-testid="read-url">
            {labels.readUrl}
          </button>
        </div>
        <span id={`${id}-url-hint`} className="jf-muted">
          {labels.urlHint}
        </span>
      </form>
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
