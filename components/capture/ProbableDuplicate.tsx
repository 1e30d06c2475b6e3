import { Card } from '../Card';

export interface DuplicateCandidate {
  id: string;
  title: string;
  company: string;
  location?: string;
  /** Translated "saved on …" line. */
  savedOn: string;
}

export interface ProbableDuplicateLabels {
  title: string;
  hint: string;
  update: string;
  saveAsNew: string;
  cancel: string;
}

interface Props {
  candidates: DuplicateCandidate[];
  busy: boolean;
  labels: ProbableDuplicateLabels;
  onUpdate(id: string): void;
  onSaveAsNew(): void;
  onCancel(): void;
}

/** "Probably the same job": the user decides whether to update a saved job or save a new one. */
export function ProbableDuplicate({ candidates, busy, labels, onUpdate, onSaveAsNew, onCancel }: Props) {
  return (
    <Card title={labels.title} testId="probable-duplicate">
      <p className="jf-muted">{labels.hint}</p>
      <ul className="jf-capture-candidates">
        {candidates.map((c) => (
          <li key={c.id} data-testid="duplicate-candidate">
            <div>{[c.title, c.company, c.location].filter(Boolean).join(' · ')}</div>
            <div className="jf-muted">{c.savedOn}</div>
            <button className="jf-button secondary" disabled={busy} onClick={() => onUpdate(c.id)} data-testid="update-candidate">
              {labels.update}
            </button>
          </li>
        ))}
      </ul>
      <div className="jf-row">
        <button className="jf-button" disabled={busy} onClick={onSaveAsNew} data-testid="save-as-new">
          {labels.saveAsNew}
        </button>
        <button className="jf-button secondary" disabled={busy} onClick={onCancel}>
          {labels.cancel}
        </button>
      </div>
    </Card>
  );
}
