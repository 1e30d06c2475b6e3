import { useState } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { PostingCard } from '@/components/PostingCard';
import { Skeleton } from '@/components/Skeleton';
import type { CaptureState } from '@/lib/capture/state';
import { sendToBackground } from '@/lib/messaging/client';
import { AppError, type ErrorCode } from '@/lib/util/errors';
import { errorMessage } from '@/lib/util/i18n-errors';

interface Props {
  tabId: number | null | undefined;
  capture: CaptureState | null | undefined;
}

export function JobView({ tabId, capture }: Props) {
  const [busy, setBusy] = useState(false);
  const [localError, setLocalError] = useState<{ code: ErrorCode; detail?: string } | null>(null);

  // A click inside the panel grants no activeTab: it works on tabs already granted or on allowed sites.
  async function analyze() {
    if (!tabId) return;
    setBusy(true);
    setLocalError(null);
    try {
      const state = await sendToBackground('captureTab', { tabId });
      if (state.status === 'error') setLocalError(state.error);
    } catch (error) {
      setLocalError({ code: error instanceof AppError ? error.code : 'internal' });
    } finally {
      setBusy(false);
    }
  }

  async function allowSite(origin: string) {
    // permissions.request must be the first thing the click does: it needs the user gesture.
    const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
    if (granted) await analyze();
  }

  if (capture === undefined || tabId === undefined) return <Skeleton label={i18n.t('panel.capturing')} />;

  const error = localError ?? (capture?.status === 'error' ? capture.error : null);
  const origin = error?.code === 'needs_permission' ? error.detail : undefined;

  return (
    <>
      {capture?.status === 'capturing' || busy ? (
        <Card testId="capturing">
          <Skeleton label={i18n.t('panel.capturing')} />
        </Card>
      ) : capture?.status === 'ready' ? (
        <PostingCard
          posting={capture.posting}
          labels={{
            source: capture.posting.source === 'json-ld' ? i18n.t('panel.fromJsonLd') : i18n.t('panel.fromPage'),
            viewDescription: i18n.t('panel.viewDescription'),
          }}
        />
      ) : !error ? (
        <Card title={i18n.t('panel.noJob')} testId="no-job">
          <p className="jf-muted">{i18n.t('panel.noJobHint')}</p>
        </Card>
      ) : null}
      {error ? (
        <Card testId="capture-error">
          <p className="jf-error" role="alert" data-code={error.code}>
            {errorMessage(error.code)}
          </p>
          {origin ? (
            <>
              <button className="jf-button" onClick={() => void allowSite(origin)}>
                {i18n.t('panel.allowSite', [new URL(origin).host])}
              </button>
              <p className="jf-muted">{i18n.t('panel.allowSiteHint')}</p>
            </>
          ) : null}
        </Card>
      ) : null}
      {tabId ? (
        <div className="jf-row">
          <button className="jf-button secondary" disabled={busy} onClick={() => void analyze()} data-testid="analyze">
            {capture?.status === 'error' ? i18n.t('panel.retry') : i18n.t('panel.analyze')}
          </button>
        </div>
      ) : null}
    </>
  );
}
