import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { errorMessage } from '@/lib/util/i18n-errors';
import { createLogger } from '@/lib/util/logger';
import { AiSection } from './settings/AiSection';
import { AnswersSection } from './settings/AnswersSection';
import { EndpointSection } from './settings/EndpointSection';
import { KeySection } from './settings/KeySection';
import { PrivacyCard } from './settings/PrivacyCard';
import { ProfileSection } from './settings/ProfileSection';

const log = createLogger('settings');

/** One boundary per section: a broken section never takes the others (or the key field) with it. */
function Section({ name, children }: { name: string; children: ReactNode }) {
  return (
    <ErrorBoundary
      onError={(error) => log.error(`${name} section crashed`, error)}
      fallback={() => (
        <Card>
          <p className="jf-error" role="alert">
            {errorMessage('internal')}
          </p>
        </Card>
      )}
    >
      {children}
    </ErrorBoundary>
  );
}

export function SettingsView() {
  return (
    <>
      <Section name="key">
        <KeySection />
      </Section>
      <Section name="endpoint">
        <EndpointSection />
      </Section>
      <Section name="ai">
        <AiSection />
      </Section>
      <Section name="profile">
        <ProfileSection />
      </Section>
      <Section name="answers">
        <AnswersSection />
      </Section>
      <Card title={i18n.t('settings.languageSection')} testId="language-section">
        <p className="jf-muted">{i18n.t('settings.languageHint')}</p>
      </Card>
      <PrivacyCard testId="privacy-section" />
    </>
  );
}
