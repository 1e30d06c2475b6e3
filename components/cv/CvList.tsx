import { i18n } from '#i18n';

export interface CvListItem {
  id: string;
  name: string;
  isDefault: boolean;
  parentId?: string;
  /** "Title · Company" of the job a tailored version was made for. */
  jobLabel?: string;
}

/** Masters first (the default starred), then tailored versions grouped under their job. */
export function CvList({ items, selectedId, onSelect }: { items: CvListItem[]; selectedId?: string; onSelect(id: string): void }) {
  const masters = items.filter((c) => !c.parentId);
  const tailored = items.filter((c) => c.parentId);
  const groups = new Map<string, CvListItem[]>();
  for (const t of tailored) {
    const key = t.jobLabel ?? i18n.t('cv.tailoredNoJob');
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const entry = (c: CvListItem) => (
    <li key={c.id}>
      <button
        className={`jf-cv-item${c.id === selectedId ? ' selected' : ''}`}
        aria-current={c.id === selectedId ? 'true' : undefined}
        onClick={() => onSelect(c.id)}
        data-testid="cv-item"
      >
        {c.isDefault ? (
          <span className="jf-cv-star" role="img" aria-label={i18n.t('cv.defaultStar')} title={i18n.t('cv.defaultStar')}>
            ★
          </span>
        ) : null}
        <span className="jf-cv-item-name">{c.name}</span>
      </button>
    </li>
  );
  return (
    <nav aria-label={i18n.t('cv.title')}>
      <ul className="jf-cv-list">{masters.map(entry)}</ul>
      {[...groups].map(([label, list]) => (
        <div key={label} className="jf-cv-group" data-testid="cv-tailored-group">
          <div className="jf-muted">{i18n.t('cv.tailoredFor', [label])}</div>
          <ul className="jf-cv-list">{list.map(entry)}</ul>
        </div>
      ))}
    </nav>
  );
}
