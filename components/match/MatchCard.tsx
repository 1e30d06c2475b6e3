import type { MatchReport } from '@/lib/match/report';
import { Card } from '../Card';
import type { MatchLabels } from './labels';
import { RequirementList } from './RequirementList';
import { ScoreGauge } from './ScoreGauge';

/** The offline match: score with its parts and weights, requirements with evidence, missing keywords. */
export function MatchCard({ report, labels }: { report: MatchReport; labels: MatchLabels }) {
  const must = report.requirements.filter((r) => r.importance === 'must');
  const nice = report.requirements.filter((r) => r.importance === 'nice');
  return (
    <Card title={labels.title} testId="match-card">
      <div className="jf-match-top">
        <ScoreGauge score={report.score} label={labels.scoreOf(report.score)} />
        <details className="jf-match-why" data-testid="match-why">
          <summary>{labels.whyScore}</summary>
          <table className="jf-match-table">
            <thead>
              <tr>
                <th scope="col">{labels.columns.part}</th>
                <th scope="col">{labels.columns.weight}</th>
                <th scope="col">{labels.columns.value}</th>
                <th scope="col">{labels.columns.points}</th>
              </tr>
            </thead>
            <tbody>
              {report.components.map((c) => (
                <tr key={c.id} data-component={c.id}>
                  <th scope="row">{labels.component[c.id]}</th>
                  <td>{c.weight}</td>
                  <td>{c.value === undefined ? labels.notAsked : `${Math.round(c.value * 100)} %`}</td>
                  <td>{c.points}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="jf-muted">{labels.whyNote}</p>
        </details>
      </div>
      {report.requirements.length === 0 ? <p className="jf-muted">{labels.noRequirements}</p> : null}
      <RequirementList title={labels.mustHave} requirements={must} labels={labels} testId="must-have" />
      <RequirementList title={labels.niceToHave} requirements={nice} labels={labels} testId="nice-to-have" />
      <h3 className="jf-match-heading">{labels.missingKeywords}</h3>
      {report.missingKeywords.length ? (
        <>
          <ul className="jf-chips" data-testid="missing-keywords">
            {report.missingKeywords.map((k) => (
              <li className="jf-chip" key={k.canonical}>
                {k.canonical}
              </li>
            ))}
          </ul>
          <p className="jf-muted">{labels.missingHint}</p>
        </>
      ) : (
        <p className="jf-muted" data-testid="missing-keywords">
          {labels.noMissing}
        </p>
      )}
    </Card>
  );
}
