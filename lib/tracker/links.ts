/**
 * Links into the tracker: `#/tracker?job=<id>` opens that job's drawer (from a reminder's notification).
 * The shell's router reads only the view name, so the query part is the tracker's own.
 */
export function jobHash(jobId: string): string {
  return `#/tracker?job=${encodeURIComponent(jobId)}`;
}

/** The job a tracker link points at, or undefined for any other hash. */
export function jobIdFromHash(hash: string): string | undefined {
  const match = /^#\/?tracker\?(.*)$/.exec(hash);
  if (!match) return undefined;
  const id = new URLSearchParams(match[1]).get('job')?.trim();
  return id ? id : undefined;
}

/** `#/tracker?backup=1`: the tracker with its "back up your data" banner in view (the backup reminder). */
export const backupHash = '#/tracker?backup=1';

export function wantsBackupFromHash(hash: string): boolean {
  const match = /^#\/?tracker\?(.*)$/.exec(hash);
  return !!match && new URLSearchParams(match[1]).get('backup') === '1';
}
