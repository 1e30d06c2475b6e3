import { i18n } from '#i18n';
import type { PostCheck } from '@/lib/panel/use-post-check';
import { errorMessage } from '@/lib/util/i18n-errors';

/** What a run's post-check shows until its result is ready: invalid output, checking, or its error. */
export function PostCheckNotice({ check }: { check: Exclude<PostCheck<unknown>, { status: 'ready' }> }) {
  if (check.status === 'checking') return <p className="jf-muted">{i18n.t('aiui.checking')}</p>;
  const code = check.status === 'invalid' ? 'invalid_output' : check.code;
  return (
    <p className="jf-error" role="alert" data-code={code}>
      {errorMessage(code)}
    </p>
  );
}
