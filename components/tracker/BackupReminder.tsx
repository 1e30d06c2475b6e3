import { i18n } from '#i18n';
import type { BackupInterval } from '@/lib/storage/items';

const DAY = 86_400_000;

/** The tracker's "back up your data" banner, shown while a backup is due. */
export function BackupDueBanner({ lastBackupAt, now, busy, onBackUp }: { lastBackupAt: number | null; now: number; busy: boolean; onBackUp(): void }) {
  return (
    <section className="jf-card" data-testid="backup-due" tabIndex={-1} aria-live="polite">
      <p>{lastBackupAt === null ? i18n.t('tracker2.backupDueNever') : i18n.t('tracker2.backupDueSince', [String(Math.floor((now - lastBackupAt) / DAY))])}</p>
      <div className="jf-row">
        <button className="jf-button" onClick={onBackUp} disabled={busy} data-testid="backup-now">
          {i18n.t('tracker2.backupNow')}
        </button>
      </div>
    </section>
  );
}

/** How often to be reminded (weekly by default), and when the last backup was saved. */
export function BackupIntervalSetting({ interval, lastBackupAt, onChange }: { interval: BackupInterval; lastBackupAt: number | null; onChange(interval: BackupInterval): void }) {
  return (
    <div className="jf-field">
      <label htmlFor="jf-backup-interval">{i18n.t('tracker2.reminderLabel')}</label>
      <select id="jf-backup-interval" value={interval} onChange={(e) => onChange(e.target.value as BackupInterval)} data-testid="backup-interval">
        <option value="weekly">{i18n.t('tracker2.intervalWeekly')}</option>
        <option value="monthly">{i18n.t('tracker2.intervalMonthly')}</option>
        <option value="off">{i18n.t('tracker2.intervalOff')}</option>
      </select>
      <span className="jf-muted" data-testid="last-backup">
        {lastBackupAt === null ? i18n.t('tracker2.lastBackupNever') : i18n.t('tracker2.lastBackup', [new Date(lastBackupAt).toLocaleString()])}
      </span>
    </div>
  );
}
