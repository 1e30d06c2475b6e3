import type { Workplace } from '../capture/types';
import type { JobCard } from '../db/job-cards';
import type { TaskRow } from '../db/schema';

export interface CsvLabels {
  headers: [
    company: string,
    title: string,
    status: string,
    score: string,
    applied: string,
    nextTask: string,
    tags: string,
    workplace: string,
    location: string,
    url: string,
    updated: string,
  ];
  status: (status: JobCard['status']) => string;
  workplace: (workplace: Workplace) => string;
}

const day = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString().slice(0, 10));

/**
 * One RFC 4180 field. Cells a spreadsheet would run as a formula (=, +, -, @, tab, CR) get a leading
 * apostrophe: job titles and companies come from web pages.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The tracker as CSV (CRLF lines, UTF-8 with BOM so spreadsheet apps read accents). */
export function trackerCsv(jobs: readonly JobCard[], nextTasks: ReadonlyMap<string, TaskRow>, labels: CsvLabels): string {
  const lines = [labels.headers.map(csvField).join(',')];
  for (const job of jobs) {
    const task = nextTasks.get(job.id);
    const next = task ? [task.title, day(task.dueAt)].filter(Boolean).join(' ') : '';
    const cells = [
      job.company,
      job.title,
      labels.status(job.status),
      job.score === undefined ? '' : String(job.score),
      day(job.appliedAt),
      next,
      job.tags.join('; '),
      job.workplace ? labels.workplace(job.workplace) : '',
      job.location ?? '',
      job.url,
      day(job.updatedAt),
    ];
    lines.push(cells.map(csvField).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
