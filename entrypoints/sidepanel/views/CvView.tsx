import { i18n } from '#i18n';
import { Card } from '@/components/Card';

export function CvView() {
  return (
    <Card title={i18n.t('shell.nav.cv')} testId="cv-empty">
      <p className="jf-muted">{i18n.t('shell.notYet')}</p>
    </Card>
  );
}
