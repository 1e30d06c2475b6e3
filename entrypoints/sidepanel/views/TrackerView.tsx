import * as Tabs from '@radix-ui/react-tabs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { Skeleton } from '@/components/Skeleton';
import { AutoArchiveSetting } from '@/components/tracker/AutoArchiveSetting';
import { BackupPanel } from '@/components/tracker/BackupPanel';
import { BatchBar } from '@/components/tracker/BatchBar';
import { Board } from '@/components/tracker/Board';
import { DeleteDialog } from '@/components/tracker/DeleteDialog';
import { FilterBar } from '@/components/tracker/FilterBar';
import { SavedFilters } from '@/components/tracker/SavedFilters';
import { createSavedFiltersRepo } from '@/lib/db/repos/saved-filters';
import { JobDrawer } from '@/components/tracker/JobDrawer';
import { JobTable } from '@/components/tracker/JobTable';
import { statusLabel } from '@/components/tracker/labels';
import { StatsPanel } from '@/components/tracker/StatsPanel';
import { TasksList } from '@/components/tracker/TasksList';
import { getDb } from '@/lib/db/open';
import { applyImport, exportBackup, previewImport, toWriteError, type ImportPreview } from '@/lib/db/repos/backup';
import { createTrackerRepo, type LinkedChoice, type LinkedCounts } from '@/lib/db/repos/tracker';
import type { JobStatus } from '@/lib/db/schema';
import { toast } from '@/lib/panel/toasts';
import { parseBackup, type ParsedBackup } from '@/lib/tracker/backup-file';
import { trackerCsv } from '@/lib/tracker/csv';
import { createJobSearch, emptyFilters, filterAndSort, nextTaskByJob, trackerStats, type SortKey, type TrackerFilters, type TrackerSort } from '@/lib/tracker/query';
import { clearTaskAlarms, followUpDueAt, scheduleTask } from '@/lib/tracker/reminders';
import { AppError } from '@/lib/util/errors';
import { messageFor } from '@/lib/util/i18n-errors';

const repo = () => createTrackerRepo(getDb());

/** A translated message for a failed write or import, with the file's detail when there is one. */
function fail(error: unknown): void {
  const e = toWriteError(error);
  const detail = e instanceof AppError && e.detail && e.code.startsWith('import_') ? ` ${i18n.t('tracker.errorDetail', [e.detail])}` : '';
  toast(`${messageFor(e)}${detail}`, 'error');
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const today = () => new Date().toISOString().slice(0, 10);

/** Every saved job: table, board and stats, with filters, search, batch actions and the job drawer. */
export function TrackerView() {
  const data = useLiveQuery(async () => {
    const r = repo();
    return { jobs: await r.listJobs(), notes: await r.listAllNotes(), tasks: await r.listAllTasks(), lastArchive: await r.lastAutoArchive(), openTasks: await r.listOpenTasks(), archiveDays: await r.autoArchiveDays(), readAt: Date.now() };
  }, []);
  const [filters, setFilters] = useState<TrackerFilters>(emptyFilters);
  const [sort, setSort] = useState<TrackerSort>({ key: 'updatedAt', desc: true });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [openId, setOpenId] = useState<string>();
  const [deleting, setDeleting] = useState<{ ids: string[]; linked: LinkedCounts }>();
  const [followUp, setFollowUp] = useState<{ jobId: string; company: string; appliedAt: number }>();
  const [importing, setImporting] = useState<{ backup: ParsedBackup; preview: ImportPreview }>();
  const [busy, setBusy] = useState(false);
  const links = useLiveQuery(() => (openId ? repo().linkedTo(openId) : undefined), [openId]);
  const savedFilters = useLiveQuery(() => createSavedFiltersRepo(getDb()).list(), []) ?? [];

  const jobs = data?.jobs;
  const search = useMemo(() => (jobs && data ? createJobSearch(jobs, data.notes) : undefined), [jobs, data]);
  const nextTasks = useMemo(() => nextTaskByJob(data?.tasks ?? []), [data?.tasks]);
  const shown = useMemo(() => (jobs ? filterAndSort(jobs, filters, sort, search) : []), [jobs, filters, sort, search]);
  const tags = useMemo(() => [...new Set((jobs ?? []).flatMap((j) => j.tags))].sort(), [jobs]);
  const readAt = data?.readAt;
  const stats = useMemo(() => trackerStats(jobs ?? [], readAt ?? 0), [jobs, readAt]);
  const jobsById = useMemo(() => new Map((jobs ?? []).map((j) => [j.id, j])), [jobs]);

  if (!data || !jobs) return <Skeleton label={i18n.t('tracker.title')} />;

  const openJob = openId ? jobs.find((j) => j.id === openId) : undefined;
  const selectedIds = [...selected].filter((id) => jobs.some((j) => j.id === id));

  async function move(ids: string[], to: JobStatus) {
    try {
      const { moved, unusual } = await repo().move(ids, to);
      if (unusual.length) {
        const names = moved.filter((j) => unusual.includes(j.id)).map((j) => j.title);
        toast(i18n.t('tracker.unusualMove', [names.join(', ')]));
      }
      const applied = moved.find((j) => to === 'applied' && j.appliedAt !== undefined);
      if (applied && ids.length === 1) setFollowUp({ jobId: applied.id, company: applied.company, appliedAt: applied.appliedAt! });
    } catch (error) {
      fail(error);
    }
  }

  async function act(work: () => Promise<unknown>) {
    try {
      await work();
    } catch (error) {
      fail(error);
    }
  }

  async function addTask(jobId: string | undefined, title: string, dueAt: number | undefined) {
    await act(async () => scheduleTask(await repo().addTask({ ...(jobId ? { jobId } : {}), title, ...(dueAt !== undefined ? { dueAt } : {}) })));
  }

  async function askDelete(ids: string[]) {
    await act(async () => setDeleting({ ids, linked: await repo().linkedCounts(ids) }));
  }

  async function confirmDelete(choice: LinkedChoice) {
    const ids = deleting!.ids;
    setDeleting(undefined);
    await act(async () => {
      const { deletedTaskIds } = await repo().deleteJobs(ids, choice);
      await clearTaskAlarms(deletedTaskIds);
      setSelected(new Set());
      if (openId && ids.includes(openId)) setOpenId(undefined);
    });
  }

  async function pickFile(file: File) {
    setBusy(true);
    try {
      const backup = parseBackup(await file.text());
      setImporting({ backup, preview: await previewImport(getDb(), backup) });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  async function confirmImport() {
    if (!importing) return;
    setBusy(true);
    try {
      await applyImport(getDb(), importing.backup);
      setImporting(undefined);
      for (const task of await repo().listAllTasks()) await scheduleTask(task);
      toast(i18n.t('tracker.importDone'));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  async function deleteAll() {
    setBusy(true);
    try {
      const taskIds = (await repo().listAllTasks()).map((t) => t.id);
      await repo().deleteAll();
      await clearTaskAlarms(taskIds);
      setSelected(new Set());
      setOpenId(undefined);
      toast(i18n.t('tracker.deleteAllDone'));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  function exportCsv() {
    const csv = trackerCsv(shown, nextTasks, {
      headers: [
        i18n.t('tracker.colCompany'),
        i18n.t('tracker.colTitle'),
        i18n.t('tracker.colStatus'),
        i18n.t('tracker.colScore'),
        i18n.t('tracker.colApplied'),
        i18n.t('tracker.colNextTask'),
        i18n.t('tracker.filterTag'),
        i18n.t('tracker.filterWorkplace'),
        'URL',
        i18n.t('tracker.colUpdated'),
      ],
      status: statusLabel,
    });
    download(`jobfit-tracker-${today()}.csv`, 'text/csv;charset=utf-8', csv);
  }

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const onSort = (key: SortKey) => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key === 'updatedAt' || key === 'score' || key === 'appliedAt' }));

  return (
    <div className="jf-tracker" data-testid="tracker-view">
      {data.lastArchive ? (
        <Card testId="auto-archive-undo">
          <div className="jf-row">
            <span>{i18n.t('tracker.autoArchived', [String(data.lastArchive.items.length)])}</span>
            <button className="jf-button secondary" onClick={() => void act(() => repo().undoAutoArchive())}>
              {i18n.t('tracker.undoArchive')}
            </button>
          </div>
        </Card>
      ) : null}
      {followUp ? (
        <Card testId="follow-up">
          <p>{i18n.t('tracker.followUpSuggest')}</p>
          <div className="jf-row">
            <button
              className="jf-button"
              onClick={() => {
                void addTask(followUp.jobId, i18n.t('tracker.followUpTitle', [followUp.company]), followUpDueAt(followUp.appliedAt));
                setFollowUp(undefined);
              }}
            >
              {i18n.t('tracker.followUpAdd')}
            </button>
            <button className="jf-button secondary" onClick={() => setFollowUp(undefined)}>
              {i18n.t('tracker.dismiss')}
            </button>
          </div>
        </Card>
      ) : null}

      {jobs.length === 0 ? (
        <Card testId="tracker-empty">
          <p className="jf-muted">{i18n.t('tracker.empty')}</p>
        </Card>
      ) : (
        <Tabs.Root defaultValue="table" className="jf-tracker-tabs">
          <Tabs.List className="jf-tracker-tablist" aria-label={i18n.t('tracker.title')}>
            <Tabs.Trigger value="table" data-testid="tracker-tab-table">
              {i18n.t('tracker.tabTable')}
            </Tabs.Trigger>
            <Tabs.Trigger value="board" data-testid="tracker-tab-board">
              {i18n.t('tracker.tabBoard')}
            </Tabs.Trigger>
            <Tabs.Trigger value="tasks" data-testid="tracker-tab-tasks">
              {i18n.t('tracker.tabTasks')}
            </Tabs.Trigger>
            <Tabs.Trigger value="stats" data-testid="tracker-tab-stats">
              {i18n.t('tracker.tabStats')}
            </Tabs.Trigger>
          </Tabs.List>
          <FilterBar filters={filters} tags={tags} onChange={setFilters} />
          <SavedFilters
            saved={savedFilters}
            canSave={JSON.stringify(filters) !== JSON.stringify(emptyFilters)}
            onApply={(id) => {
              const found = savedFilters.find((f) => f.id === id);
              if (found) setFilters(found.filters);
            }}
            onRemove={(id) => void createSavedFiltersRepo(getDb()).remove(id).catch((e: unknown) => toast(messageFor(e), 'error'))}
            onSave={(name) => void createSavedFiltersRepo(getDb()).save(name, filters).catch((e: unknown) => toast(messageFor(e), 'error'))}
          />
          <p className="jf-muted" data-testid="tracker-count">
            {i18n.t('tracker.count', [String(shown.length)])}
          </p>
          <BatchBar
            count={selectedIds.length}
            onMove={(to) => void move(selectedIds, to)}
            onTag={(tag) => void act(() => repo().addTag(selectedIds, tag))}
            onArchive={() => void move(selectedIds, 'archived')}
            onDelete={() => void askDelete(selectedIds)}
          />
          <Tabs.Content value="table">
            {shown.length === 0 ? (
              <p className="jf-muted">{i18n.t('tracker.noMatch')}</p>
            ) : (
              <JobTable
                jobs={shown}
                nextTasks={nextTasks}
                selected={selected}
                sort={sort}
                onSort={onSort}
                onToggle={toggle}
                onToggleAll={() => setSelected(shown.every((j) => selected.has(j.id)) ? new Set() : new Set(shown.map((j) => j.id)))}
                onOpen={setOpenId}
              />
            )}
          </Tabs.Content>
          <Tabs.Content value="board">
            <Board jobs={shown} onMove={(id, to) => void move([id], to)} onOpen={setOpenId} />
          </Tabs.Content>
          <Tabs.Content value="tasks">
            <TasksList
              tasks={data.openTasks}
              jobs={jobsById}
              now={data.readAt}
              onToggle={(id, done) => void act(async () => scheduleTask(await repo().setTaskDone(id, done)))}
              onOpenJob={setOpenId}
            />
          </Tabs.Content>
          <Tabs.Content value="stats">
            <StatsPanel stats={stats} />
          </Tabs.Content>
        </Tabs.Root>
      )}

      <Card title={i18n.t('tracker.exportBackup')}>
        <BackupPanel
          preview={importing?.preview}
          busy={busy}
          onExport={() => void act(async () => download(`jobfit-backup-${today()}.json`, 'application/json', await exportBackup(getDb())))}
          onExportCsv={exportCsv}
          onPickFile={(file) => void pickFile(file)}
          onConfirmImport={() => void confirmImport()}
          onCancelImport={() => setImporting(undefined)}
          onDeleteAll={() => void deleteAll()}
        />
        <AutoArchiveSetting key={data.archiveDays} days={data.archiveDays} onSave={(days) => void act(() => repo().setAutoArchiveDays(days))} />
      </Card>

      <JobDrawer
        job={openJob}
        {...(links ? { links } : {})}
        notes={openJob ? data.notes.filter((n) => n.jobId === openJob.id).sort((a, b) => a.createdAt - b.createdAt) : []}
        tasks={openJob ? data.tasks.filter((t) => t.jobId === openJob.id).sort((a, b) => a.createdAt - b.createdAt) : []}
        onClose={() => setOpenId(undefined)}
        onMove={(to) => openJob && void move([openJob.id], to)}
        onAddNote={(text) => openJob && void act(() => repo().addNote(openJob.id, text))}
        onEditNote={(id, text) => void act(() => repo().editNote(id, text))}
        onRemoveNote={(id) => void act(() => repo().removeNote(id))}
        onAddTask={(title, dueAt) => openJob && void addTask(openJob.id, title, dueAt)}
        onToggleTask={(id, done) => void act(async () => scheduleTask(await repo().setTaskDone(id, done)))}
        onRemoveTask={(id) => void act(async () => {
          await repo().removeTask(id);
          await clearTaskAlarms([id]);
        })}
      />
      <DeleteDialog
        count={deleting?.ids.length ?? 0}
        linked={deleting?.linked ?? { tailoredCvs: 0, coverLetters: 0 }}
        onConfirm={(choice) => void confirmDelete(choice)}
        onCancel={() => setDeleting(undefined)}
      />
    </div>
  );
}
