// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeywordChip } from '@/lib/match/keywords';
import { type ChipActions, KeywordChips } from './KeywordChips';
import { chipLabels } from './test-labels';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const chips: KeywordChip[] = [
  { keyword: 'Go', origin: 'posting', state: 'suggested', support: { lineId: 'L2', text: 'Go services', start: 0, end: 2 } },
  { keyword: 'Kafka', origin: 'posting', state: 'suggested' },
  { keyword: 'Rust', origin: 'posting', state: 'confirmed', support: { lineId: 'f1', text: 'Wrote Rust at Initech', start: 6, end: 10, userProvided: true } },
  { keyword: 'Java', origin: 'posting', state: 'removed' },
];

let container: HTMLDivElement;
let calls: string[];
let fail: Error | undefined;
const actions: ChipActions = {
  confirm: async (chip, fact) => {
    calls.push(`confirm ${chip.keyword}${fact === undefined ? '' : ` with "${fact}"`}`);
    if (fail) throw fail;
  },
  remove: async (chip) => void calls.push(`remove ${chip.keyword}`),
  restore: async (chip) => void calls.push(`restore ${chip.keyword}`),
  add: async (keyword) => void calls.push(`add ${keyword}`),
};

beforeEach(() => {
  calls = [];
  fail = undefined;
  container = document.body.appendChild(document.createElement('div'));
  act(() => createRoot(container).render(<KeywordChips chips={chips} labels={chipLabels} actions={actions} />));
});
afterEach(() => container.remove());

const button = (name: string) => {
  const found = [...container.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === name || b.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
};
const click = async (name: string) => act(async () => button(name).click());
function type(element: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'value')!.set!;
  act(() => {
    setter.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('KeywordChips', () => {
  it('shows each chip’s state and the actions it allows', () => {
    const state = [...container.querySelectorAll('[data-testid="keyword-chip"]')].map((c) => [c.getAttribute('data-keyword'), c.getAttribute('data-state')]);
    expect(state).toEqual([
      ['Go', 'suggested'],
      ['Kafka', 'suggested'],
      ['Rust', 'confirmed'],
      ['Java', 'removed'],
    ]);
    expect(container.querySelector('[data-keyword="Rust"]')!.textContent).toContain('your words');
    expect(() => button('Confirm Rust')).toThrow();
    expect(() => button('Remove Java')).toThrow();
  });

  it('confirms a keyword the CV shows at once; removes and restores', async () => {
    await click('Confirm Go');
    await click('Remove Go');
    await click('Put Java back');
    expect(calls).toEqual(['confirm Go', 'remove Go', 'restore Java']);
    expect(container.querySelector('[data-testid="fact-form"]')).toBeNull();
  });

  it('asks for a fact before confirming a keyword the CV does not show', async () => {
    await click('Confirm Kafka');
    expect(calls).toEqual([]);
    const form = container.querySelector('[data-testid="fact-form"]')!;
    expect(form.textContent).toContain('Your CV does not show Kafka.');
    const save = button('Save');
    expect(save.disabled).toBe(true);
    type(form.querySelector('textarea')!, 'Kafka');
    expect(form.textContent).toContain('Write at least 10 characters.');
    expect(button('Save').disabled).toBe(true);
    type(form.querySelector('textarea')!, 'Ran Kafka at Initech for 2 years');
    await click('Save');
    expect(calls).toEqual(['confirm Kafka with "Ran Kafka at Initech for 2 years"']);
    expect(container.querySelector('[data-testid="fact-form"]')).toBeNull();
  });

  it('keeps the fact and says why when saving fails', async () => {
    fail = new Error('disk full');
    await click('Confirm Kafka');
    type(container.querySelector('textarea')!, 'Ran Kafka at Initech for 2 years');
    await click('Save');
    expect(container.querySelector('[role="alert"]')!.textContent).toBe('failed: disk full');
    expect(container.querySelector('textarea')!.value).toBe('Ran Kafka at Initech for 2 years');
  });

  it('adds the user’s own keyword', async () => {
    type(container.querySelector('[data-testid="keyword-add"]') as HTMLInputElement, 'Salesforce CPQ');
    await act(async () => container.querySelector<HTMLFormElement>('form:last-of-type')!.requestSubmit());
    expect(calls).toEqual(['add Salesforce CPQ']);
    expect((container.querySelector('[data-testid="keyword-add"]') as HTMLInputElement).value).toBe('');
  });
});
