import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { StatusLine, type FormStatus } from '@/components/StatusLine';
import { clearApiKey, setApiKey } from '@/lib/llm/key-writer';
import type { KeyStatus } from '@/lib/llm/key-status';
import { sendToBackground } from '@/lib/messaging/client';
import { keyHintItem } from '@/lib/storage/items';
import { messageFor } from '@/lib/util/i18n-errors';

/** The key input is write-only: after saving, only the `sk-or-…last4` hint is ever shown. */
export function KeySection() {
  const [hint, setHint] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [status, setStatus] = useState<FormStatus | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void keyHintItem.getValue().then(setHint);
    return keyHintItem.watch(setHint);
  }, []);

  async function save() {
    setStatus(null);
    try {
      const saved = await setApiKey(draft);
      setDraft('');
      setHint(saved);
      setStatus({ kind: 'ok', text: i18n.t('settings.saved') });
    } catch (error) {
      setStatus({ kind: 'error', text: messageFor(error) });
    }
  }

  async function connect() {
    setBusy(true);
    setStatus(null);
    try {
      const { hint: saved } = await sendToBackground('connectOpenRouter', {});
      setHint(saved);
      setStatus({ kind: 'ok', text: i18n.t('settings.saved') });
    } catch (error) {
      setStatus({ kind: 'error', text: messageFor(error) });
    } finally {
      setBusy(false);
    }
  }

  async function validate() {
    setBusy(true);
    setStatus(null);
    try {
      const result: KeyStatus = await sendToBackground('validateKey', {});
      const credit =
        result.limitRemaining === null ? i18n.t('settings.keyUnlimited') : i18n.t('settings.keyCredit', [result.limitRemaining.toFixed(2)]);
      setStatus({ kind: 'ok', text: `${i18n.t('settings.keyValid')} ${credit}` });
    } catch (error) {
      setStatus({ kind: 'error', text: messageFor(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={i18n.t('settings.keySection')} testId="key-section">
      <p data-testid="key-hint">{hint ? i18n.t('settings.keySaved', [hint]) : i18n.t('settings.keyNone')}</p>
      {!hint ? (
        <div className="jf-fieldset">
          <button className="jf-button" type="button" disabled={busy} onClick={() => void connect()} data-testid="key-connect">
            {i18n.t('settings.keyConnect')}
          </button>
          <p className="jf-muted">{i18n.t('settings.keyConnectHint')}</p>
          <p className="jf-muted">{i18n.t('settings.keyOr')}</p>
        </div>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="jf-field">
          {i18n.t('settings.keyLabel')}
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={i18n.t('settings.keyPlaceholder')}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            data-testid="key-input"
          />
        </label>
        <div className="jf-row">
          <button className="jf-button" type="submit" disabled={!draft} data-testid="key-save">
            {i18n.t('settings.keySave')}
          </button>
          <button className="jf-button secondary" type="button" disabled={!hint || busy} onClick={() => void validate()}>
            {i18n.t('settings.keyValidate')}
          </button>
          <button className="jf-button secondary" type="button" disabled={!hint} onClick={() => void clearApiKey().then(() => setStatus(null))}>
            {i18n.t('settings.keyRemove')}
          </button>
        </div>
      </form>
      <StatusLine status={status} testId="key-status" />
      <p className="jf-muted">{i18n.t('settings.keyStoredWhere')}</p>
    </Card>
  );
}
