import { useState, type ReactNode } from 'react';
import type { JobPosting } from '@/lib/capture/types';
import { Card } from './Card';

export interface PostingCardLabels {
  /** Where the data came from ("from the page's job data"). */
  source: string;
  viewDescription: string;
  /** Translated chips: workplace, employment types, formatted salary. */
  chips: string[];
}

/** Page text is shown as text only: React escapes it, nothing is parsed as HTML. */
/** `actions`: the Save button, or the status of the saved job. */
export function PostingCard({ posting, labels, actions }: { posting: JobPosting; labels: PostingCardLabels; actions?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const meta = [posting.company, posting.location].filter(Boolean).join(' · ');
  return (
    <Card title={<span data-testid="posting-title">{posting.title}</span>} testId="posting-card">
      {meta ? <div data-testid="posting-meta">{meta}</div> : null}
      {labels.chips.length > 0 ? (
        <ul className="jf-chips" data-testid="posting-chips">
          {labels.chips.map((chip) => (
            <li className="jf-chip" key={chip}>
              {chip}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="jf-muted" data-testid="posting-source" data-source={posting.source}>
        {labels.source}
      </div>
      {actions}
      {posting.description ? (
        <>
          <button className="jf-link" aria-expanded={open} onClick={() => setOpen(!open)}>
            {labels.viewDescription}
          </button>
          {open ? <div className="jf-description">{posting.description}</div> : null}
        </>
      ) : null}
    </Card>
  );
}
