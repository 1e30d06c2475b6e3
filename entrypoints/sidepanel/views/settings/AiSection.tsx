import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { StatusLine, type FormStatus } from '@/components/StatusLine';
import type { ModelInfo } from '@/lib/llm/client';
import { llmFeatures, type LlmFeature } from '@/lib/llm/features';
import { sendToBackground } from '@/lib/messaging/client';
import { useItem } from '@/lib/panel/use-item';
import { keyHintItem, llmConsentItem, llmPrivacyItem, modelsItem, spendingCapItem, type LlmPrivacy, type SpendingCap as SpendingCapValue } from '@/lib/storage/items';
import { updateItem } from '@/lib/storage/validated';
import { formatCount, formatUsd } from '@/lib/util/format';
import { messageFor } from '@/lib/util/i18n-errors';

/** "$0.15 / $0.60 per million tokens · 128,000 tokens · structured" */
function modelLabel(m: ModelInfo): string {
  const parts = [m.name];
  if (m.pricing) parts.push(i18n.t('settings.aiPrice', [formatUsd(m.pricing.prompt * 1e6), formatUsd(m.pricing.completion * 1e6)]));
  if (m.contextLength) parts.push(i18n.t('settings.aiContext', [formatCount(m.contextLength)]));
  if (m.supportsStructured) parts.push(i18n.t('settings.aiStructured'));
  return parts.join(' · ');
}

/** Models per feature, the local spending cap, what providers may do with prompts, and consent. */
export function AiSection() {
  const keyHint = useItem(keyHintItem);
  const models = useItem(modelsItem);
  const privacy = useItem(llmPrivacyItem);
  const consent = useItem(llmConsentItem);
  const [list, setList] = useState<ModelInfo[]>();
  const [listError, setListError] = useState<string>();

  const load = (refresh = false, isCurrent = () => true) =>
    sendToBackground('listModels', refresh ? { refresh } : {}).then(
      (models) => {
        if (!isCurrent()) return;
        setList(models);
        setListError(undefined);
      },
      (error: unknown) => isCurrent() && setListError(messageFor(error)),
    );

  useEffect(() => {
    if (!keyHint) return;
    let current = true;
    void load(false, () => current);
    return () => {
      current = false;
    };
  }, [keyHint]);

  function choose(feature: LlmFeature, model: string) {
    return updateItem(modelsItem, (current) => {
      const next = { ...current };
      if (model) next[feature] = model;
      else delete next[feature];
      return next;
    });
  }

  async function setPrivacy(change: Partial<LlmPrivacy>) {
    await updateItem(llmPrivacyItem, (current) => ({ ...current, ...change }));
  }

  return (
    <Card title={i18n.t('settings.aiSection')} testId="ai-section">
      {!keyHint ? (
        <p className="jf-muted">{i18n.t('settings.aiNeedsKey')}</p>
      ) : listError ? (
        <p className="jf-error" role="alert">
          {listError}
        </p>
      ) : !list ? (
        <p className="jf-muted">{i18n.t('settings.aiLoadingModels')}</p>
      ) : (
        <>
          {llmFeatures.map((feature) => (
            <label key={feature} className="jf-field">
              {i18n.t(`features.${feature}`)}
              <select value={models?.[feature] ?? ''} onChange={(e) => void choose(feature, e.target.value)} data-testid={`model-${feature}`}>
                <option value="">{i18n.t('settings.aiNoModel')}</option>
                {list.map((m) => (
                  <option key={m.id} value={m.id}>
                    {modelLabel(m)}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <button className="jf-link" onClick={() => void load(true)}>
            {i18n.t('settings.aiRefresh')}
          </button>
        </>
      )}
      <SpendingCap />
      {privacy ? (
        <fieldset className="jf-fieldset">
          <legend>{i18n.t('settings.aiPrivacy')}</legend>
          <label className="jf-check">
            <input type="checkbox" checked={privacy.denyDataCollection} onChange={(e) => void setPrivacy({ denyDataCollection: e.target.checked })} data-testid="privacy-deny" />
            {i18n.t('settings.aiDeny')}
          </label>
          <label className="jf-check">
            <input type="checkbox" checked={privacy.zdr} onChange={(e) => void setPrivacy({ zdr: e.target.checked })} data-testid="privacy-zdr" />
            {i18n.t('settings.aiZdr')}
          </label>
          <label className="jf-check">
            <input type="checkbox" checked={privacy.redactLocation} onChange={(e) => void setPrivacy({ redactLocation: e.target.checked })} />
            {i18n.t('settings.aiRedactLocation')}
          </label>
          <label className="jf-check">
            <input type="checkbox" checked={consent === false} onChange={(e) => void llmConsentItem.setValue(!e.target.checked)} data-testid="privacy-ask" />
            {i18n.t('settings.aiAsk')}
          </label>
        </fieldset>
      ) : null}
    </Card>
  );
}

function SpendingCap() {
  const cap = useItem(spendingCapItem);
  // The form starts from what is saved once loaded, then keeps what the user types.
  return cap ? <SpendingCapForm cap={cap} /> : null;
}

function SpendingCapForm({ cap }: { cap: SpendingCapValue }) {
  const text = (v: number | null) => (v === null ? '' : String(v));
  const [daily, setDaily] = useState(text(cap.dailyUsd));
  const [monthly, setMonthly] = useState(text(cap.monthlyUsd));
  const [status, setStatus] = useState<FormStatus | null>(null);

  async function save() {
    const parse = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));
    const next = { dailyUsd: parse(daily), monthlyUsd: parse(monthly) };
    const parsed = spendingCapItem.schema.safeParse(next);
    if (!parsed.success) {
      setStatus({ kind: 'error', text: i18n.t('settings.aiCapInvalid') });
      return;
    }
    await spendingCapItem.setValue(parsed.data);
    setStatus({ kind: 'ok', text: i18n.t('settings.saved') });
  }

  return (
    <form
      className="jf-fieldset"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p>{i18n.t('settings.aiCap')}</p>
      <div className="jf-row">
        <label className="jf-field">
          {i18n.t('settings.aiCapDaily')}
          <input inputMode="decimal" value={daily} onChange={(e) => setDaily(e.target.value)} data-testid="cap-daily" />
        </label>
        <label className="jf-field">
          {i18n.t('settings.aiCapMonthly')}
          <input inputMode="decimal" value={monthly} onChange={(e) => setMonthly(e.target.value)} data-testid="cap-monthly" />
        </label>
      </div>
      <p className="jf-muted">{i18n.t('settings.aiCapHint')}</p>
      <button className="jf-button" type="submit" data-testid="cap-save">
        {i18n.t('settings.aiCapSave')}
      </button>
      <StatusLine status={status} />
    </form>
  );
}
