import { i18n } from '#i18n';
import type { Workplace } from '@/lib/capture/types';
import type { JobStatus } from '@/lib/db/schema';
import type { TableName } from '@/lib/tracker/backup-file';

const statusKeys = {
  saved: 'tracker.status.saved',
  interested: 'tracker.status.interested',
  cv_tailored: 'tracker.status.cv_tailored',
  applied: 'tracker.status.applied',
  interview: 'tracker.status.interview',
  offer: 'tracker.status.offer',
  rejected: 'tracker.status.rejected',
  declined: 'tracker.status.declined',
  ghosted: 'tracker.status.ghosted',
  archived: 'tracker.status.archived',
} as const satisfies Record<JobStatus, string>;

const tableKeys = {
  jobs: 'tracker.tables.jobs',
  cvs: 'tracker.tables.cvs',
  analyses: 'tracker.tables.analyses',
  runs: 'tracker.tables.runs',
  llmUsage: 'tracker.tables.llmUsage',
  llmCache: 'tracker.tables.llmCache',
  tasks: 'tracker.tables.tasks',
  notes: 'tracker.tables.notes',
  answers: 'tracker.tables.answers',
  settings: 'tracker.tables.settings',
} as const satisfies Record<TableName, string>;

// The UI language is fixed for a page's life, and status labels are read for every row drawn: read once.
const statusLabels = new Map<JobStatus, string>();
export const statusLabel = (status: JobStatus): string => {
  let label = statusLabels.get(status);
  if (label === undefined) statusLabels.set(status, (label = i18n.t(statusKeys[status])));
  return label;
};
export const tableLabel = (table: TableName): string => i18n.t(tableKeys[table]);
export const workplaceLabel = (w: Workplace): string => i18n.t(w === 'remote' ? 'tracker.remote' : w === 'hybrid' ? 'tracker.hybrid' : 'tracker.onsite');

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export const formatDate = (ms: number | undefined): string => (ms === undefined ? '' : dateFormat.format(ms));
export const formatDateTime = (ms: number): string => dateTimeFormat.format(ms);
