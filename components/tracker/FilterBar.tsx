import { i18n } from '#i18n';
import { WORKPLACES, type Workplace } from '@/lib/capture/types';
import { emptyFilters, type TrackerFilters } from '@/lib/tracker/query';
import { isJobStatus } from '@/lib/tracker/statuses';
import { workplaceLabel } from './labels';
import { StatusOptions } from './StatusOptions';

export interface FilterBarProps {
  filters: TrackerFilters;
  tags: readonly string[];
  onChange(filters: TrackerFilters): void;
}

const dayStart = (value: string) => (value ? Date.parse(`${value}T00:00:00`) : undefined);
const dayEnd = (value: string) => (value ? Date.parse(`${value}T23:59:59.999`) : undefined);
const toInput = (ms: number | undefined) => {
  if (ms === undefined) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Search, status, company, tag, workplace, minimum score and updated-date range. */
export function FilterBar({ filters, tags, onChange }: FilterBarProps) {
  const set = (patch: Partial<TrackerFilters>) => onChange({ ...filters, ...patch });
  const optional = <K extends keyof TrackerFilters>(key: K, value: TrackerFilters[K] | undefined) => {
    const next = { ...filters };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  return (
    <div className="jf-tracker-filters" role="search" data-testid="tracker-filters">
      <input
        type="search"
        className="jf-tracker-search"
        aria-label={i18n.t('tracker.search')}
        placeholder={i18n.t('tracker.search')}
        value={filters.query}
        onChange={(e) => set({ query: e.target.value })}
      />
      <select aria-label={i18n.t('tracker.filterStatus')} value={filters.statuses[0] ?? ''} onChange={(e) => set({ statuses: isJobStatus(e.target.value) ? [e.target.value] : [] })}>
        <option value="">{i18n.t('tracker.allStatuses')}</option>
        <StatusOptions />
      </select>
      <input aria-label={i18n.t('tracker.filterCompany')} placeholder={i18n.t('tracker.filterCompany')} value={filters.company} onChange={(e) => set({ company: e.target.value })} />
      <select aria-label={i18n.t('tracker.filterTag')} value={filters.tag} onChange={(e) => set({ tag: e.target.value })}>
        <option value="">{i18n.t('tracker.anyTag')}</option>
        {tags.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </select>
      <select
        aria-label={i18n.t('tracker.filterWorkplace')}
        value={filters.workplace}
        onChange={(e) => set({ workplace: (WORKPLACES as readonly string[]).includes(e.target.value) ? (e.target.value as Workplace) : '' })}
      >
        <option value="">{i18n.t('tracker.anyWorkplace')}</option>
        {WORKPLACES.map((w) => (
          <option key={w} value={w}>
            {workplaceLabel(w)}
          </option>
        ))}
      </select>
      <label className="jf-tracker-inline">
        {i18n.t('tracker.filterMinScore')}
        <input
          type="number"
          min={0}
          max={100}
          value={filters.minScore ?? ''}
          onChange={(e) => optional('minScore', e.target.value === '' ? undefined : Number(e.target.value))}
        />
      </label>
      <label className="jf-tracker-inline">
        {i18n.t('tracker.filterFrom')}
        <input type="date" value={toInput(filters.from)} onChange={(e) => optional('from', dayStart(e.target.value))} />
      </label>
      <label className="jf-tracker-inline">
        {i18n.t('tracker.filterTo')}
        <input type="date" value={toInput(filters.to)} onChange={(e) => optional('to', dayEnd(e.target.value))} />
      </label>
      <button className="jf-link" onClick={() => onChange(emptyFilters)}>
        {i18n.t('tracker.clearFilters')}
      </button>
    </div>
  );
}
