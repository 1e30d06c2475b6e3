import { i18n } from '#i18n';
import type { CvLine } from '@/lib/cv/model';

/** The CV's original text, line by line with its origin; lines of the entry being edited are marked. */
export function SourceLines({ lines, highlighted }: { lines: CvLine[]; highlighted: Set<string> }) {
  return (
    <ol className="jf-cv-lines" data-testid="cv-source">
      {lines.map((l) => (
        <li key={l.id} className={highlighted.has(l.id) ? 'marked' : undefined} data-line-id={l.id}>
          <span className="jf-cv-origin">
            {l.origin.page !== undefined ? i18n.t('cv.originPage', [String(l.origin.page), String(l.origin.line)]) : i18n.t('cv.originLine', [String(l.origin.line)])}
          </span>
          <span>{l.text}</span>
        </li>
      ))}
    </ol>
  );
}
