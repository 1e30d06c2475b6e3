import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { Skeleton } from '@/components/Skeleton';
import { getDb } from '@/lib/db/open';
import { llmFeatures, type LlmFeature } from '@/lib/llm/features';
import { createLlmUsageRepo, type UsageRow, type UsageTotals } from '@/lib/db/repos/llm-usage';
import { toast } from '@/lib/panel/toasts';
import { formatCount, formatUsd } from '@/lib/util/format';
import { messageFor } from '@/lib/util/i18n-errors';

const usage = () => createLlmUsageRepo(getDb());

const usd = formatUsd;
const count = formatCount;
const when = (at: number) => new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' }).format(at);

/** Every model call: what it was for, which model served it, tokens, cost, latency; totals per day and model. */
export function UsageView() {
  const data = useLiveQuery(async () => {
    const repo = usage();
    return { rows: await repo.list({ limit: 200 }), totals: await repo.totalsByDayAndModel() };
  }, []);
  const [confirming, setConfirming] = useState(false);

  if (!data) return <Skeleton label={i18n.t('usage.loading')} />;
  if (data.rows.length === 0) {
    return (
      <Card title={i18n.t('usage.title')} testId="usage-empty">
        <p className="jf-muted">{i18n.t('usage.empty')}</p>
      </Card>
    );
  }

  async function clear() {
    try {
      await usage().clear();
      toast(i18n.t('usage.cleared'));
    } catch (error) {
      toast(messageFor(error), 'error');
    } finally {
      setConfirming(false);
    }
  }

  const total = data.totals.reduce((sum, t) => sum + t.cost, 0);
  return (
    <>
      <Card title={i18n.t('usage.totals')} testId="usage-totals">
        <p>{i18n.t('usage.totalCost', [usd(total)])}</p>
        <TotalsTable totals={data.totals} />
      </Card>
      <Card title={i18n.t('usage.calls')} testId="usage-calls">
        <CallsTable rows={data.rows} />
        <div className="jf-row">
          {confirming ? (
            <>
              <span>{i18n.t('usage.clearConfirm')}</span>
              <button className="jf-button danger" onClick={() => void clear()} data-testid="usage-clear-yes">
                {i18n.t('usage.clearYes')}
              </button>
              <button className="jf-button secondary" onClick={() => setConfirming(false)}>
                {i18n.t('usage.clearNo')}
              </button>
            </>
          ) : (
            <button className="jf-button secondary" onClick={() => setConfirming(true)} data-testid="usage-clear">
              {i18n.t('usage.clear')}
            </button>
          )}
        </div>
      </Card>
    </>
  );
}

function TotalsTable({ totals }: { totals: UsageTotals[] }) {
  return (
    <div className="jf-table-wrap">
      <table className="jf-table">
        <thead>
          <tr>
            <th scope="col">{i18n.t('usage.day')}</th>
            <th scope="col">{i18n.t('usage.model')}</th>
            <th scope="col">{i18n.t('usage.callsCount')}</th>
            <th scope="col">{i18n.t('usage.tokens')}</th>
            <th scope="col">{i18n.t('usage.cost')}</th>
          </tr>
        </thead>
        <tbody>
          {totals.map((t) => (
            <tr key={`${t.day}|${t.model}`}>
              <td>{t.day}</td>
              <td>{t.model}</td>
              <td>
                {count(t.calls)}
                {t.cachedCalls ? ` (${i18n.t('usage.cachedCount', [count(t.cachedCalls)])})` : ''}
              </td>
              <td>{count(t.promptTokens + t.completionTokens)}</td>
              <td>{usd(t.cost)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CallsTable({ rows }: { rows: UsageRow[] }) {
  return (
    <div className="jf-table-wrap">
      <table className="jf-table">
        <thead>
          <tr>
            <th scope="col">{i18n.t('usage.when')}</th>
            <th scope="col">{i18n.t('usage.feature')}</th>
            <th scope="col">{i18n.t('usage.model')}</th>
            <th scope="col">{i18n.t('usage.tokens')}</th>
            <th scope="col">{i18n.t('usage.cost')}</th>
            <th scope="col">{i18n.t('usage.latency')}</th>
            <th scope="col">{i18n.t('usage.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="usage-row">
              <td>{when(r.at)}</td>
              <td>{featureLabel(r.feature)}</td>
              <td>{r.model}</td>
              <td>{i18n.t('usage.tokensInOut', [count(r.promptTokens), count(r.completionTokens)])}</td>
              <td>{usd(r.cost)}</td>
              <td>{i18n.t('usage.ms', [count(Math.round(r.latencyMs))])}</td>
              <td>{r.cached ? i18n.t('usage.cached') : r.status === 'ok' ? i18n.t('usage.ok') : i18n.t('usage.failed')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function featureLabel(feature: string): string {
  return (llmFeatures as readonly string[]).includes(feature) ? i18n.t(`features.${feature as LlmFeature}`) : feature;
}
