import * as Tabs from '@radix-ui/react-tabs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { Card } from '@/components/Card';
import { Skeleton } from '@/components/Skeleton';
import { AutoArchiveSetting } from '@/components/tracker/AutoArchiveSetting';
import { BackupPanel } from '@/components/tracker/BackupPanel';
import { BackupDueBanner, BackupIntervalSetting } from '@/components/tracker/BackupReminder';
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
import { whenIdle } from '@/lib/panel/idle';
import { useItem } from '@/lib/panel/use-item';
import { backupIntervalItem, lastBackupAtItem, type BackupInterval } from '@/lib/storage/items';
import { backupEnv, isBackupDue, recordBackup, syncBackupReminder } from '@/lib/tracker/backup-reminder';
import { saveBackupFile } from '@/lib/tracker/backup-download';
import { parseBackup, type ParsedBackup } from '@/lib/tracker/backup-file';
import { trackerCsv } from '@/lib/tracker/csv';
import { jobIdFromHash, wantsBackupFromHash } from '@/lib/tracker/links';
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

/** More than a tall screen of table rows. */
const HEAD_ROWS = 60;
/** Loaded rows indexed for search in idle time up to this many (more wait for the first keystroke: one long task). */
const IDLE_INDEX_MAX = 3000;

/** Every saved job: table, board and stats, with filters, search, batch actions and the job drawer. */
export function TrackerView() {
  const [filters, setFilters] = useState<TrackerFilters>(emptyFilters);
  const [sort, setSort] = useState<TrackerSort>({ key: 'updatedAt', desc: true });
  const [tab, setTab] = useState('table');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [openId, setOpenId] = useState<string>();
  const [deleting, setDeleting] = useState<{ ids: string[]; linked: LinkedCounts }>();
  const [followUp, setFollowUp] = useState<{ jobId: string; company: string; appliedAt: number }>();
  const [importing, setImporting] = useState<{ backup: ParsedBackup; preview: ImportPreview }>();
  const [busy, setBusy] = useState(false);
  // Set once something needs every job (see below); stays set, so the list does not drop back.
  const [wantAll, setWantAll] = useState(false);

  // Only what the open tab needs is read: the jobs of the filtered statuses (status index), notes only
  // while searching, every job for the stats only on their tab. The default table (newest first, no
  // filter) shows its first rows from the updatedAt index and reads every job only when something
  // needs them: the board, another sort, a filter that has no index, a search across all statuses, or
  // a scroll past those first rows.
  const statusKey = filters.statuses.join(',');
  const searching = filters.query.trim() !== '';
  const defaultSort = sort.key === 'updatedAt' && sort.desc;
  const unindexedFilter = JSON.stringify({ ...filters, statuses: [], query: '' }) !== JSON.stringify(emptyFilters);
  const needsAll = tab === 'board' || !defaultSort || unindexedFilter || (searching && filters.statuses.length === 0);
  // Adjusted while rendering (React's pattern for state derived from a change), not in an effect.
  if (needsAll && !wantAll) setWantAll(true);
  const readAll = wantAll || needsAll;
  // '' = every job; undefined = none read yet.
  const loadFor = filters.statuses.length ? statusKey : readAll ? '' : undefined;
  // The first screen of the default view (newest first, no filter) comes from the updatedAt index at
  // once; the full list replaces it when read.
  const head = useLiveQuery(() => repo().listRecentJobs(HEAD_ROWS), []);
  const data = useLiveQuery(async () => {
    const r = repo();
    const [total, tags, tasks, lastArchive, archiveDays, oldestJobAt] = await Promise.all([
      r.countJobs(),
      r.listTags(),
      r.listOpenTasks(),
      r.lastAutoArchive(),
      r.autoArchiveDays(),
      r.oldestJobAt(),
    ]);
    return { total, tags, tasks, lastArchive, archiveDays, oldestJobAt, readAt: Date.now() };
  }, []);
  const loaded = useLiveQuery(
    async () => (loadFor === undefined ? null : { loadedFor: loadFor, jobs: await repo().listJobsIn(loadFor ? loadFor.split(',') as JobStatus[] : []) }),
    [loadFor],
  );
  // Notes are read once the first rows are drawn and the page is idle (`warm`), or at the first keystroke.
  const [warm, setWarm] = useState(false);
  const wantNotes = searching || warm;
  const notes = useLiveQuery(async () => (wantNotes ? await repo().listAllNotes() : undefined), [wantNotes]);
  const allJobs = useLiveQuery(async () => (tab === 'stats' ? await repo().listJobs() : undefined), [tab]);
  const taskJobIds = (data?.tasks ?? []).flatMap((t) => (t.jobId ? [t.jobId] : [])).join(',');
  const taskJobs = useLiveQuery(() => (tab === 'tasks' && taskJobIds ? repo().getJobs(taskJobIds.split(',')) : []), [tab, taskJobIds]);
  const opened = useLiveQuery(async () => {
    if (!openId) return undefined;
    const r = repo();
    return { job: await r.getJob(openId), links: await r.linkedTo(openId), notes: await r.listNotes(openId), tasks: await r.listTasks(openId) };
  }, [openId]);
  const backupInterval = useItem(backupIntervalItem);
  const lastBackupAt = useItem(lastBackupAtItem);
  const savedFilters = useLiveQuery(() => createSavedFiltersRepo(getDb()).list(), []) ?? [];

  const [index] = useState(() => createJobSearch());
  const jobs = loaded?.jobs;
  // The index follows the loaded rows incrementally (see createJobSearch); a new wrapper re-runs the filter.
  // While not searching it is brought up to date in idle time, so the first keystroke finds it ready.
  const search = useMemo(() => {
    if (!jobs || !notes || !searching) return undefined;
    index.sync(jobs, notes);
    return { search: (query: string) => index.search(query) };
  }, [index, jobs, notes, searching]);
  useEffect(() => {
    if (searching || !jobs || !notes || jobs.length > IDLE_INDEX_MAX) return;
    return whenIdle(() => index.sync(jobs, notes));
  }, [index, jobs, notes, searching]);
  // Rows loaded for other statuses than the filter's, or a query without its index yet, would show a
  // wrong list for a moment: the list waits (a skeleton) until the right rows are read.
  const fresh = !!loaded && (loaded.loadedFor === statusKey || loaded.loadedFor === '') && (!searching || !!search);
  const defaultView = JSON.stringify(filters) === JSON.stringify(emptyFilters) && defaultSort;
  const early = !fresh && defaultView && head !== undefined && (data?.total === undefined || head.length === Math.min(HEAD_ROWS, data.total));
  const ready = fresh || early;
  useEffect(() => (ready && !warm ? whenIdle(() => setWarm(true)) : undefined), [ready, warm]);
  const shown = useMemo(
    () => (fresh && jobs ? filterAndSort(jobs, filters, sort, searching ? search : undefined) : early && head ? head : []),
    [fresh, early, head, jobs, filters, sort, search, searching],
  );
  const shownCount = fresh ? shown.length : data?.total;
  const nextTasks = useMemo(() => nextTaskByJob(data?.tasks ?? []), [data?.tasks]);
  const readAt = data?.readAt;
  const stats = useMemo(() => (allJobs ? trackerStats(allJobs, readAt ?? 0) : undefined), [allJobs, readAt]);
  const jobsById = useMemo(() => new Map((taskJobs ?? []).map((j) => [j.id, j])), [taskJobs]);
  const loadedIds = useMemo(() => new Set((jobs ?? []).map((j) => j.id)), [jobs]);

  const backupDue =
    !!data && backupInterval !== undefined && lastBackupAt !== undefined && isBackupDue({ interval: backupInterval, lastBackupAt }, data.oldestJobAt, data.readAt);

  // A link to one job (a reminder's notification): `#/tracker?job=<id>` opens its drawer;
  // `#/tracker?backup=1` (the backup reminder) brings the backup banner, or the backup card, into view.
  const ready0 = !!data;
  useEffect(() => {
    if (!ready0 || !wantsBackupFromHash(window.location.hash)) return;
    const banner = document.querySelector<HTMLElement>('[data-testid="backup-due"]');
    const target = banner ?? document.querySelector<HTMLElement>('[data-testid="tracker-backup"]');
    target?.scrollIntoView({ block: 'center' });
    banner?.focus();
  }, [ready0, backupDue]);
  useEffect(() => {
    const follow = () => {
      const id = jobIdFromHash(window.location.hash);
      if (id) setOpenId(id);
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  // The first rows (head) draw as soon as they are read; the count, tags, next tasks and settings
  // (`data`, several slower reads: IndexedDB counts by walking the store) fill in when they arrive.
  if (!data && !head?.length) return <Skeleton label={i18n.t('tracker.title')} />;

  const openJob = opened?.job && opened.job.id === openId ? opened.job : undefined;
  // With every job loaded, a selection that another window deleted is dropped; under a status filter,
  // selected jobs of other statuses stay selected (as they do when only hidden by another filter).
  const selectedIds = [...selected].filter((id) => loadedIds.has(id) || loaded?.loadedFor !== '');
  const readAllJobs = () => setWantAll(true);

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

  /** Writes the backup file; both the export button and "Back up now" count as a backup. */
  async function backUp(save: (text: string, name: string) => Promise<string | undefined>) {
    setBusy(true);
    try {
      const saved = await save(await exportBackup(getDb()), `jobfit-backup-${today()}.json`);
      await recordBackup(backupEnv(repo()));
      if (saved) toast(i18n.t('tracker2.backupSaved', [saved.split(/[\\/]/).pop() ?? saved]));
    } catch (error) {
      const e = toWriteError(error);
      if (e instanceof AppError) fail(e);
      else toast(i18n.t('tracker2.backupFailed', [e instanceof Error ? e.message : String(e)]), 'error');
    } finally {
      setBusy(false);
    }
  }

  async function setBackupInterval(interval: BackupInterval) {
    await act(async () => {
      await backupIntervalItem.setValue(interval);
      // Pages only reschedule the reminder; the worker shows it.
      await syncBackupReminder(backupEnv(repo()), { notify: false });
    });
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
      {backupDue ? <BackupDueBanner lastBackupAt={lastBackupAt ?? null} now={data?.readAt ?? 0} busy={busy} onBackUp={() => void backUp(saveBackupFile)} /> : null}
      {data?.lastArchive ? (
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

      {data?.total === 0 ? (
        <Card testId="tracker-empty">
          <p className="jf-muted">{i18n.t('tracker.empty')}</p>
        </Card>
      ) : (
        <Tabs.Root value={tab} onValueChange={setTab} className="jf-tracker-tabs">
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
          <FilterBar filters={filters} tags={data?.tags ?? []} onChange={setFilters} />
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
          {ready && shownCount !== undefined ? (
            <p className="jf-muted" data-testid="tracker-count">
              {i18n.t('tracker.count', [String(shownCount)])}
            </p>
          ) : (
            <Skeleton label={i18n.t('tracker.title')} />
          )}
          <BatchBar
            count={selectedIds.length}
            onMove={(to) => void move(selectedIds, to)}
            onTag={(tag) => void act(() => repo().addTag(selectedIds, tag))}
            onArchive={() => void move(selectedIds, 'archived')}
            onDelete={() => void askDelete(selectedIds)}
          />
          <Tabs.Content value="table">
            {!ready ? null : shown.length === 0 ? (
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
                {...(!fresh && data !== undefined && shown.length < data.total ? { onNearEnd: readAllJobs } : {})}
              />
            )}
          </Tabs.Content>
          <Tabs.Content value="board">
            <Board jobs={shown} onMove={(id, to) => void move([id], to)} onOpen={setOpenId} />
          </Tabs.Content>
          <Tabs.Content value="tasks">
            <TasksList
              tasks={data?.tasks ?? []}
              jobs={jobsById}
              now={data?.readAt ?? 0}
              onToggle={(id, done) => void act(async () => scheduleTask(await repo().setTaskDone(id, done)))}
              onOpenJob={setOpenId}
            />
          </Tabs.Content>
          <Tabs.Content value="stats">
            {stats ? <StatsPanel stats={stats} /> : <Skeleton label={i18n.t('tracker.tabStats')} />}
          </Tabs.Content>
        </Tabs.Root>
      )}

      <Card title={i18n.t('tracker.exportBackup')}>
        <BackupPanel
          preview={importing?.preview}
          busy={busy}
          onExport={() =>
            void backUp(async (text, name) => {
              download(name, 'application/json', text);
              return undefined;
            })
          }
          onExportCsv={exportCsv}
          onPickFile={(file) => void pickFile(file)}
          onConfirmImport={() => void confirmImport()}
          onCancelImport={() => setImporting(undefined)}
          onDeleteAll={() => void deleteAll()}
        />
        {backupInterval !== undefined && lastBackupAt !== undefined ? (
          <BackupIntervalSetting interval={backupInterval} lastBackupAt={lastBackupAt} onChange={(interval) => void setBackupInterval(interval)} />
        ) : null}
        {data ? <AutoArchiveSetting key={data.archiveDays} days={data.archiveDays} onSave={(days) => void act(() => repo().setAutoArchiveDays(days))} /> : null}
      </Card>

      <JobDrawer
        job={openJob}
        {...(openJob && opened ? { links: opened.links } : {})}
        notes={openJob && opened ? opened.notes : []}
        tasks={openJob && opened ? opened.tasks : []}
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
