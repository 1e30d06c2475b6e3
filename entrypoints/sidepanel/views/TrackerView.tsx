import { i18n } from '#i18n';
import { Card } from '@/components/Card';

export function TrackerView() {
  return (
    <Card title={i18n.t('shell.nav.tracker')} testId="tracker-empty">
      <p className="jf-muted">{i18n.t('shell.notYet')}</p>
    </Card>
  );
}
