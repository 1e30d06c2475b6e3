import { i18n } from '#i18n';
import { Card } from '@/components/Card';

/** Privacy in plain words: the settings view and the welcome page say the same thing. */
export function PrivacyCard({ testId }: { testId: string }) {
  return (
    <Card title={i18n.t('settings.privacySection')} testId={testId}>
      <ul className="jf-list">
        <li>{i18n.t('privacy.local')}</li>
        <li>{i18n.t('privacy.reads')}</li>
        <li>{i18n.t('privacy.model')}</li>
        <li>{i18n.t('privacy.key')}</li>
      </ul>
      <p>
        <strong>{i18n.t('privacy.export')}</strong>
      </p>
    </Card>
  );
}
