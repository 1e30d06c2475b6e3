import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { WORKPLACES, type Workplace } from '../capture/types';
import type { JobRow } from './schema';

/**
 * The tracker's table, board and filters read only a job's few list fields, for every job at once. Read
 * from `jobs`, that is one IndexedDB record per job, whose per-record cost dominates (10,000 jobs ≈ 10× the
 * time of the same fields packed in a few records). So the list fields of every job are also kept here,
 * packed into `CARD_BUCKETS` rows by a hash of the job id: the whole list is a handful of records.
 *
 * The cards are derived data, never written by hand: a DBCore middleware (`jobCardsMiddleware`) adds
 * `jobCards` to every read-write transaction that includes `jobs` and updates the buckets of the jobs each
 * write touches, in that same transaction, so a job and its card are written, or fail, together. Cards
 * are not in backups (an import writes jobs, which writes their cards).
 */
export const JOB_CARDS = 'jobCards';
export const CARD_BUCKETS = 32;

/** What the tracker's lists show of a job, and filter and sort by. */
export interface JobCard {
  id: string;
  url: string;
  title: string;
  company: string;
  location?: string;
  status: JobRow['status'];
  score?: number;
  tags: string[];
  createdAt: number;
  updatedAt: number;
  appliedAt?: number;
  workplace?: Workplace;
}

export interface CardBucketRow {
  bucket: number;
  cards: JobCard[];
}

/** FNV-1a of the id, so a job's bucket never changes. */
export function bucketOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % CARD_BUCKETS;
}

/** The workplace the capture recorded on the posting, when it is one Jobfit knows. */
export function workplaceOf(job: Pick<JobRow, 'posting'>): Workplace | undefined {
  const workplace = (job.posting as { workplace?: unknown } | undefined)?.workplace;
  return (WORKPLACES as readonly unknown[]).includes(workplace) ? (workplace as Workplace) : undefined;
}

export function toJobCard(job: JobRow): JobCard {
  const workplace = workplaceOf(job);
  return {
    id: job.id,
    url: job.url,
    title: job.title,
    company: job.company,
    ...(job.location !== undefined ? { location: job.location } : {}),
    status: job.status,
    ...(job.score !== undefined ? { score: job.score } : {}),
    tags: Array.isArray(job.tags) ? job.tags : [],
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    ...(job.appliedAt !== undefined ? { appliedAt: job.appliedAt } : {}),
    ...(workplace ? { workplace } : {}),
  };
}

/** Every job's card in bucket rows, the buckets that hold any (a schema upgrade writes these). */
export function cardBuckets(jobs: readonly JobRow[]): CardBucketRow[] {
  const buckets = new Map<number, JobCard[]>();
  for (const job of jobs) {
    const bucket = bucketOf(job.id);
    const list = buckets.get(bucket);
    if (list) list.push(toJobCard(job));
    else buckets.set(bucket, [toJobCard(job)]);
  }
  return [...buckets].sort(([a], [b]) => a - b).map(([bucket, cards]) => ({ bucket, cards }));
}

/** A card per written job id; `null` for a deleted one. */
type CardChanges = Map<string, JobCard | null>;

async function writeCards(cards: DBCoreTable, trans: DBCoreTransaction, changes: CardChanges): Promise<void> {
  const byBucket = new Map<number, [string, JobCard | null][]>();
  for (const [id, card] of changes) {
    const bucket = bucketOf(id);
    const list = byBucket.get(bucket);
    if (list) list.push([id, card]);
    else byBucket.set(bucket, [[id, card]]);
  }
  const keys = [...byBucket.keys()];
  const stored = (await cards.getMany({ trans, keys })) as (CardBucketRow | undefined)[];
  const values = keys.map((bucket, i): CardBucketRow => {
    const byId = new Map((stored[i]?.cards ?? []).map((card) => [card.id, card]));
    for (const [id, card] of byBucket.get(bucket)!) {
      if (card) byId.set(id, card);
      else byId.delete(id);
    }
    return { bucket, cards: [...byId.values()] };
  });
  await cards.mutate({ type: 'put', trans, values, keys });
}

/** Whether this transaction can write cards (not so in the upgrade steps before the table existed). */
function hasCards(trans: DBCoreTransaction): boolean {
  const names = (trans as { objectStoreNames?: DOMStringList }).objectStoreNames;
  return !!names && names.contains(JOB_CARDS);
}

function cardsTable(down: DBCore, table: DBCoreTable): DBCoreTable {
  const cards = () => down.table(JOB_CARDS);
  return {
    ...table,
    async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
      if (!hasCards(req.trans)) return table.mutate(req);
      // A range delete (clear, delete by key range) names no keys: read them first.
      const ranged =
        req.type === 'deleteRange'
          ? ((await table.query({ trans: req.trans, query: { index: table.schema.primaryKey, range: req.range }, values: false })).result as string[])
          : [];
      const response = await table.mutate(req);
      const changes: CardChanges = new Map();
      const ok = (i: number) => !response.failures[i];
      if (req.type === 'add' || req.type === 'put') req.values.forEach((job: JobRow, i) => ok(i) && changes.set(job.id, toJobCard(job)));
      else if (req.type === 'delete') req.keys.forEach((id: string, i) => ok(i) && changes.set(id, null));
      else for (const id of ranged) changes.set(id, null);
      if (changes.size) await writeCards(cards(), req.trans, changes);
      return response;
    },
  };
}

export const jobCardsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'JobCards',
  create(down) {
    const withCards = down.schema.tables.some((t) => t.name === JOB_CARDS);
    return {
      transaction(stores, mode, options) {
        const scope = withCards && mode === 'readwrite' && stores.includes('jobs') && !stores.includes(JOB_CARDS) ? [...stores, JOB_CARDS] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return name === 'jobs' && withCards ? cardsTable(down, table) : table;
      },
    };
  },
};
