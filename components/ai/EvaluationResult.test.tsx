// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { citeEvaluation } from '@/lib/ai/evaluation';
import { setUpTestRoot } from '../test-root';
import { EvaluationResult, type EvaluationLabels, QUOTE_CHARS } from './EvaluationResult';

const dom = setUpTestRoot();

const labels: EvaluationLabels = {
  score: (s) => `Fit ${s}`,
  matches: 'Matches',
  gaps: 'Gaps',
  must: 'must',
  nice: 'nice',
  fromCv: 'Your CV:',
  closest: 'Closest:',
  unsupported: 'Not backed by any line of your CV.',
  unknownIds: (ids) => `Ignored: ${ids}`,
  more: 'more',
  less: 'less',
};
const longLine = `Built ${'a very reliable '.repeat(12)}ledger service in Go.`;
const lines = [
  { id: 'l3', text: 'Led the migration to Kubernetes.' },
  { id: 'l5', text: longLine },
  { id: 'l6', text: 'Wrote <b>the</b> billing API.' },
];
const all = (id: string) => [...dom.host.querySelectorAll(`[data-testid="${id}"]`)];

describe('the CV evaluation with its evidence', () => {
  const cited = citeEvaluation(
    {
      score: 81,
      rationale: 'Strong on Go.',
      matches: [
        { requirement: 'Kubernetes', lineIds: ['l3', 'l6'], note: 'in production' },
        { requirement: 'Kafka', lineIds: ['l404'], note: '' },
      ],
      gaps: [{ requirement: 'Go at scale', importance: 'must', lineIds: ['l5', 'l405'], note: '' }],
    },
    lines,
  );

  it('quotes each cited line in its own words, never its id, as text', () => {
    dom.render(<EvaluationResult evaluation={cited} labels={labels} />);
    const [kube, kafka] = all('eval-match');
    expect(kube!.getAttribute('data-unsupported')).toBe('false');
    expect([...kube!.querySelectorAll('[data-testid="eval-quote"] q')].map((q) => q.textContent)).toEqual([lines[0]!.text, lines[2]!.text]);
    expect(kube!.textContent).toContain('Your CV:');
    expect(kube!.textContent).not.toMatch(/\bl3\b/);
    // Markup in a CV line stays text.
    expect(dom.host.querySelector('b')).toBeNull();
    expect(kafka!.getAttribute('data-unsupported')).toBe('true');
    expect(kafka!.querySelector('[data-testid="eval-unsupported"]')?.textContent).toBe('Not backed by any line of your CV.');
    expect(kafka!.querySelector('[data-testid="eval-quote"]')).toBeNull();
    expect(all('eval-unsupported')).toHaveLength(1);
  });

  it('names the ids the CV does not have once, and shows a gap’s closest line', () => {
    dom.render(<EvaluationResult evaluation={cited} labels={labels} />);
    expect(all('eval-unknown')[0]?.textContent).toBe('Ignored: l404, l405');
    const [gap] = all('eval-gap');
    expect(gap!.textContent).toContain('Go at scale · must');
    expect(gap!.textContent).toContain('Closest:');
    expect(gap!.querySelector('[data-testid="eval-quote"]')?.getAttribute('data-line')).toBe('l5');
  });

  it('cuts a long line at a word, and "more" shows it whole', () => {
    dom.render(<EvaluationResult evaluation={cited} labels={labels} />);
    const quote = all('eval-gap')[0]!.querySelector('[data-testid="eval-quote"]')!;
    const text = () => quote.querySelector('q')!.textContent!;
    expect(text().endsWith('…')).toBe(true);
    expect(text().length).toBeLessThanOrEqual(QUOTE_CHARS + 1);
    expect(longLine.startsWith(text().slice(0, -1))).toBe(true);
    const button = quote.querySelector('button')!;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    act(() => button.click());
    expect(text()).toBe(longLine);
    expect(button.textContent).toBe('less');
    expect(button.getAttribute('aria-expanded')).toBe('true');
  });

  it('with every citation real, shows no ignored-citation notice and no unsupported mark', () => {
    dom.render(
      <EvaluationResult
        evaluation={citeEvaluation({ score: 50, rationale: '', matches: [{ requirement: 'Kubernetes', lineIds: ['l3'], note: '' }], gaps: [] }, lines)}
        labels={labels}
      />,
    );
    expect(all('eval-unknown')).toHaveLength(0);
    expect(all('eval-unsupported')).toHaveLength(0);
    expect(all('eval-quote').map((q) => q.textContent)).toEqual([lines[0]!.text]);
  });
});
