import { useState } from 'react';
import { i18n } from '#i18n';
import type { JobStatus } from '@/lib/db/schema';
import { isJobStatus } from '@/lib/tracker/statuses';
import { StatusOptions } from './StatusOptions';

export interface BatchBarProps {
  count: number;
  onMove(to: JobStatus): void;
  onTag(tag: string): void;
  onArchive(): void;
  onDelete(): void;
}

/** Actions on the selected jobs. */
export function BatchBar({ count, onMove, onTag, onArchive, onDelete }: BatchBarProps) {
  const [tag, setTag] = useState('');
  if (count === 0) return null;
  return (
    <div className="jf-tracker-batch jf-row" role="toolbar" aria-label={i18n.t('tracker.selected', [String(count)])} data-testid="tracker-batch">
      <strong>{i18n.t('tracker.selected', [String(count)])}</strong>
      <select
        aria-label={i18n.t('tracker.moveTo')}
        value=""
        onChange={(e) => {
          if (isJobStatus(e.target.value)) onMove(e.target.value);
        }}
      >
        <option value="">{i18n.t('tracker.moveTo')}</option>
        <StatusOptions />
      </select>
      <form
        className="jf-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (tag.trim()) onTag(tag.trim());
          setTag('');
        }}
      >
        <input aria-label={i18n.t('tracker.tagPlaceholder')} placeholder={i18n.t('tracker.tagPlaceholder')} value={tag} onChange={(e) => setTag(e.target.value)} />
        <button className="jf-button secondary" type="submit" disabled={!tag.trim()}>
          {i18n.t('tracker.addTag')}
        </button>
      </form>
      <button className="jf-button secondary" onClick={onArchive}>
        {i18n.t('tracker.archive')}
      </button>
      <button className="jf-button secondary" onClick={onDelete} data-testid="batch-delete">
        {i18n.t('tracker.delete')}
      </button>
    </div>
  );
}
