import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { errorMessage } from '@/lib/util/i18n-errors';
import { EndpointSection } from './EndpointSection';
import { KeySection } from './KeySection';
import { ProfileSection } from './ProfileSection';

export function App() {
  const fallback = () => (
    <Card>
      <p className="jf-error">{errorMessage('internal')}</p>
    </Card>
  );
  return (
    <div className="jf-page">
      <h1>{i18n.t('settings.title')}</h1>
      <div className="jf-main">
        <ErrorBoundary fallback={fallback}>
          <KeySection />
        </ErrorBoundary>
        <ErrorBoundary fallback={fallback}>
          <EndpointSection />
        </ErrorBoundary>
        <ErrorBoundary fallback={fallback}>
          <ProfileSection />
        </ErrorBoundary>
      </div>
    </div>
  );
}
