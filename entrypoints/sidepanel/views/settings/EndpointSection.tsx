import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { StatusLine, type FormStatus } from '@/components/StatusLine';
import { endpointItem } from '@/lib/storage/items';

export function EndpointSection() {
  const [baseUrl, setBaseUrl] = useState('');
  const [status, setStatus] = useState<FormStatus | null>(null);

  useEffect(() => {
    void endpointItem.getValue().then((v) => setBaseUrl(v.baseUrl));
  }, []);

  async function save() {
    const parsed = endpointItem.schema.safeParse({ baseUrl: baseUrl.trim() });
    if (!parsed.success) {
      setStatus({ kind: 'error', text: i18n.t('settings.endpointInvalid') });
      return;
    }
    await endpointItem.setValue(parsed.data);
    setStatus({ kind: 'ok', text: i18n.t('settings.saved') });
  }

  return (
    <Card title={i18n.t('settings.endpointSection')} testId="endpoint-section">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="jf-field">
          {i18n.t('settings.endpointLabel')}
          <input type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} data-testid="endpoint-input" />
        </label>
        <p className="jf-muted">{i18n.t('settings.endpointHint')}</p>
        <button className="jf-button" type="submit" data-testid="endpoint-save">
          {i18n.t('settings.endpointSave')}
        </button>
      </form>
      <StatusLine status={status} />
    </Card>
  );
}
