import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { openDb } from '@/lib/db/open';
import { requestPersistentStorage } from '@/lib/panel/persist';
import { useBoundTab, useCaptureState } from '@/lib/panel/use-panel-state';
import { AppError } from '@/lib/util/errors';
import { errorMessage } from '@/lib/util/i18n-errors';
import { createLogger } from '@/lib/util/logger';
import { JobView } from './views/JobView';

const log = createLogger('sidepanel');

export function App() {
  const tabId = useBoundTab();
  const capture = useCaptureState(tabId);
  const [dbNewer, setDbNewer] = useState(false);

  useEffect(() => {
    void requestPersistentStorage().catch(() => false);
    openDb().catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'db_newer') setDbNewer(true);
      else log.error('database did not open', error);
    });
  }, []);

  const headerTitle = capture?.status === 'ready' ? capture.posting.title : i18n.t('panel.noJob');
  return (
    <>
      <header className="jf-header">
        <span className="jf-logo">Jobfit</span>
        <span className="jf-header-title" data-testid="header-title" title={headerTitle}>
          {headerTitle}
        </span>
        <button className="jf-link" onClick={() => void browser.runtime.openOptionsPage()}>
          {i18n.t('panel.openSettings')}
        </button>
      </header>
      <main className="jf-main" data-bound-tab={tabId ?? ''}>
        {dbNewer ? (
          <Card testId="db-newer">
            <p className="jf-error">{errorMessage('db_newer')}</p>
          </Card>
        ) : (
          <ErrorBoundary
            onError={(error) => log.error('job view crashed', error)}
            fallback={() => (
              <Card>
                <p className="jf-error">{errorMessage('internal')}</p>
              </Card>
            )}
          >
            <JobView tabId={tabId} capture={capture} />
          </ErrorBoundary>
        )}
      </main>
    </>
  );
}
