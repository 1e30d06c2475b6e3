import { lazy, Suspense, useState } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { PostingCard } from '@/components/PostingCard';
import { PostingInput } from '@/components/capture/PostingInput';
import { ProbableDuplicate } from '@/components/capture/ProbableDuplicate';
import { SaveControl } from '@/components/capture/SaveControl';
import { Skeleton } from '@/components/Skeleton';
import { readDroppedFile, readPastedText } from '@/lib/capture/read-in-page';
import { originPattern, parsePostingUrl } from '@/lib/capture/url-input';
import type { CaptureState } from '@/lib/capture/state';
import { SITE_NAMES, type JobPosting, type Salary } from '@/lib/capture/types';
import type { JobRow } from '@/lib/db/schema';
import { isWorkerGone, sendToBackground } from '@/lib/messaging/client';
import { isJobStatus, JOB_STATUSES, useSavePosting } from '@/lib/panel/use-saved-job';
import { AppError, type ErrorCode } from '@/lib/util/errors';
import { errorMessage } from '@/lib/util/i18n-errors';
import { AiCard } from './ai/AiCard';
import { MatchSection } from './job/MatchSection';

// The Apply section loads on demand: its PDF export stays out of the panel's first bundle.
const ApplySection = lazy(() => import('./job/ApplySection'));

interface Props {
  tabId: number | null | undefined;
  capture: CaptureState | null | undefined;
}

export function JobView({ tabId, capture }: Props) {
  const [busy, setBusy] = useState(false);
  const [localError, setLocalError] = useState<{ code: ErrorCode; detail?: string } | null>(null);
  // A posting the user pasted or dropped: shown instead of the tab's until cleared.
  const [given, setGiven] = useState<JobPosting | null>(null);
  const [givenBusy, setGivenBusy] = useState(false);
  const [givenError, setGivenError] = useState<ErrorCode | null>(null);

  // "Analyze from URL": the site's permission is asked for by this click, before anything else, since the
  // browser only shows its prompt during a user gesture. The worker then reads the page in a background tab.
  function readUrl(input: string) {
    let url: URL;
    try {
      url = parsePostingUrl(input);
    } catch {
      setGivenError('url_invalid');
      return;
    }
    const asked = browser.permissions.request({ origins: [originPattern(url)] });
    void readGiven(async () => {
      if (!(await asked)) throw new AppError('url_permission_denied');
      return sendToBackground('captureUrl', { url: url.href });
    });
  }

  async function readGiven(read: () => JobPosting | Promise<JobPosting>) {
    setGivenBusy(true);
    setGivenError(null);
    try {
      setGiven(await read());
    } catch (error) {
      setGivenError(error instanceof AppError ? error.code : 'internal');
    } finally {
      setGivenBusy(false);
    }
  }

  // A click inside the panel grants no activeTab: it works on tabs already granted or on allowed sites.
  async function analyze() {
    if (!tabId) return;
    setBusy(true);
    setLocalError(null);
    try {
      const state = await sendToBackground('captureTab', { tabId });
      if (state.status === 'error') setLocalError(state.error);
    } catch (error) {
      // A worker stopped mid-capture: the next one marks the capture interrupted (see useCaptureState).
      if (!isWorkerGone(error)) setLocalError({ code: error instanceof AppError ? error.code : 'internal' });
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
  // The posting the match and AI cards speak about: the pasted or dropped one, else the tab's.
  const tabPosting = capture?.status === 'ready' ? capture.posting : null;
  const shown = given ?? tabPosting;

  return (
    <>
      {given ? (
        <>
          <PostingSection key={`given#${given.url}`} posting={given} />
          <div className="jf-row">
            <button className="jf-button secondary" onClick={() => setGiven(null)} data-testid="clear-given">
              {i18n.t('capture.backToTab')}
            </button>
          </div>
        </>
      ) : capture?.status === 'capturing' || busy ? (
        <Card testId="capturing">
          <Skeleton label={i18n.t('panel.capturing')} />
        </Card>
      ) : capture?.status === 'ready' ? (
        <PostingSection key={`${capture.posting.url}#${capture.posting.siteJobId ?? ''}`} posting={capture.posting} />
      ) : !error ? (
        <Card title={i18n.t('panel.noJob')} testId="no-job">
          <p className="jf-muted">{i18n.t('panel.noJobHint')}</p>
        </Card>
      ) : null}
      {shown && !busy ? (
        <>
          <MatchSection posting={shown} />
          <AiCard posting={shown} />
        </>
      ) : null}
      {/* An application form is often no posting (a Workday step, a candidate profile): Apply works there too. */}
      {/* A pasted or dropped posting: the user is typically on its form, in the tab in front. */}
      {given ? (
        <Suspense fallback={null}>
          <ApplySection key={`given#${given.url}`} posting={given} tabId={tabId} pasted />
        </Suspense>
      ) : tabId && !busy && capture?.status !== 'capturing' ? (
        <Suspense fallback={null}>
          <ApplySection key={tabPosting ? `${tabPosting.url}#${tabPosting.siteJobId ?? ''}` : 'no-posting'} posting={tabPosting} tabId={tabId} />
        </Suspense>
      ) : null}
      {error && !given ? (
        <Card testId="capture-error">
          <p className="jf-error" role="alert" data-code={error.code}>
            {error.code === 'capture_failed' && error.detail === 'interrupted' ? i18n.t('life.captureInterrupted') : errorMessage(error.code)}
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
      {!given ? (
        <PostingInput
          busy={givenBusy}
          error={givenError ? { code: givenError, message: errorMessage(givenError) } : undefined}
          labels={{
            title: i18n.t('capture.inputTitle'),
            pasteLabel: i18n.t('capture.pasteLabel'),
            pastePlaceholder: i18n.t('capture.pastePlaceholder'),
            readText: i18n.t('capture.readText'),
            dropHint: i18n.t('capture.dropHint'),
            chooseFile: i18n.t('capture.chooseFile'),
            urlLabel: i18n.t('captureUrl.label'),
            urlPlaceholder: i18n.t('captureUrl.placeholder'),
            readUrl: i18n.t('captureUrl.read'),
            urlHint: i18n.t('captureUrl.hint'),
          }}
          onUrl={readUrl}
          onText={(text) => void readGiven(() => readPastedText(text))}
          onFile={(file) => void readGiven(() => readDroppedFile(file))}
        />
      ) : null}
    </>
  );
}

/** The posting card with its Save button (or the saved job's status) and the "probably the same job" choice. */
function PostingSection({ posting }: { posting: JobPosting }) {
  const save = useSavePosting(posting);
  const statuses = JOB_STATUSES.map((value) => ({ value, label: i18n.t(`capture.status.${value}`) }));
  return (
    <>
      <PostingCard
        posting={posting}
        labels={{ source: sourceLabel(posting), viewDescription: i18n.t('panel.viewDescription'), chips: chipsOf(posting) }}
        actions={
          save.saved === undefined ? null : (
            <SaveControl
              status={save.saved?.status}
              statuses={statuses}
              busy={save.busy}
              labels={{
                save: i18n.t('capture.save'),
                saving: i18n.t('capture.saving'),
                status: i18n.t('capture.statusLabel'),
                savedNote: i18n.t('capture.savedNote'),
              }}
              onSave={() => void save.save()}
              onStatus={(status) => isJobStatus(status) && void save.setStatus(status)}
            />
          )
        }
      />
      {save.error ? (
        <Card testId="save-error">
          <p className="jf-error" role="alert" data-code={save.error}>
            {errorMessage(save.error)}
          </p>
        </Card>
      ) : null}
      {save.candidates && !save.saved ? (
        <ProbableDuplicate
          candidates={save.candidates.map((job) => candidateOf(job))}
          busy={save.busy}
          labels={{
            title: i18n.t('capture.probableTitle'),
            hint: i18n.t('capture.probableHint'),
            update: i18n.t('capture.updateThat'),
            saveAsNew: i18n.t('capture.saveAsNew'),
            cancel: i18n.t('capture.cancel'),
          }}
          onUpdate={(id) => void save.save({ update: id })}
          onSaveAsNew={() => void save.save('new')}
          onCancel={save.dismiss}
        />
      ) : null}
    </>
  );
}

function candidateOf(job: JobRow) {
  const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(job.createdAt);
  const status = isJobStatus(job.status) ? i18n.t(`capture.status.${job.status}`) : job.status;
  return { id: job.id, title: job.title, company: job.company, location: job.location, savedOn: i18n.t('capture.savedOn', [date, status]) };
}

function sourceLabel(posting: JobPosting): string {
  if (posting.source === 'json-ld') return i18n.t('panel.fromJsonLd');
  if (posting.source === 'readability') return i18n.t('panel.fromPage');
  if (posting.source === 'text') return i18n.t('capture.fromText');
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
