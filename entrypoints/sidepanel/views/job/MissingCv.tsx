import { i18n } from '#i18n';
import { routeHash } from '@/lib/panel/route';
import { errorMessage } from '@/lib/util/i18n-errors';

/** Tailoring and cover letters start from the default CV: none yet (null), or one that does not parse. */
export function MissingCv({ unreadable }: { unreadable: boolean }) {
  return !unreadable ? (
    <p className="jf-muted">
      {i18n.t('aiui.needsCv')} <a href={routeHash('cv')}>{i18n.t('ai.addCv')}</a>
    </p>
  ) : (
    <p className="jf-error" role="alert" data-code="cv_unreadable">
      {errorMessage('cv_unreadable')}
    </p>
  );
}
