import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { i18n } from '#i18n';
import type { RunPreview } from '@/lib/llm/service';
import { formatUsd } from '@/lib/util/format';

interface Props {
  preview: RunPreview | null;
  /** Firefox: Send first asks for the built-in data collection consent. */
  asksDataConsent?: boolean;
  /** Called synchronously from the Send click (a user gesture, which Firefox's prompt needs). */
  onSend(remember: boolean): void;
  onClose(): void;
}

/** Before a call: exactly what leaves (already redacted), to whom, and what it may cost. */
export function ConsentDialog({ preview, asksDataConsent = false, onSend, onClose }: Props) {
  const [remember, setRemember] = useState(false);
  return (
    <Dialog.Root open={preview !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="jf-dialog-overlay" />
        <Dialog.Content className="jf-dialog" data-testid="consent-dialog">
          <Dialog.Title>{i18n.t('ai.consentTitle')}</Dialog.Title>
          {preview ? (
            <>
              <Dialog.Description>
                {i18n.t('ai.consentWhere', [preview.endpointHost, preview.model])}
              </Dialog.Description>
              <ul className="jf-list">
                <li>{i18n.t('ai.consentRedacted', [String(preview.redactedCount)])}</li>
                <li>{preview.denyDataCollection ? i18n.t('ai.consentDeny') : i18n.t('ai.consentAllow')}</li>
                <li data-testid="consent-cost">{i18n.t('ai.consentCost', [formatUsd(preview.estimatedCostUsd)])}</li>
                {asksDataConsent ? <li data-testid="consent-data-collection">{i18n.t('ffpriv.dataConsentNote')}</li> : null}
              </ul>
              <details>
                <summary>{i18n.t('ai.consentShow')}</summary>
                <div className="jf-run-text" data-testid="consent-text">
                  {preview.messages.map((m) => m.content).join('\n\n')}
                </div>
              </details>
              <label className="jf-row">
                <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} data-testid="consent-remember" />
                {i18n.t('ai.consentRemember')}
              </label>
            </>
          ) : null}
          <div className="jf-row">
            <button className="jf-button" onClick={() => onSend(remember)} data-testid="consent-send">
              {i18n.t('ai.consentSend')}
            </button>
            <Dialog.Close className="jf-button secondary">{i18n.t('ai.consentCancel')}</Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
