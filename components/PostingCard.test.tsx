import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { JobPosting } from '@/lib/capture/types';
import { PostingCard } from './PostingCard';

const posting: JobPosting = {
  title: '<img src=x onerror=alert(1)>Engineer',
  titleNormalized: 'engineer',
  company: 'Acme <script>alert(2)</script>',
  location: 'Lisbon, PT',
  url: 'https://jobs.example.com/1',
  source: 'adapter:linkedin',
};

const labels = { source: 'from the LinkedIn page layout', viewDescription: 'View description', chips: ['Hybrid', 'Full-time', '€45,000 – €55,000 a year'] };

describe('PostingCard', () => {
  it('shows title, company · location, chips and the source, page text as text only', () => {
    const html = renderToStaticMarkup(<PostingCard posting={posting} labels={labels} />);
    expect(html).toContain('data-testid="posting-title">&lt;img src=x onerror=alert(1)&gt;Engineer</span>');
    expect(html).toContain('data-testid="posting-meta">Acme &lt;script&gt;alert(2)&lt;/script&gt; · Lisbon, PT</div>');
    expect(html).not.toMatch(/<img|<script/);
    expect(html.match(/class="jf-chip"/g)).toHaveLength(3);
    expect(html).toContain('data-source="adapter:linkedin"');
    expect(html).toContain('from the LinkedIn page layout');
  });

  it('leaves out empty parts', () => {
    const html = renderToStaticMarkup(<PostingCard posting={{ ...posting, company: undefined, location: undefined }} labels={{ ...labels, chips: [] }} />);
    expect(html).not.toContain('posting-meta');
    expect(html).not.toContain('posting-chips');
    expect(html).not.toContain('View description');
  });
});
