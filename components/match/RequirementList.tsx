import { useId, useState } from 'react';
import type { RequirementResult } from '@/lib/match/report';
import { EvidenceText } from './Evidence';
import type { MatchLabels } from './labels';

const ICON = { matched: '✓', partial: '◐', missing: '✗' } as const;

/** Must-have or nice-to-have requirements: ✓ / ◐ / ✗, the evidence line on expand. */
export function RequirementList({ title, requirements, labels, testId }: { title: string; requirements: RequirementResult[]; labels: MatchLabels; testId: string }) {
  if (requirements.length === 0) return null;
  return (
    <div data-testid={testId}>
      <h3 className="jf-match-heading">{title}</h3>
      <ul className="jf-match-reqs">
        {requirements.map((r) => (
          <RequirementItem key={r.canonical} requirement={r} labels={labels} />
        ))}
      </ul>
    </div>
  );
}

function RequirementItem({ requirement: r, labels }: { requirement: RequirementResult; labels: MatchLabels }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const note =
    r.reason === 'years' && r.yearsAsked !== undefined && r.yearsFound !== undefined
      ? labels.years(r.yearsFound, r.yearsAsked)
      : r.reason === 'related' && r.related
        ? labels.related(r.related)
        : undefined;
  return (
    <li className="jf-match-req" data-testid="requirement" data-skill={r.canonical} data-status={r.status}>
      <span className={`jf-match-icon jf-match-${r.status}`} role="img" aria-label={labels.status[r.status]}>
        {ICON[r.status]}
      </span>
      <span className="jf-match-req-name">{r.canonical}</span>
      {note ? <span className="jf-muted"> · {note}</span> : null}
      <button className="jf-link jf-match-expand" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {open ? labels.hideEvidence : labels.showEvidence}
      </button>
      {open ? (
        <div id={id} className="jf-match-detail" data-testid="evidence">
          {r.evidence ? (
            <p>
              <span className="jf-muted">{r.evidence.userProvided ? labels.fromYou : labels.fromCv} </span>
              <EvidenceText evidence={r.evidence} />
            </p>
          ) : (
            <p className="jf-muted">{labels.notInCv}</p>
          )}
          <p>
            <span className="jf-muted">{labels.postingSays} </span>
            <q className="jf-match-evidence">{r.asked.text}</q>
          </p>
        </div>
      ) : null}
    </li>
  );
}
