import { useState } from 'react';
import { i18n } from '#i18n';

/** The auto-archive delay in days (0 turns it off), saved when the field loses focus or on Enter. */
export function AutoArchiveSetting({ days, onSave }: { days: number; onSave(days: number): void }) {
  const [value, setValue] = useState(String(days));
  const save = () => {
    const n = Number(value);
    if (Number.isInteger(n) && n >= 0 && n <= 3650 && n !== days) onSave(n);
    else setValue(String(days));
  };
  return (
    <form
      className="jf-field"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <label htmlFor="jf-auto-archive-days">{i18n.t('tracker.autoArchiveLabel')}</label>
      <input id="jf-auto-archive-days" type="number" min={0} max={3650} value={value} onChange={(e) => setValue(e.target.value)} onBlur={save} data-testid="auto-archive-days" />
      <span className="jf-muted">{i18n.t('tracker.autoArchiveHint')}</span>
    </form>
  );
}
