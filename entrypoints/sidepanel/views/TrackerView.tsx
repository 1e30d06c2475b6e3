import * as Tabs from '@radix-ui/react-tabs';
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
import { statusLabel, workplaceLabel } from '@/components/tracker/labels';
import { StatsPanel } from '@/components/tracker/StatsPanel';
import { TasksList } from '@/components/tracker/TasksList';
import { getDb } from '@/lib/db/open';
import { applyImport, exportBackup, previewImport, toWriteError, type ImportPreview } from '@/lib/db/repos/backup';
import { createTrackerRepo, type LinkedChoice, type LinkedCounts } from '@/lib/db/repos/tracker';
import type { JobCard } from '@/lib/db/job-cards';
import type { JobStatus } from '@/lib/db/schema';
import { toast } from '@/lib/panel/toasts';
import { cardFacts, newestFirst, searchCards, useJobCards, useNoteTexts, useSavedFilters, useTrackerData, type CardFacts } from '@/lib/panel/job-cards-store';
import { useLiveQueryWhen } from '@/lib/panel/use-live-when';
import { useItem } from '@/lib/panel/use-item';
import { backupIntervalItem, lastBackupAtItem, type BackupInterval } from '@/lib/storage/items';
import { backupEnv, isBackupDue, recordBackup, syncBackupReminder } from '@/lib/tracker/backup-reminder';
import { saveBackupFile } from '@/lib/tracker/backup-download';
import { parseBackup, type ParsedBackup } from '@/lib/tracker/backup-file';
import { trackerCsv } from '@/lib/tracker/csv';
import { jobIdFromHash, wantsBackupFromHash } from '@/lib/tracker/links';
import { emptyFilters, filterAndSort, nextTaskByJob, trackerStats, type SortKey, type TrackerFilters, type TrackerSort } from '@/lib/tracker/query';
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

const NO_FACTS: CardFacts = { tags: [] };

const NO_OTHER_FILTERS = JSON.stringify({ ...emptyFilters, query: undefined });

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

  // Every job's list fields (its card, lib/db/job-cards.ts), live: a few records for 10,000 jobs, usually
  // read ahead while another view was open. Table, board, filters, sort, counts, tags and the tasks list
  // all work from them in memory; a job's full row is read only for its drawer, every full row only for
  // the stats tab.
  // The open tasks and the saved filters are read ahead the same way (lib/panel/job-cards-store.ts); the
  // other reads start only when something needs them, so none is scheduled as the view first draws.
  const cards = useJobCards();
  const data = useTrackerData();
  const savedFilters = useSavedFilters() ?? [];
  const [mountedAt] = useState(Date.now);
  // "Now" for due dates and the backup reminder: the read ahead may be older than this view.
  const now = Math.max(mountedAt, data?.readAt ?? 0);
  const searching = filters.query.trim() !== '';
  // Notes' texts, searched with titles and companies: read ahead with the cards, and the search index
  // built from them in idle time (lib/panel/job-cards-store.ts).
  const noteTexts = useNoteTexts();
  const allJobs = useLiveQueryWhen(tab === 'stats', () => repo().listJobs(), []);
  const opened = useLiveQueryWhen(
    openId !== undefined,
    async () => {
      const r = repo();
      const id = openId!;
      return { job: await r.getJob(id), links: await r.linkedTo(id), notes: await r.listNotes(id), tasks: await r.listTasks(id) };
    },
    [openId],
  );
  const backupInterval = useItem(backupIntervalItem);
  const lastBackupAt = useItem(lastBackupAtItem);

  // Built only for what needs it (the tasks list, a selection): 10,000 entries cost the first render.
  const wantById = tab === 'tasks' || selected.size > 0;
  const cardsById = useMemo(() => {
    const byId = new Map<string, JobCard>();
    if (wantById) for (const card of cards ?? []) byId.set(card.id, card);
    return byId;
  }, [cards, wantById]);
  const { tags, oldestJobAt } = cards ? cardFacts(cards) : NO_FACTS;
  // Every filter but the query, sorted: what the table shows when not searching, and what a search looks
  // in. Keyed by value, so typing a query does not filter and sort every card again.
  const { query, ...otherFilters } = filters;
  const otherKey = JSON.stringify(otherFilters);
  const base = useMemo(() => {
    if (!cards) return undefined;
    if (otherKey === NO_OTHER_FILTERS && sort.key === 'updatedAt' && sort.desc) return newestFirst(cards);
    return filterAndSort(cards, { ...(JSON.parse(otherKey) as Omit<TrackerFilters, 'query'>), query: '' }, sort);
  }, [cards, otherKey, sort]);
  const shown = useMemo(() => {
    if (!base || !searching) return base;
    if (!noteTexts || !cards) return undefined;
    return searchCards(base, cards, noteTexts, query);
  }, [base, cards, noteTexts, searching, query]);
  const ready = shown !== undefined;
  const nextTasks = useMemo(() => nextTaskByJob(data?.tasks ?? []), [data?.tasks]);
  const stats = useMemo(() => (allJobs ? trackerStats(allJobs, now) : undefined), [allJobs, now]);

  const backupDue =
    !!data && backupInterval !== undefined && lastBackupAt !== undefined && isBackupDue({ interval: backupInterval, lastBackupAt }, oldestJobAt, now);

  // A link to one job (a reminder's notification): `#/tracker?job=<id>` opens its drawer;
  // `#/tracker?backup=1` (the backup reminder) brings the backup banner, or the backup card, into view.
  const ready0 = !!data && !!cards;
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

  if (!cards) return <Skeleton label={i18n.t('tracker.title')} />;

  const openJob = opened?.job && opened.job.id === openId ? opened.job : undefined;
  // A selection that another window deleted is dropped; selected jobs hidden by a filter stay selected.
  const selectedIds = [...selected].filter((id) => cardsById.has(id));
  const rows = shown ?? [];

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
    const csv = trackerCsv(rows, nextTasks, {
      headers: [
        i18n.t('tracker.colCompany'),
        i18n.t('tracker.colTitle'),
        i18n.t('tracker.colStatus'),
        i18n.t('tracker.colScore'),
        i18n.t('tracker.colApplied'),
        i18n.t('tracker.colNextTask'),
        i18n.t('tracker.filterTag'),
        i18n.t('tracker.filterWorkplace'),
        i18n.t('tracker.colLocation'),
        'URL',
        i18n.t('tracker.colUpdated'),
      ],
      status: statusLabel,
      workplace: workplaceLabel,
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
      {backupDue ? <BackupDueBanner lastBackupAt={lastBackupAt ?? null} now={now} busy={busy} onBackUp={() => void backUp(saveBackupFile)} /> : null}
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

      {cards.length === 0 ? (
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
          {ready ? (
            <p className="jf-muted" data-testid="tracker-count">
              {i18n.t('tracker.count', [String(rows.length)])}
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
            {!ready ? null : rows.length === 0 ? (
              <p className="jf-muted">{i18n.t('tracker.noMatch')}</p>
            ) : (
              <JobTable
                jobs={rows}
                nextTasks={nextTasks}
                selected={selected}
                sort={sort}
                onSort={onSort}
                onToggle={toggle}
                onToggleAll={() => setSelected(rows.every((j) => selected.has(j.id)) ? new Set() : new Set(rows.map((j) => j.id)))}
                onOpen={setOpenId}
              />
            )}
          </Tabs.Content>
          <Tabs.Content value="board">
            <Board jobs={rows} onMove={(id, to) => void move([id], to)} onOpen={setOpenId} />
          </Tabs.Content>
          <Tabs.Content value="tasks">
            <TasksList
              tasks={data?.tasks ?? []}
              jobs={cardsById}
              now={now}
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
