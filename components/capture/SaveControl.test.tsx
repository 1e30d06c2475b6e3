// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { setUpTestRoot } from '../test-root';
import { ProbableDuplicate } from './ProbableDuplicate';
import { SaveControl } from './SaveControl';

const dom = setUpTestRoot();

const labels = { save: 'Save', saving: 'Saving…', status: 'Status', savedNote: 'Saved in your tracker' };
const statuses = [
  { value: 'saved', label: 'Saved' },
  { value: 'applied', label: 'Applied' },
];
const byTestId = (id: string) => dom.host.querySelector(`[data-testid="${id}"]`);

describe('SaveControl', () => {
  it('offers Save while the posting is not saved', () => {
    const onSave = vi.fn();
    dom.render(<SaveControl status={undefined} statuses={statuses} busy={false} labels={labels} onSave={onSave} onStatus={vi.fn()} />);
    const button = byTestId('save-job') as HTMLButtonElement;
    expect(button.textContent).toBe('Save');
    expect(byTestId('job-status')).toBeNull();
    act(() => button.click());
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  it('is disabled and says so while saving', () => {
    dom.render(<SaveControl status={undefined} statuses={statuses} busy labels={labels} onSave={vi.fn()} onStatus={vi.fn()} />);
    const button = byTestId('save-job') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.textContent).toBe('Saving…');
  });

  it('becomes the status dropdown once saved, and reports the chosen status', () => {
    const onStatus = vi.fn();
    dom.render(<SaveControl status="saved" statuses={statuses} busy={false} labels={labels} onSave={vi.fn()} onStatus={onStatus} />);
    expect(byTestId('save-job')).toBeNull();
    const select = byTestId('job-status') as HTMLSelectElement;
    expect(select.value).toBe('saved');
    expect([...select.options].map((o) => o.textContent)).toEqual(['Saved', 'Applied']);
    expect(byTestId('saved-job')?.textContent).toContain('Saved in your tracker');
    act(() => {
      select.value = 'applied';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(onStatus).toHaveBeenCalledWith('applied');
  });
});

describe('ProbableDuplicate', () => {
  const dupLabels = { title: 'Probably the same job', hint: 'hint', update: 'Update this one', saveAsNew: 'Save as new', cancel: 'Cancel' };
  const candidates = [
    { id: 'a', title: '<img src=x onerror=alert(1)>Engineer', company: 'Acme', location: 'Lisbon', savedOn: 'Saved 1 Dec · Applied' },
    { id: 'b', title: 'Engineer', company: 'Acme', savedOn: 'Saved 2 Dec · Saved' },
  ];

  it('lists the candidates as text and hands back the user choice', () => {
    const onUpdate = vi.fn();
    const onSaveAsNew = vi.fn();
    const onCancel = vi.fn();
    dom.render(<ProbableDuplicate candidates={candidates} busy={false} labels={dupLabels} onUpdate={onUpdate} onSaveAsNew={onSaveAsNew} onCancel={onCancel} />);
    const items = dom.host.querySelectorAll('[data-testid="duplicate-candidate"]');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('<img src=x onerror=alert(1)>Engineer · Acme · Lisbon');
    expect(dom.host.querySelector('img')).toBeNull();
    act(() => (items[1]!.querySelector('[data-testid="update-candidate"]') as HTMLButtonElement).click());
    expect(onUpdate).toHaveBeenCalledWith('b');
    act(() => (byTestId('save-as-new') as HTMLButtonElement).click());
    expect(onSaveAsNew).toHaveBeenCalledTimes(1);
    act(() => [...dom.host.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!.click());
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
