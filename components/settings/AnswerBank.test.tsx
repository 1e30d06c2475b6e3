// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { setUpTestRoot } from '../test-root';
import { AnswerBank, type AnswerBankLabels } from './AnswerBank';

const dom = setUpTestRoot();

const labels: AnswerBankLabels = {
  title: 'Saved answers',
  intro: 'Intro',
  empty: 'No saved answers yet.',
  edit: 'Change',
  save: 'Save answer',
  cancel: 'Cancel',
  remove: 'Remove',
  answerLabel: (q) => `Your answer to ${q}`,
  updated: (d) => `Saved ${d}`,
};
const answers = [
  { id: 'a1', question: 'are you authorized to work in the us', answer: 'Yes', updated: '1 Dec 2026' },
  { id: 'a2', question: 'notice period', answer: '<img src=x onerror=alert(1)> one month', updated: '2 Dec 2026' },
];
const all = (id: string) => [...dom.host.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];

function type(el: HTMLTextAreaElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('AnswerBank', () => {
  it('says when nothing is saved', () => {
    dom.render(<AnswerBank answers={[]} labels={labels} onSave={vi.fn()} onRemove={vi.fn()} />);
    expect(all('answer-bank-empty')[0]?.textContent).toBe('No saved answers yet.');
    expect(all('saved-answer')).toHaveLength(0);
  });

  it('lists every answer as text, never as HTML', () => {
    dom.render(<AnswerBank answers={answers} labels={labels} onSave={vi.fn()} onRemove={vi.fn()} />);
    expect(all('saved-answer').map((li) => li.dataset.question)).toEqual(['are you authorized to work in the us', 'notice period']);
    expect(all('answer-text')[1]?.textContent).toBe('<img src=x onerror=alert(1)> one month');
    expect(dom.host.querySelector('img')).toBeNull();
  });

  it('changes an answer: the draft starts from the saved text and Save reports question and new text', async () => {
    const onSave = vi.fn(async () => undefined);
    dom.render(<AnswerBank answers={answers} labels={labels} onSave={onSave} onRemove={vi.fn()} />);
    act(() => all('answer-edit')[0]!.click());
    const draft = all('answer-draft')[0] as unknown as HTMLTextAreaElement;
    expect(draft.value).toBe('Yes');
    type(draft, 'Yes, no sponsorship needed');
    await act(async () => (all('answer-save')[0] as HTMLButtonElement).click());
    expect(onSave).toHaveBeenCalledWith('are you authorized to work in the us', 'Yes, no sponsorship needed');
    expect(all('answer-draft')).toHaveLength(0);
  });

  it('an emptied draft cannot be saved (removing is its own button)', () => {
    const onRemove = vi.fn();
    dom.render(<AnswerBank answers={answers} labels={labels} onSave={vi.fn()} onRemove={onRemove} />);
    act(() => all('answer-edit')[1]!.click());
    type(all('answer-draft')[0] as unknown as HTMLTextAreaElement, '   ');
    expect((all('answer-save')[0] as HTMLButtonElement).disabled).toBe(true);
    expect(onRemove).not.toHaveBeenCalled();
  });

  it('Remove reports the question', () => {
    const onRemove = vi.fn();
    dom.render(<AnswerBank answers={answers} labels={labels} onSave={vi.fn()} onRemove={onRemove} />);
    act(() => all('answer-remove')[1]!.click());
    expect(onRemove).toHaveBeenCalledWith('notice period');
  });

  it('shows the error of a failed write', () => {
    dom.render(<AnswerBank answers={answers} labels={labels} error="Storage is full." onSave={vi.fn()} onRemove={vi.fn()} />);
    expect(all('answer-bank-error')[0]?.textContent).toBe('Storage is full.');
  });
});
