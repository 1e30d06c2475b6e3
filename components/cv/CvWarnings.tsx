import { i18n } from '#i18n';
import type { CvWarning } from '@/lib/cv/model';

/** What the parser could not read, in plain words, with the detail it kept (a heading, a file name). */
export function CvWarnings({ warnings }: { warnings: CvWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="jf-cv-warnings" data-testid="cv-warnings">
      <h3>{i18n.t('cv.warningsTitle')}</h3>
      <ul className="jf-list">
        {warnings.map((w, i) => (
          <li key={i} data-code={w.code}>
            {i18n.t(`cv.warning.${w.code}`)}
            {w.detail ? <span className="jf-muted"> ({w.detail})</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
