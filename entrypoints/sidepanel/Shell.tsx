import * as Tabs from '@radix-ui/react-tabs';
import { useLiveQuery } from 'dexie-react-hooks';
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { Skeleton } from '@/components/Skeleton';
import { Toaster } from '@/components/Toaster';
import { getDb, openDb } from '@/lib/db/open';
import { createRunsRepo } from '@/lib/db/repos/runs';
import { requestPersistentStorage } from '@/lib/panel/persist';
import { whenIdle } from '@/lib/panel/idle';
import { preloadable } from '@/lib/panel/preloadable';
import { routeHash, routes, useRoute, type Route } from '@/lib/panel/route';
import { useToasts } from '@/lib/panel/toasts';
import { useOnline } from '@/lib/panel/use-online';
import { useBoundTab, useCaptureState } from '@/lib/panel/use-panel-state';
import { AppError } from '@/lib/util/errors';
import { errorMessage } from '@/lib/util/i18n-errors';
import { createLogger } from '@/lib/util/logger';
import { JobView } from './views/JobView';

const log = createLogger('app');

// The Job view is what the panel opens on; the others are separate chunks (not in the first paint's
// JS), fetched right after the first view is up and when their tab is pointed at, so switching to them
// renders at once instead of suspending.
const CvView = preloadable(() => import('./views/CvView').then((m) => m.CvView));
const TrackerView = preloadable(() => import('./views/TrackerView').then((m) => m.TrackerView));
const UsageView = preloadable(() => import('./views/UsageView').then((m) => m.UsageView));
const SettingsView = preloadable(() => import('./views/SettingsView').then((m) => m.SettingsView));
// What the tracker draws from is read ahead as well (lib/panel/job-cards-store.ts, with the tracker's code).
const warmTracker = () => void import('@/lib/panel/job-cards-store').then((m) => m.warmTracker()).catch(() => undefined);
const preloads: Partial<Record<Route, () => Promise<unknown>>> = {
  cv: CvView.preload,
  tracker: () => {
    warmTracker();
    return TrackerView.preload();
  },
  usage: UsageView.preload,
  settings: SettingsView.preload,
};
const preloadAll = () => Object.values(preloads).forEach((preload) => void preload().catch(() => undefined));

/** Where the app runs: the side panel (360–500 px) or a full browser tab (`app.html`) for wide work. */
export type Frame = 'panel' | 'tab';

const navRoutes = ['job', 'cv', 'tracker', 'usage'] as const satisfies readonly Route[];

export function Shell({ frame }: { frame: Frame }) {
  const [route, navigate] = useRoute();
  const tabId = useBoundTab();
  const capture = useCaptureState(tabId);
  const [dbNewer, setDbNewer] = useState(false);
  const toasts = useToasts();
  const online = useOnline();
  const running = useLiveQuery(() => createRunsRepo(getDb()).countRunning().catch(() => 0), []) ?? 0;

  useEffect(() => {
    void requestPersistentStorage().catch(() => false);
    // After the first view's paint (effects run after it), not at idle: a busy machine may never be idle
    // before the user's first click on another view.
    const timer = setTimeout(preloadAll, 0);
    // What the tracker draws from too, but only when idle: reading it is real work on a big tracker.
    const cancelWarm = whenIdle(warmTracker, 2000);
    openDb().catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'db_newer') setDbNewer(true);
      else log.error('database did not open', error);
    });
    return () => {
      clearTimeout(timer);
      cancelWarm();
    };
  }, []);

  const headerTitle = capture?.status === 'ready' ? capture.posting.title : i18n.t('panel.noJob');

  function openInTab() {
    // tabs.create needs no `tabs` permission; the bound tab travels along so the Job view still knows it.
    const query = tabId ? `?tabId=${tabId}` : '';
    void browser.tabs.create({ url: browser.runtime.getURL(`/app.html${query}${routeHash(route)}`) });
  }

  const view = (r: Route): ReactNode => {
    switch (r) {
      case 'job':
        return <JobView tabId={tabId} capture={capture} />;
      case 'cv':
        return <CvView />;
      case 'tracker':
        return <TrackerView />;
      case 'usage':
        return <UsageView />;
      case 'settings':
        return <SettingsView />;
    }
  };

  return (
    <Tabs.Root value={route} onValueChange={(v) => navigate(v as Route)} className="jf-shell" data-frame={frame}>
      <header className="jf-header">
        <span className="jf-logo">Jobfit</span>
        <span className="jf-header-title" data-testid="header-title" title={headerTitle}>
          {headerTitle}
        </span>
        {running > 0 ? (
          <span className="jf-badge" role="status" data-testid="runs-badge" title={i18n.t('shell.running', [String(running)])}>
            {i18n.t('shell.running', [String(running)])}
          </span>
        ) : null}
        {frame === 'panel' ? (
          <button className="jf-link" onClick={openInTab} data-testid="open-in-tab">
            {i18n.t('shell.openInTab')}
          </button>
        ) : null}
      </header>
      <Tabs.List className="jf-tabs" aria-label={i18n.t('shell.views')}>
        {navRoutes.map((r) => (
          <Tabs.Trigger key={r} value={r} className="jf-tab" data-testid={`nav-${r}`} onPointerEnter={() => void preloads[r]?.().catch(() => undefined)}>
            {i18n.t(`shell.nav.${r}`)}
          </Tabs.Trigger>
        ))}
        <Tabs.Trigger value="settings" className="jf-tab jf-tab-settings" data-testid="nav-settings" aria-label={i18n.t('shell.nav.settings')}>
          <span aria-hidden="true">⚙</span>
        </Tabs.Trigger>
      </Tabs.List>
      <main className="jf-main" data-bound-tab={tabId ?? ''} data-route={route}>
        {!online ? (
          <p className="jf-banner" role="status" data-testid="offline">
            {i18n.t('shell.offline')}
          </p>
        ) : null}
        {dbNewer ? (
          <Card testId="db-newer">
            <p className="jf-error" role="alert">
              {errorMessage('db_newer')}
            </p>
          </Card>
        ) : (
          routes.map((r) => (
            <Tabs.Content key={r} value={r} className="jf-view" data-testid={`view-${r}`}>
              <ErrorBoundary
                onError={(error) => log.error(`${r} view crashed`, error)}
                fallback={() => (
                  <Card testId="view-crashed">
                    <p className="jf-error" role="alert">
                      {errorMessage('internal')}
                    </p>
                  </Card>
                )}
              >
                <Suspense fallback={<Skeleton label={i18n.t('shell.loading')} />}>{view(r)}</Suspense>
              </ErrorBoundary>
            </Tabs.Content>
          ))
        )}
      </main>
      <Toaster
        toasts={toasts.toasts}
        onDismiss={toasts.dismiss}
        labels={{ region: i18n.t('shell.notifications'), close: i18n.t('shell.close') }}
      />
    </Tabs.Root>
  );
}
