import { useState } from 'react';
import { i18n } from '#i18n';
import type { ImportPreview } from '@/lib/db/repos/backup';
import type { TableName } from '@/lib/tracker/backup-file';
import { tableLabel } from './labels';

export interface BackupPanelProps {
  preview: ImportPreview | undefined;
  busy: boolean;
  onExport(): void;
  onExportCsv(): void;
  onPickFile(file: File): void;
  onConfirmImport(): void;
  onCancelImport(): void;
  onDeleteAll(): void;
}

/** Export (JSON backup, CSV), import with a preview before anything is written, and "Delete all my data". */
export function BackupPanel({ preview, busy, onExport, onExportCsv, onPickFile, onConfirmImport, onCancelImport, onDeleteAll }: BackupPanelProps) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  const tableNames = preview ? (Object.keys(preview.tables) as TableName[]) : [];
  const total = preview ? tableNames.reduce((sum, t) => sum + preview.tables[t].inFile, 0) : 0;
  const added = preview ? tableNames.reduce((sum, t) => sum + preview.tables[t].added, 0) : 0;
  return (
    <div className="jf-tracker-backup" data-testid="tracker-backup">
      <div className="jf-row">
        <button className="jf-button secondary" onClick={onExport} disabled={busy} data-testid="export-backup">
          {i18n.t('tracker.exportBackup')}
        </button>
        <button className="jf-button secondary" onClick={onExportCsv} disabled={busy} data-testid="export-csv">
          {i18n.t('tracker.exportCsv')}
        </button>
        <label className="jf-button secondary">
          {i18n.t('tracker.importBackup')}
          <input
            type="file"
            accept="application/json,.json"
            className="jf-tracker-file"
            data-testid="import-file"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) onPickFile(file);
              e.target.value = '';
            }}
          />
        </label>
        <button className="jf-button secondary" onClick={() => setConfirmDelete(true)} disabled={busy} data-testid="delete-all">
          {i18n.t('tracker.deleteAll')}
        </button>
      </div>
      {preview ? (
        <div className="jf-card" data-testid="import-preview">
          <p>{i18n.t('tracker.importPreview', [String(total), String(added), String(preview.conflicts)])}</p>
          <ul className="jf-tracker-list">
            {tableNames
              .filter((t) => preview.tables[t].inFile > 0)
              .map((t) => (
                <li key={t} data-table={t}>
                  {tableLabel(t)}: {preview.tables[t].inFile}
                </li>
              ))}
          </ul>
          <div className="jf-row">
            <button className="jf-button" onClick={onConfirmImport} disabled={busy} data-testid="confirm-import">
              {i18n.t('tracker.importConfirm')}
            </button>
            <button className="jf-button secondary" onClick={onCancelImport}>
              {i18n.t('tracker.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {confirmDelete ? (
        <div className="jf-card" data-testid="delete-all-confirm">
          <p>{i18n.t('tracker.deleteAllConfirm')}</p>
          <div className="jf-row">
            <button
              className="jf-button"
              data-testid="confirm-delete-all"
              onClick={() => {
                setConfirmDelete(false);
                onDeleteAll();
              }}
            >
              {i18n.t('tracker.deleteAllButton')}
            </button>
            <button className="jf-button secondary" onClick={() => setConfirmDelete(false)}>
              {i18n.t('tracker.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
