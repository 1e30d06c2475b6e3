import { useState } from 'react';
import type { CapturedPage } from '@/lib/capture/page';
import { Card } from './Card';

export interface PostingCardLabels {
  source: string;
  viewDescription: string;
}

/** Page text is shown as text only: React escapes it, nothing is parsed as HTML. */
export function PostingCard({ posting, labels }: { posting: CapturedPage; labels: PostingCardLabels }) {
  const [open, setOpen] = useState(false);
  const meta = [posting.company, posting.location].filter(Boolean).join(' · ');
  return (
    <Card title={<span data-testid="posting-title">{posting.title}</span>} testId="posting-card">
      {meta ? <div data-testid="posting-meta">{meta}</div> : null}
      <div className="jf-muted">{labels.source}</div>
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
