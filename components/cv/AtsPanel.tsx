import { i18n } from '#i18n';
import type { AtsDifference } from '@/lib/cv/export/ats';

/** Turns `work[1].position` into "Title (experience 2)". */
export function fieldLabel(field: string): string {
  const m = /^(\w+)(?:\[(\d+)\])?\.(\w+)$/.exec(field);
  if (!m) return field;
  const [, section, index, key] = m;
  const label = i18n.t(`cv.field.${section}.${key}` as Parameters<typeof i18n.t>[0]);
  return index === undefined ? label : `${label} (${Number(index) + 1})`;
}

export type AtsState = { status: 'idle' } | { status: 'running' } | { status: 'done'; differences: AtsDifference[] } | { status: 'error'; message: string };

/** "What an ATS will read": the exported PDF read back by our own importer, and what came back different. */
export function AtsPanel({ state, onRun }: { state: AtsState; onRun(): void }) {
  return (
    <section className="jf-cv-ats" data-testid="cv-ats">
      <h3>{i18n.t('cv.atsTitle')}</h3>
      <p className="jf-muted">{i18n.t('cv.atsHint')}</p>
      <button className="jf-button secondary" disabled={state.status === 'running'} onClick={onRun} data-testid="cv-ats-run">
        {state.status === 'running' ? i18n.t('cv.atsRunning') : i18n.t('cv.atsRun')}
      </button>
      {state.status === 'error' ? (
        <p role="alert" className="jf-error">
          {state.message}
        </p>
      ) : null}
      {state.status === 'done' && state.differences.length === 0 ? (
        <p className="jf-ok" data-testid="cv-ats-clean">
          {i18n.t('cv.atsClean')}
        </p>
      ) : null}
      {state.status === 'done' && state.differences.length > 0 ? (
        <div className="jf-table-wrap">
          <p>{i18n.t('cv.atsDiff', [String(state.differences.length)])}</p>
          <table className="jf-table" data-testid="cv-ats-diff">
            <thead>
              <tr>
                <th>{i18n.t('cv.atsField')}</th>
                <th>{i18n.t('cv.atsExpected')}</th>
                <th>{i18n.t('cv.atsActual')}</th>
              </tr>
            </thead>
            <tbody>
              {state.differences.map((d) => (
                <tr key={`${d.field}:${d.expected}`}>
                  <td>{fieldLabel(d.field)}</td>
                  <td>{d.expected}</td>
                  <td>{d.actual || <span className="jf-muted">{i18n.t('cv.atsMissing')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
