import { describe, expect, it } from 'vitest';
import { toJobCard } from '../db/job-cards';
import type { JobRow, TaskRow } from '../db/schema';
import { csvField, trackerCsv, type CsvLabels } from './csv';

const labels: CsvLabels = {
  headers: ['Company', 'Title', 'Status', 'Score', 'Applied', 'Next task', 'Tags', 'Workplace', 'Location', 'URL', 'Updated'],
  status: (s) => s.toUpperCase(),
  workplace: (w) => `<${w}>`,
};

const job: JobRow = {
  id: 'j1',
  url: 'https://jobs.example.com/1',
  title: 'Engineer, "Platform"',
  company: '=HYPERLINK("http://evil")',
  location: 'Zürich',
  status: 'applied',
  score: 71,
  tags: ['remote', 'rust'],
  createdAt: Date.UTC(2026, 0, 1),
  updatedAt: Date.UTC(2026, 0, 3),
  appliedAt: Date.UTC(2026, 0, 2),
  posting: { workplace: 'hybrid' },
  history: [],
};

describe('tracker CSV', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('neutralises formulas coming from page text', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('@cmd')).toBe("'@cmd");
  });

  it('writes one row per job with label, dates, tags, workplace, location and the next task', () => {
    const task: TaskRow = { id: 't', jobId: 'j1', title: 'Follow up', dueAt: Date.UTC(2026, 0, 9), done: 0, createdAt: 1 };
    const other: JobRow = { ...job, id: 'j2', company: 'Beta', score: undefined, appliedAt: undefined, tags: [], posting: undefined, location: undefined };
    const csv = trackerCsv([job, other].map(toJobCard), new Map([['j1', task]]), labels);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Company,Title,Status,Score,Applied,Next task,Tags,Workplace,Location,URL,Updated',
      `"'=HYPERLINK(""http://evil"")","Engineer, ""Platform""",APPLIED,71,2026-01-02,Follow up 2026-01-09,remote; rust,<hybrid>,Zürich,https://jobs.example.com/1,2026-01-03`,
      `Beta,"Engineer, ""Platform""",APPLIED,,,,,,,https://jobs.example.com/1,2026-01-03`,
      '',
    ]);
  });
});
