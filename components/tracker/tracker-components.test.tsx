// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportPreview, TablePreview } from '@/lib/db/repos/backup';
import type { JobRow } from '@/lib/db/schema';
import { trackerStats } from '@/lib/tracker/query';
import { BackupPanel } from './BackupPanel';
import { Board } from './Board';
import { DeleteDialog } from './DeleteDialog';
import { JobDrawer, type JobDrawerProps } from './JobDrawer';
import { StatsPanel } from './StatsPanel';
import { click, key, render, type, type Rendered } from './test-support';

let view: Rendered | undefined;
afterEach(() => view?.unmount());

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5);
const job = (id: string, over: Partial<JobRow> = {}): JobRow => ({
  id,
  url: `https://jobs.example.com/${id}`,
  title: `Title ${id}`,
  company: `Company ${id}`,
  status: 'saved',
  tags: [],
  createdAt: T0,
  updatedAt: T0,
  history: [{ at: T0, to: 'saved' }],
  ...over,
});

describe('Board', () => {
  it('puts each job in its status column and counts them', () => {
    view = render(<Board jobs={[job('a'), job('b', { status: 'applied' }), job('c', { status: 'applied' })]} onMove={vi.fn()} onOpen={vi.fn()} />);
    const column = (s: string) => view!.host.querySelector(`[data-testid="board-column"][data-status="${s}"]`)!;
    expect(view.host.querySelectorAll('[data-testid="board-column"]')).toHaveLength(10);
    expect(column('applied').querySelectorAll('[data-testid="board-card"]')).toHaveLength(2);
    expect(column('applied').querySelector('h3')!.textContent).toBe('Applied 2');
    expect(column('saved').textContent).toContain('Title a');
  });

  it('Alt+→ and Alt+← move the focused card to the neighbouring column; Enter opens it', () => {
    const onMove = vi.fn();
    const onOpen = vi.fn();
    view = render(<Board jobs={[job('a', { status: 'applied' })]} onMove={onMove} onOpen={onOpen} />);
    const card = view.host.querySelector('[data-job-id="a"]');
    key(card, { key: 'ArrowRight', altKey: true });
    expect(onMove).toHaveBeenLastCalledWith('a', 'interview');
    key(card, { key: 'ArrowLeft', altKey: true });
    expect(onMove).toHaveBeenLastCalledWith('a', 'cv_tailored');
    key(card, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith('a');
  });

  it('draws at most perColumn cards and counts the rest', () => {
    view = render(<Board jobs={Array.from({ length: 7 }, (_, i) => job(`j${i}`))} perColumn={5} onMove={vi.fn()} onOpen={vi.fn()} />);
    const saved = view.host.querySelector('[data-status="saved"]')!;
    expect(saved.querySelectorAll('[data-testid="board-card"]')).toHaveLength(5);
    expect(saved.textContent).toContain('+2');
  });
});

describe('JobDrawer', () => {
  function props(over: Partial<JobDrawerProps> = {}): JobDrawerProps {
    return {
      job: job('a', { status: 'applied', history: [{ at: T0, to: 'saved' }, { at: T0 + DAY, from: 'saved', to: 'applied' }] }),
      notes: [{ id: 'n1', jobId: 'a', text: '<b>Recruiter</b>: Sam', createdAt: T0, updatedAt: T0 + 1 }],
      tasks: [{ id: 't1', jobId: 'a', title: 'Follow up', dueAt: T0 + 7 * DAY, done: 0, createdAt: T0 }],
      onClose: vi.fn(),
      onMove: vi.fn(),
      onAddNote: vi.fn(),
      onEditNote: vi.fn(),
      onRemoveNote: vi.fn(),
      onAddTask: vi.fn(),
      onToggleTask: vi.fn(),
      onRemoveTask: vi.fn(),
      ...over,
    };
  }
  const drawer = () => document.querySelector('[data-testid="job-drawer"]')!;
  const button = (text: string) => [...drawer().querySelectorAll('button')].find((b) => b.textContent === text);

  it('shows notes as text with their time, tasks with due dates, and the history', () => {
    view = render(<JobDrawer {...props()} />);
    const note = drawer().querySelector('[data-testid="note"]')!;
    expect(note.querySelector('.jf-tracker-note')!.textContent).toBe('<b>Recruiter</b>: Sam');
    expect(note.querySelector('b')).toBeNull();
    expect(note.textContent).toContain('edited');
    expect(drawer().querySelector('[data-testid="task"]')!.textContent).toMatch(/Follow up · Jan 12, 2026|Follow up · 12/);
    expect(drawer().querySelector('[data-testid="drawer-history"]')!.textContent).toContain('Saved → Applied');
  });

  it('shows the record Mark as applied kept as a list of files and filled values, and the text once the note was edited', () => {
    const application = {
      cvFile: 'Jane-Public-Acme-Engineer.pdf',
      coverLetterFile: 'Jane-Public-Acme-Cover-letter.pdf',
      filled: [
        { label: 'Email', value: 'jane@example.com' },
        { label: 'Why <us>?', value: 'Robots.\nAnd <b>people</b>.' },
      ],
    };
    const text = 'Application sent\nCV: Jane-Public-Acme-Engineer.pdf';
    view = render(<JobDrawer {...props({ notes: [{ id: 'n2', jobId: 'a', text, createdAt: T0, updatedAt: T0, application }] })} />);
    const record = drawer().querySelector('[data-testid="note"] [data-testid="application-record"]')!;
    expect(record.querySelector('strong')!.textContent).toBe('Application sent');
    const pairs = (testId: string) => [...record.querySelectorAll(`[data-testid="${testId}"] dt`)].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]);
    expect(pairs('application-files')).toEqual([
      ['CV', 'Jane-Public-Acme-Engineer.pdf'],
      ['Cover letter', 'Jane-Public-Acme-Cover-letter.pdf'],
    ]);
    expect(pairs('application-filled')).toEqual([
      ['Email', 'jane@example.com'],
      ['Why <us>?', 'Robots.\nAnd <b>people</b>.'],
    ]);
    expect(record.querySelector('b')).toBeNull();
    // Still a note: it can be edited and removed, and an edited one shows the user's text.
    expect(button('Edit')).toBeDefined();
    view.unmount();
    view = render(<JobDrawer {...props({ notes: [{ id: 'n2', jobId: 'a', text: `${text}\nThey called back`, createdAt: T0, updatedAt: T0 + 5, application }] })} />);
    expect(drawer().querySelector('[data-testid="application-record"]')).toBeNull();
    expect(drawer().querySelector('.jf-tracker-note')!.textContent).toContain('They called back');
  });

  it('lists the tailored CVs and analyses made for the job', () => {
    view = render(<JobDrawer {...props({ links: { cvs: [{ id: 'c', name: 'Master — Acme' }], analyses: [{ id: 'x', kind: 'coverLetter', createdAt: T0 }] } })} />);
    const linked = drawer().querySelector('[data-testid="drawer-linked"]')!;
    expect([...linked.querySelectorAll('li')].map((li) => li.textContent!.split(' ·')[0])).toEqual(['Tailored CV: Master — Acme', 'Cover letter']);
  });

  it('adds, edits and removes notes; adds and ticks tasks; changes status', () => {
    const p = props();
    view = render(<JobDrawer {...p} />);
    type(drawer().querySelector('textarea[aria-label="Write a note"]'), 'Second round on Monday');
    click(button('Add note'));
    expect(p.onAddNote).toHaveBeenCalledWith('Second round on Monday');
    click(button('Edit'));
    type(drawer().querySelector('textarea[aria-label="Edit"]'), 'Recruiter: Sam (Berlin)');
    click(button('Save'));
    expect(p.onEditNote).toHaveBeenCalledWith('n1', 'Recruiter: Sam (Berlin)');
    click(drawer().querySelector('[data-testid="note"] button:last-of-type'));
    expect(p.onRemoveNote).toHaveBeenCalledWith('n1');
    type(drawer().querySelector('input[aria-label="Task"]'), 'Send portfolio');
    type(drawer().querySelector('input[type="date"]'), '2030-01-15');
    click(button('Add task'));
    expect(p.onAddTask).toHaveBeenCalledWith('Send portfolio', Date.parse('2030-01-15T09:00:00'));
    click(drawer().querySelector('[data-testid="task"] input[type="checkbox"]'));
    expect(p.onToggleTask).toHaveBeenCalledWith('t1', true);
    type(drawer().querySelector('[data-testid="drawer-status"]'), 'offer');
    expect(p.onMove).toHaveBeenCalledWith('offer');
  });
});

describe('DeleteDialog', () => {
  const dialog = () => document.querySelector('[data-testid="delete-dialog"]');

  it('asks what to do with linked CVs and cover letters, keeping them by default', () => {
    const onConfirm = vi.fn();
    view = render(<DeleteDialog count={2} linked={{ tailoredCvs: 1, coverLetters: 3 }} onConfirm={onConfirm} onCancel={vi.fn()} />);
    expect(dialog()!.textContent).toContain('Tailored CVs: 1. Cover letters: 3.');
    click(dialog()!.querySelector('[data-testid="confirm-delete"]'));
    expect(onConfirm).toHaveBeenLastCalledWith('keep');
    click(dialog()!.querySelector('input[value="delete"]'));
    click(dialog()!.querySelector('[data-testid="confirm-delete"]'));
    expect(onConfirm).toHaveBeenLastCalledWith('delete');
  });

  it('does not ask when nothing is linked, and is closed with nothing to delete', () => {
    const onConfirm = vi.fn();
    view = render(<DeleteDialog count={1} linked={{ tailoredCvs: 0, coverLetters: 0 }} onConfirm={onConfirm} onCancel={vi.fn()} />);
    expect(dialog()!.querySelector('fieldset')).toBeNull();
    click(dialog()!.querySelector('[data-testid="confirm-delete"]'));
    expect(onConfirm).toHaveBeenCalledWith('delete');
    view.rerender(<DeleteDialog count={0} linked={{ tailoredCvs: 0, coverLetters: 0 }} onConfirm={onConfirm} onCancel={vi.fn()} />);
    expect(dialog()).toBeNull();
  });
});

describe('BackupPanel', () => {
  const none: TablePreview = { inFile: 0, added: 0, replaced: 0, kept: 0, unchanged: 0 };
  const preview: ImportPreview = {
    version: 2,
    conflicts: 1,
    tables: {
      jobs: { inFile: 3, added: 2, replaced: 1, kept: 0, unchanged: 0 },
      notes: { inFile: 1, added: 1, replaced: 0, kept: 0, unchanged: 0 },
      cvs: none, analyses: none, runs: none, llmUsage: none, llmCache: none, tasks: none, answers: none, settings: none,
    },
  };
  const handlers = () => ({ onExport: vi.fn(), onExportCsv: vi.fn(), onPickFile: vi.fn(), onConfirmImport: vi.fn(), onCancelImport: vi.fn(), onDeleteAll: vi.fn() });

  it('previews an import (totals, per table) before it is confirmed', () => {
    const h = handlers();
    view = render(<BackupPanel preview={preview} busy={false} {...h} />);
    const box = view.host.querySelector('[data-testid="import-preview"]')!;
    expect(box.textContent).toContain('This backup has 4 items: 3 new, 1 changed');
    expect([...box.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Jobs: 3', 'Notes: 1']);
    click(box.querySelector('[data-testid="confirm-import"]'));
    expect(h.onConfirmImport).toHaveBeenCalled();
  });

  it('asks before deleting all data', () => {
    const h = handlers();
    view = render(<BackupPanel preview={undefined} busy={false} {...h} />);
    click(view.host.querySelector('[data-testid="delete-all"]'));
    expect(h.onDeleteAll).not.toHaveBeenCalled();
    expect(view.host.querySelector('[data-testid="delete-all-confirm"]')!.textContent).toContain('Your API key and settings stay.');
    click(view.host.querySelector('[data-testid="confirm-delete-all"]'));
    expect(h.onDeleteAll).toHaveBeenCalledOnce();
  });
});

describe('StatsPanel', () => {
  it('shows the funnel and the response rate', () => {
    const stats = trackerStats(
      [
        job('a', { status: 'interview', appliedAt: T0, history: [{ at: T0, to: 'applied' }, { at: T0 + DAY, from: 'applied', to: 'interview' }] }),
        job('b', { status: 'applied', appliedAt: T0 }),
      ],
      T0 + 2 * DAY,
    );
    view = render(<StatsPanel stats={stats} />);
    expect(view.host.querySelector('[data-status="applied"]')!.textContent).toBe('Applied2');
    expect(view.host.querySelector('[data-testid="response-rate"]')!.textContent).toBe('50% of applications got an answer');
  });

  it('says when there is nothing to show yet', () => {
    view = render(<StatsPanel stats={trackerStats([], T0)} />);
    expect(view.host.textContent).toBe('Stats appear once you track a few jobs.');
  });
});

describe('TasksList', () => {
  it('lists open tasks with their job and due date, marks overdue ones, ticks and opens', async () => {
    const { TasksList } = await import('./TasksList');
    const onToggle = vi.fn();
    const onOpenJob = vi.fn();
    const a = job('a', { title: 'Platform Engineer', company: 'Acme' });
    view = render(
      <TasksList
        tasks={[
          { id: 't1', jobId: 'a', title: 'Call back', dueAt: T0 - DAY, done: 0, createdAt: T0 },
          { id: 't2', title: 'Update portfolio', done: 0, createdAt: T0 },
        ]}
        jobs={new Map([['a', a]])}
        now={T0}
        onToggle={onToggle}
        onOpenJob={onOpenJob}
      />,
    );
    const items = view.host.querySelectorAll('[data-testid="open-task"]');
    expect(items[0]!.textContent).toContain('(overdue)');
    expect(items[0]!.getAttribute('data-overdue')).toBe('true');
    expect(items[1]!.textContent).toBe('Update portfolio');
    click(items[0]!.querySelector('button'));
    expect(onOpenJob).toHaveBeenCalledWith('a');
    click(items[1]!.querySelector('input'));
    expect(onToggle).toHaveBeenCalledWith('t2', true);
  });
});

describe('AutoArchiveSetting', () => {
  it('saves a whole number of days and refuses anything else', async () => {
    const { AutoArchiveSetting } = await import('./AutoArchiveSetting');
    const onSave = vi.fn();
    view = render(<AutoArchiveSetting days={60} onSave={onSave} />);
    const input = view.host.querySelector<HTMLInputElement>('[data-testid="auto-archive-days"]')!;
    type(input, '1.5');
    act(() => {
      input.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    });
    expect(onSave).not.toHaveBeenCalled();
    expect(input.value).toBe('60');
    type(input, '-3');
    act(() => {
      input.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    });
    expect(input.value).toBe('60');
    type(input, '30');
    act(() => {
      input.form!.requestSubmit();
    });
    expect(onSave).toHaveBeenCalledWith(30);
  });
});
