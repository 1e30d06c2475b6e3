import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { AtsPanel, type AtsState } from '@/components/cv/AtsPanel';
import { CvEditor } from '@/components/cv/CvEditor';
import { CvList, type CvListItem } from '@/components/cv/CvList';
import { CvWarnings } from '@/components/cv/CvWarnings';
import { DeleteCvDialog } from '@/components/cv/DeleteCvDialog';
import { ImportDropZone, type ImportFailure } from '@/components/cv/ImportDropZone';
import { SourceLines } from '@/components/cv/SourceLines';
import { Skeleton } from '@/components/Skeleton';
import { downloadFile } from '@/lib/cv/export/download';
import { type ExportFormat, exportFileName } from '@/lib/cv/export/file-name';
import { importCv } from '@/lib/cv/import/index';
import { MAX_CV_BYTES } from '@/lib/cv/import/validate';
import { type Cv, cvSchema } from '@/lib/cv/model';
import { getDb } from '@/lib/db/open';
import { createCvsRepo } from '@/lib/db/repos/cvs';
import { createJobsRepo } from '@/lib/db/repos/jobs';
import type { CvRow } from '@/lib/db/schema';
import { pdfTools } from '@/lib/panel/ai-export';
import { toast } from '@/lib/panel/toasts';
import { AppError, toAppError } from '@/lib/util/errors';
import { errorMessage } from '@/lib/util/i18n-errors';
import { createLogger } from '@/lib/util/logger';

const log = createLogger('cv-view');

// pdf.js, pdf-lib with its font and docx load on first use: the view opens with none of them.
const readPdfInPage = async (data: Uint8Array) => (await import('@/lib/cv/import/pdf-page')).readPdfInPage(data);
const cvs = () => createCvsRepo(getDb());

const exportFormats: { format: ExportFormat; label: 'cv.exportPdf' | 'cv.exportDocx' | 'cv.exportMarkdown' | 'cv.exportJson' | 'cv.exportText'; mime: string }[] = [
  { format: 'pdf', label: 'cv.exportPdf', mime: 'application/pdf' },
  { format: 'docx', label: 'cv.exportDocx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { format: 'md', label: 'cv.exportMarkdown', mime: 'text/markdown' },
  { format: 'json', label: 'cv.exportJson', mime: 'application/json' },
  { format: 'txt', label: 'cv.exportText', mime: 'text/plain' },
];

/** Coded failures keep their own message; anything else is reported as the operation's failure. */
function codeOf(error: unknown, fallback: 'cv_corrupt' | 'cv_export_failed'): AppError {
  if (error instanceof AppError) return error;
  const mapped = toAppError(error);
  return mapped.code === 'internal' ? new AppError(fallback) : mapped;
}

export function CvView() {
  const data = useLiveQuery(async () => {
    const rows = await cvs().listAll();
    const jobIds = [...new Set(rows.map((r) => r.jobId).filter((id): id is string => id !== undefined))];
    const jobsRepo = createJobsRepo(getDb());
    const jobs = new Map((await Promise.all(jobIds.map((id) => jobsRepo.get(id)))).filter((j) => j !== undefined).map((j) => [j.id, j]));
    return { rows, jobs };
  }, []);
  const [selectedId, setSelectedId] = useState<string>();
  const [busyFile, setBusyFile] = useState<string>();
  const [failure, setFailure] = useState<ImportFailure>();

  if (!data) return <Skeleton label={i18n.t('cv.loading')} />;
  const { rows, jobs } = data;
  const selected = rows.find((r) => r.id === selectedId) ?? rows.find((r) => r.isDefault === 1) ?? rows.at(-1);
  const items: CvListItem[] = rows.map((r) => {
    const job = r.jobId ? jobs.get(r.jobId) : undefined;
    return {
      id: r.id,
      name: r.name,
      isDefault: r.isDefault === 1,
      ...(r.parentId ? { parentId: r.parentId } : {}),
      ...(job ? { jobLabel: [job.title, job.company].filter(Boolean).join(' · ') } : {}),
    };
  });

  async function importFiles(files: File[]) {
    for (const file of files) {
      setBusyFile(file.name);
      try {
        if (file.size > MAX_CV_BYTES) throw new AppError('cv_too_large');
        const bytes = new Uint8Array(await file.arrayBuffer());
        const cv = await importCv(bytes, { fileName: file.name, readPdf: readPdfInPage });
        const row = await cvs().add({ name: cv.basics.name?.trim() || file.name, data: cv });
        setSelectedId(row.id);
        setFailure(undefined);
        toast(i18n.t('cv.imported', [file.name]));
      } catch (error) {
        const e = codeOf(error, 'cv_corrupt');
        // Expected for bad files: a warning, not an error, and nothing already saved is touched.
        log.warn('import failed', e.code);
        setFailure({ file: file.name, code: e.code, message: errorMessage(e.code) });
      } finally {
        setBusyFile(undefined);
      }
    }
  }

  return (
    <>
      <Card title={i18n.t('cv.title')} testId="cv-library">
        {rows.length === 0 ? <p className="jf-muted" data-testid="cv-empty">{i18n.t('cv.empty')}</p> : <CvList items={items} selectedId={selected?.id} onSelect={setSelectedId} />}
        <ImportDropZone busyFile={busyFile} failure={failure} onFiles={(f) => void importFiles(f)} />
      </Card>
      {selected ? (
        <CvDetail
          key={selected.id}
          row={selected}
          tailoredCount={rows.filter((r) => r.parentId === selected.id).length}
          target={selected.jobId ? jobs.get(selected.jobId) : undefined}
          onDeleted={() => setSelectedId(undefined)}
          onDuplicated={setSelectedId}
        />
      ) : null}
    </>
  );
}

function CvDetail({
  row,
  tailoredCount,
  target,
  onDeleted,
  onDuplicated,
}: {
  row: CvRow;
  tailoredCount: number;
  target?: { company?: string; title?: string };
  onDeleted(): void;
  onDuplicated(id: string): void;
}) {
  const parsed = useMemo(() => cvSchema.safeParse(row.data), [row.data]);
  const [renaming, setRenaming] = useState<string>();
  const [deleting, setDeleting] = useState(false);
  const [showSource, setShowSource] = useState(false);
  const [marked, setMarked] = useState<Set<string>>(new Set());
  const [ats, setAts] = useState<AtsState>({ status: 'idle' });
  const [exportError, setExportError] = useState<{ code: string; message: string; detail?: string }>();
  const [exporting, setExporting] = useState<ExportFormat>();

  const guard = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) toast(done);
    } catch (error) {
      log.warn('cv action failed', error);
      toast(errorMessage(toAppError(error).code), 'error');
    }
  };

  if (!parsed.success) {
    return (
      <Card testId="cv-unreadable">
        <p className="jf-error" role="alert">
          {i18n.t('cv.unreadable')}
        </p>
      </Card>
    );
  }
  const cv = parsed.data;

  async function exportAs(format: ExportFormat, mime: string) {
    setExporting(format);
    setExportError(undefined);
    try {
      const bytes = await render(cv, format);
      const name = exportFileName(cv, format, { company: target?.company, role: target?.title });
      downloadFile(bytes, name, mime);
      toast(i18n.t('cv.exported', [name]));
    } catch (error) {
      const e = codeOf(error, 'cv_export_failed');
      log.warn('export failed', e.code);
      setExportError({ code: e.code, message: errorMessage(e.code), ...(e.code === 'cv_export_unsupported_chars' && e.detail ? { detail: e.detail } : {}) });
    } finally {
      setExporting(undefined);
    }
  }

  async function runAts() {
    setAts({ status: 'running' });
    try {
      const [{ atsReport }, { fonts }] = await Promise.all([import('@/lib/cv/export/ats'), pdfTools()]);
      const report = await atsReport(cv, { fonts, readPdf: readPdfInPage });
      setAts({ status: 'done', differences: report.differences });
    } catch (error) {
      setAts({ status: 'error', message: errorMessage(codeOf(error, 'cv_export_failed').code) });
    }
  }

  return (
    <>
      <Card title={<span data-testid="cv-name">{row.name}</span>} testId="cv-detail">
        <div className="jf-row">
          {row.isDefault === 1 ? (
            <span className="jf-chip" data-testid="cv-is-default">
              ★ {i18n.t('cv.defaultStar')}
            </span>
          ) : row.parentId === undefined ? (
            <button className="jf-button secondary" onClick={() => void guard(() => cvs().setDefault(row.id), i18n.t('cv.madeDefault'))} data-testid="cv-make-default">
              {i18n.t('cv.makeDefault')}
            </button>
          ) : null}
          <button
            className="jf-button secondary"
            data-testid="cv-duplicate"
            onClick={() => void guard(async () => onDuplicated((await cvs().duplicate(row.id, i18n.t('cv.copyName', [row.name]))).id), i18n.t('cv.duplicated'))}
          >
            {i18n.t('cv.duplicate')}
          </button>
          <button className="jf-button secondary" onClick={() => setRenaming(row.name)} data-testid="cv-rename">
            {i18n.t('cv.rename')}
          </button>
          <button className="jf-button secondary" onClick={() => setDeleting(true)} data-testid="cv-delete">
            {i18n.t('cv.delete')}
          </button>
        </div>
        {renaming !== undefined ? (
          <form
            className="jf-row"
            onSubmit={(e) => {
              e.preventDefault();
              if (!renaming.trim()) return;
              void guard(() => cvs().rename(row.id, renaming)).then(() => setRenaming(undefined));
            }}
          >
            <label className="jf-field">
              {i18n.t('cv.newName')}
              <input value={renaming} onChange={(e) => setRenaming(e.target.value)} data-testid="cv-rename-input" autoFocus />
            </label>
            <button className="jf-button" type="submit" disabled={!renaming.trim()} data-testid="cv-rename-save">
              {i18n.t('cv.renameSave')}
            </button>
            <button className="jf-button secondary" type="button" onClick={() => setRenaming(undefined)}>
              {i18n.t('cv.cancel')}
            </button>
          </form>
        ) : null}
        <CvWarnings warnings={cv.warnings} />
        <div className="jf-cv-export" role="group" aria-label={i18n.t('cv.export')}>
          <span>{i18n.t('cv.export')}</span>
          {exportFormats.map((f) => (
            <button key={f.format} className="jf-button secondary" disabled={exporting !== undefined} onClick={() => void exportAs(f.format, f.mime)} data-testid={`cv-export-${f.format}`}>
              {i18n.t(f.label)}
            </button>
          ))}
        </div>
        {exportError ? (
          <div role="alert" className="jf-error" data-testid="cv-export-error" data-code={exportError.code}>
            {exportError.message}
            {exportError.detail ? <div>{i18n.t('cv.unsupportedChars', [exportError.detail])}</div> : null}
          </div>
        ) : null}
      </Card>
      <div className="jf-cv-workspace" data-source-open={showSource}>
        <Card testId="cv-structure">
          <button className="jf-link jf-cv-source-toggle" onClick={() => setShowSource((s) => !s)} aria-expanded={showSource} data-testid="cv-source-toggle">
            {showSource ? i18n.t('cv.hideOriginal') : i18n.t('cv.showOriginal')}
          </button>
          <CvEditor cv={cv} onFocusLines={(ids) => setMarked(new Set(ids))} onChange={(next) => void guard(() => cvs().update(row.id, { data: next }), i18n.t('cv.saved'))} />
        </Card>
        <Card title={i18n.t('cv.original')} testId="cv-original">
          <SourceLines lines={cv.source.lines} highlighted={marked} />
        </Card>
      </div>
      <Card>
        <AtsPanel state={ats} onRun={() => void runAts()} />
      </Card>
      <DeleteCvDialog
        open={deleting}
        name={row.name}
        tailoredCount={tailoredCount}
        onCancel={() => setDeleting(false)}
        onConfirm={(tailored) => {
          setDeleting(false);
          void guard(async () => {
            await cvs().remove(row.id, { tailored });
            onDeleted();
          }, i18n.t('cv.deleted'));
        }}
      />
    </>
  );
}

async function render(cv: Cv, format: ExportFormat): Promise<Uint8Array | string> {
  switch (format) {
    case 'pdf': {
      const { pdf, fonts } = await pdfTools();
      return pdf.exportPdf(cv, { fonts });
    }
    case 'docx':
      return (await import('@/lib/cv/export/docx')).exportDocx(cv);
    case 'md':
      return (await import('@/lib/cv/export/markdown')).exportMarkdown(cv);
    case 'json':
      return (await import('@/lib/cv/export/json-resume')).exportJsonResume(cv);
    case 'txt':
      return (await import('@/lib/cv/export/text')).exportText(cv);
  }
}
