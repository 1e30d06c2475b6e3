/**
 * Links into the tracker: `#/tracker?job=<id>` opens that job's drawer (from a reminder's notification),
 * `#/tracker?backup=1` brings the "back up your data" banner into view (the backup reminder).
 * The shell's router reads only the view name, so the query part is the tracker's own.
 */
export const trackerHash = '#/tracker';
export const backupHash = `${trackerHash}?backup=1`;

export function jobHash(jobId: string): string {
  return `${trackerHash}?job=${encodeURIComponent(jobId)}`;
}

/** The query of a tracker link, or undefined for any other hash. */
function trackerQuery(hash: string): URLSearchParams | undefined {
  const match = /^#\/?tracker\?(.*)$/.exec(hash);
  return match ? new URLSearchParams(match[1]) : undefined;
}

/** The job a tracker link points at, or undefined for any other hash. */
export function jobIdFromHash(hash: string): string | undefined {
  const id = trackerQuery(hash)?.get('job')?.trim();
  return id ? id : undefined;
}

export function wantsBackupFromHash(hash: string): boolean {
  return trackerQuery(hash)?.get('backup') === '1';
}
