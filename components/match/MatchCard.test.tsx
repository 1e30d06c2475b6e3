// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { MatchReport } from '@/lib/match/report';
import { MatchCard } from './MatchCard';
import { matchLabels } from './test-labels';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const asked = (text: string) => ({ start: 0, end: text.length, text });
const report: MatchReport = {
  score: 64,
  components: [
    { id: 'must', weight: 40, value: 0.5, points: 25 },
    { id: 'nice', weight: 10, value: 1, points: 12.5 },
    { id: 'education', weight: 5, points: 0 },
  ],
  requirements: [
    { canonical: 'Go', kind: 'technology', importance: 'must', status: 'matched', asked: asked('5+ years of Go'), evidence: { lineId: 'L6', text: 'Built a <b>ledger</b> in Go', start: 25, end: 27 } },
    { canonical: 'Kafka', kind: 'technology', importance: 'must', status: 'missing', asked: asked('Kafka in production') },
    { canonical: 'Rust', kind: 'technology', importance: 'must', status: 'matched', asked: asked('Rust'), evidence: { lineId: 'f1', text: 'Wrote Rust at Initech', start: 6, end: 10, userProvided: true } },
    { canonical: 'React Native', kind: 'technology', importance: 'nice', status: 'partial', reason: 'related', related: 'React', asked: asked('React Native'), evidence: { lineId: 'L9', text: 'React dashboards', start: 0, end: 5 } },
  ],
  coverage: { hard: { asked: 4, matched: 2, partial: 1 }, soft: { asked: 0, matched: 0, partial: 0 } },
  title: { posting: 'Backend Engineer', similarity: 1 },
  seniority: { yearsFound: 7 },
  education: {},
  ats: [],
  missingKeywords: [{ canonical: 'Kafka', kind: 'technology', importance: 'must' }],
  removed: [],
};

let container: HTMLDivElement | undefined;
afterEach(() => container?.remove());

describe('MatchCard', () => {
  it('shows the score as a meter and every part with its weight, “not asked” where it does not apply', () => {
    const html = renderToStaticMarkup(<MatchCard report={report} labels={matchLabels} />);
    expect(html).toContain('role="meter"');
    expect(html).toContain('aria-valuenow="64"');
    expect(html).toContain('aria-label="Match score: 64 out of 100"');
    expect(html).toMatch(/data-component="must"><th scope="row">Must-have<\/th><td>40<\/td><td>50 %<\/td><td>25<\/td>/);
    expect(html).toMatch(/data-component="education"><th scope="row">Education<\/th><td>5<\/td><td>not asked<\/td>/);
  });

  it('marks requirements ✓ / ◐ / ✗ under must-have and nice-to-have, and lists missing keywords', () => {
    container = document.body.appendChild(document.createElement('div'));
    act(() => createRoot(container!).render(<MatchCard report={report} labels={matchLabels} />));
    const statuses = (group: string) =>
      [...container!.querySelectorAll(`[data-testid="${group}"] [data-testid="requirement"]`)].map((li) => [li.getAttribute('data-skill'), li.querySelector('[role="img"]')!.textContent]);
    expect(statuses('must-have')).toEqual([
      ['Go', '✓'],
      ['Kafka', '✗'],
      ['Rust', '✓'],
    ]);
    expect(statuses('nice-to-have')).toEqual([['React Native', '◐']]);
    expect(container.querySelector('[data-skill="React Native"]')!.textContent).toContain('your CV shows React');
    expect(container.querySelector('[data-testid="missing-keywords"]')!.textContent).toBe('Kafka');
  });

  it('shows the evidence line on expand, as text, with the skill marked; facts as the user’s words', () => {
    container = document.body.appendChild(document.createElement('div'));
    act(() => createRoot(container!).render(<MatchCard report={report} labels={matchLabels} />));
    const item = (skill: string) => container!.querySelector(`[data-skill="${skill}"]`)!;
    expect(item('Go').querySelector('[data-testid="evidence"]')).toBeNull();
    const button = item('Go').querySelector('button')!;
    act(() => button.click());
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const evidence = item('Go').querySelector('[data-testid="evidence"]')!;
    expect(evidence.textContent).toContain('Your CV: Built a <b>ledger</b> in Go');
    expect(evidence.querySelector('b')).toBeNull();
    expect(evidence.querySelector('mark')!.textContent).toBe('Go');
    act(() => item('Kafka').querySelector('button')!.click());
    expect(item('Kafka').textContent).toContain('Your CV does not show this.');
    expect(item('Kafka').textContent).toContain('The posting: Kafka in production');
    act(() => item('Rust').querySelector('button')!.click());
    expect(item('Rust').textContent).toContain('Your own words: Wrote Rust at Initech');
  });
});
