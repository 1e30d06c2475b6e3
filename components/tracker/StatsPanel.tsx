import { i18n } from '#i18n';
import type { TrackerStats } from '@/lib/tracker/query';
import { statuses } from '@/lib/tracker/statuses';
import { formatDate, statusLabel } from './labels';

/** Funnel, applications per week, response rate and median time in each stage, as text and bars. */
export function StatsPanel({ stats }: { stats: TrackerStats }) {
  const top = Math.max(1, ...stats.funnel.map((f) => f.count));
  const weekTop = Math.max(1, ...stats.perWeek.map((w) => w.count));
  if (stats.funnel[0]!.count === 0) return <p className="jf-muted">{i18n.t('tracker.noStats')}</p>;
  return (
    <div className="jf-tracker-stats" data-testid="tracker-stats">
      <section>
        <h3>{i18n.t('tracker.funnel')}</h3>
        <ul className="jf-tracker-bars">
          {stats.funnel.map(({ status, count }) => (
            <li key={status} data-status={status}>
              <span>{statusLabel(status)}</span>
              <span className="jf-tracker-bar" style={{ width: `${(count / top) * 100}%` }} />
              <span>{count}</span>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h3>{i18n.t('tracker.responseRate')}</h3>
        <p data-testid="response-rate">
          {stats.responseRate === undefined ? '—' : i18n.t('tracker.responseRateValue', [String(Math.round(stats.responseRate * 100))])}
        </p>
      </section>
      {stats.perWeek.length ? (
        <section>
          <h3>{i18n.t('tracker.perWeek')}</h3>
          <ul className="jf-tracker-bars">
            {stats.perWeek.slice(-12).map(({ weekStart, count }) => (
              <li key={weekStart}>
                <span>{i18n.t('tracker.weekOf', [formatDate(weekStart)])}</span>
                <span className="jf-tracker-bar" style={{ width: `${(count / weekTop) * 100}%` }} />
                <span>{count}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section>
        <h3>{i18n.t('tracker.timeInStage')}</h3>
        <ul className="jf-tracker-bars">
          {statuses
            .filter((s) => stats.daysInStage[s] !== undefined)
            .map((s) => (
              <li key={s}>
                <span>{statusLabel(s)}</span>
                <span>{i18n.t('tracker.days', [String(stats.daysInStage[s])])}</span>
              </li>
            ))}
        </ul>
      </section>
    </div>
  );
}
