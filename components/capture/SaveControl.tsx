export interface StatusOption {
  value: string;
  label: string;
}

export interface SaveControlLabels {
  save: string;
  saving: string;
  status: string;
  /** "Saved to your tracker". */
  savedNote: string;
}

interface Props {
  /** The saved job's status; undefined while not saved. */
  status: string | undefined;
  statuses: StatusOption[];
  busy: boolean;
  labels: SaveControlLabels;
  onSave(): void;
  onStatus(status: string): void;
}

/** Save button until the posting is saved, then the status dropdown of the saved job. */
export function SaveControl({ status, statuses, busy, labels, onSave, onStatus }: Props) {
  if (status === undefined) {
    return (
      <div className="jf-row">
        <button className="jf-button" disabled={busy} onClick={onSave} data-testid="save-job">
          {busy ? labels.saving : labels.save}
        </button>
      </div>
    );
  }
  return (
    <div className="jf-row" data-testid="saved-job" data-status={status}>
      <label className="jf-capture-status">
        <span className="jf-muted">{labels.status}</span>
        <select value={status} disabled={busy} onChange={(e) => onStatus(e.target.value)} data-testid="job-status">
          {statuses.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <span className="jf-muted">{labels.savedNote}</span>
    </div>
  );
}
