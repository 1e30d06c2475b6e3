import { useState } from 'react';
import { i18n } from '#i18n';

export interface SavedFiltersProps {
  saved: readonly { id: string; name: string }[];
  /** The filters in use differ from none: only then can they be saved. */
  canSave: boolean;
  onApply(id: string): void;
  onRemove(id: string): void;
  onSave(name: string): void;
}

/** Named filter sets the user comes back to: apply with one click, save the current one, remove. */
export function SavedFilters({ saved, canSave, onApply, onRemove, onSave }: SavedFiltersProps) {
  const [name, setName] = useState('');
  return (
    <div className="jf-tracker-saved" data-testid="saved-filters">
      {saved.length ? (
        <ul className="jf-chips" aria-label={i18n.t('tracker.savedFilters')}>
          {saved.map((f) => (
            <li key={f.id} className="jf-chip">
              <button className="jf-link" onClick={() => onApply(f.id)} data-testid="saved-filter">
                {f.name}
              </button>{' '}
              <button className="jf-link" aria-label={i18n.t('tracker.removeSavedFilter', [f.name])} onClick={() => onRemove(f.id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {canSave ? (
        <form
          className="jf-row"
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim()) return;
            onSave(name);
            setName('');
          }}
        >
          <input
            aria-label={i18n.t('tracker.saveFilterName')}
            placeholder={i18n.t('tracker.saveFilterName')}
            value={name}
            maxLength={60}
            onChange={(e) => setName(e.target.value)}
            data-testid="save-filter-name"
          />
          <button className="jf-button secondary" type="submit" disabled={!name.trim()} data-testid="save-filter">
            {i18n.t('tracker.saveFilter')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
