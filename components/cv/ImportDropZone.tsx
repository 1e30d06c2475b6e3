import { useRef, useState } from 'react';
import { i18n } from '#i18n';

/** File types the importers read; the content decides in the end (magic bytes), not the extension. */
export const CV_ACCEPT = '.pdf,.docx,.md,.markdown,.tex,.latex,.json,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown,application/json';

export interface ImportFailure {
  file: string;
  code: string;
  message: string;
}

/** Drop zone and file picker; the view does the reading and reports progress and failures back. */
export function ImportDropZone({ busyFile, failure, onFiles }: { busyFile?: string; failure?: ImportFailure; onFiles(files: File[]): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div
      className={`jf-cv-drop${over ? ' over' : ''}`}
      data-testid="cv-drop"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const files = [...e.dataTransfer.files];
        if (files.length > 0) onFiles(files);
      }}
    >
      <p className="jf-muted">{i18n.t('cv.dropHint')}</p>
      <div className="jf-row">
        <button className="jf-button" disabled={busyFile !== undefined} onClick={() => input.current?.click()} data-testid="cv-choose">
          {i18n.t('cv.choose')}
        </button>
        <input
          ref={input}
          type="file"
          accept={CV_ACCEPT}
          multiple
          hidden
          data-testid="cv-file-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
        {busyFile ? (
          <span role="status" data-testid="cv-importing">
            {i18n.t('cv.importing', [busyFile])}
          </span>
        ) : null}
      </div>
      {failure ? (
        <div role="alert" className="jf-error" data-testid="cv-import-error" data-code={failure.code}>
          <strong>{i18n.t('cv.importFailed', [failure.file])}</strong> {failure.message}
        </div>
      ) : null}
    </div>
  );
}
