import { useState } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { PostingCard } from '@/components/PostingCard';
import { Skeleton } from '@/components/Skeleton';
import type { CaptureState } from '@/lib/capture/state';
import { SITE_NAMES, type JobPosting, type Salary } from '@/lib/capture/types';
import { sendToBackground } from '@/lib/messaging/client';
import { AppError, type ErrorCode } from '@/lib/util/errors';
import { errorMessage } from '@/lib/util/i18n-errors';
import { AiCard } from './ai/AiCard';
import { MatchSection } from './job/MatchSection';

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
        <>
          <PostingCard
            posting={capture.posting}
            labels={{
              source: sourceLabel(capture.posting),
              viewDescription: i18n.t('panel.viewDescription'),
              chips: chipsOf(capture.posting),
            }}
          />
        </>
      ) : !error ? (
        <Card title={i18n.t('panel.noJob')} testId="no-job">
          <p className="jf-muted">{i18n.t('panel.noJobHint')}</p>
        </Card>
      ) : null}
      {capture?.status === 'ready' && !busy ? (
        <>
          <MatchSection posting={capture.posting} />
          <AiCard posting={capture.posting} />
        </>
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

function sourceLabel(posting: JobPosting): string {
  if (posting.source === 'json-ld') return i18n.t('panel.fromJsonLd');
  if (posting.source === 'readability') return i18n.t('panel.fromPage');
  const site = posting.source.slice('adapter:'.length);
  return i18n.t('panel.fromSite', [SITE_NAMES[site] ?? site]);
}

function chipsOf(posting: JobPosting): string[] {
  const chips: string[] = [];
  if (posting.workplace) chips.push(i18n.t(`posting.${posting.workplace}`));
  for (const type of posting.employmentType ?? []) chips.push(i18n.t(`posting.${type}`));
  const salary = posting.salary && salaryText(posting.salary);
  if (salary) chips.push(salary);
  return chips;
}

/** "$60 – $70 an hour", "€45,000 a year", "50,000 – 60,000": amounts in the browser's number format. */
function salaryText(salary: Salary): string | undefined {
  const format = (n: number) => {
    try {
      return salary.currency
        ? new Intl.NumberFormat(undefined, { style: 'currency', currency: salary.currency, maximumFractionDigits: n % 1 ? 2 : 0 }).format(n)
        : new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(n);
    } catch {
      return `${n} ${salary.currency ?? ''}`.trim();
    }
  };
  const amounts = [salary.min, salary.max].filter((n): n is number => n !== undefined);
  if (amounts.length === 0) return undefined;
  const range = [...new Set(amounts)].map(format).join(' – ');
  return salary.period ? i18n.t(`posting.${salary.period}`, [range]) : range;
}
