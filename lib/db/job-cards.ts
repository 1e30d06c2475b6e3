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

/**
 * One bucket's cards, a column per field (structured clone reads and copies a few arrays of plain values
 * much faster than one object per card). Row i of every column is one card; a missing value is undefined.
 * Tags are flattened: card i has `tagCount[i]` tags, in order, in `tags`. (Read back, null is missing too:
 * JSON has no undefined in arrays.)
 */
export interface CardBucketRow {
  bucket: number;
  id: string[];
  url: string[];
  title: string[];
  company: string[];
  location: (string | undefined)[];
  status: JobRow['status'][];
  score: (number | undefined)[];
  tagCount: number[];
  tags: string[];
  createdAt: number[];
  updatedAt: number[];
  appliedAt: (number | undefined)[];
  workplace: (Workplace | undefined)[];
}

/**
 * Packs cards newest first (by updatedAt), the tracker's default order: the buckets then hand over a few
 * long sorted runs, which a sort merges instead of sorting from scratch.
 */
export function encodeBucket(bucket: number, unordered: readonly JobCard[]): CardBucketRow {
  const cards = [...unordered].sort((a, b) => b.updatedAt - a.updatedAt);
  const row: CardBucketRow = {
    bucket,
    id: [],
    url: [],
    title: [],
    company: [],
    location: [],
    status: [],
    score: [],
    tagCount: [],
    tags: [],
    createdAt: [],
    updatedAt: [],
    appliedAt: [],
    workplace: [],
  };
  for (const card of cards) {
    row.id.push(card.id);
    row.url.push(card.url);
    row.title.push(card.title);
    row.company.push(card.company);
    row.location.push(card.location);
    row.status.push(card.status);
    row.score.push(card.score);
    row.tagCount.push(card.tags.length);
    row.tags.push(...card.tags);
    row.createdAt.push(card.createdAt);
    row.updatedAt.push(card.updatedAt);
    row.appliedAt.push(card.appliedAt);
    row.workplace.push(card.workplace);
  }
  return row;
}

export function decodeBucket(row: CardBucketRow): JobCard[] {
  const cards: JobCard[] = [];
  let tag = 0;
  for (let i = 0; i < row.id.length; i++) {
    const tags = row.tags.slice(tag, (tag += row.tagCount[i]!));
    cards.push(
      card(row.id[i]!, row.url[i]!, row.title[i]!, row.company[i]!, row.status[i]!, tags, row.createdAt[i]!, row.updatedAt[i]!, {
        location: row.location[i],
        score: row.score[i],
        appliedAt: row.appliedAt[i],
        workplace: row.workplace[i],
      }),
    );
  }
  return cards;
}

type Optional = Pick<JobCard, 'location' | 'score' | 'appliedAt' | 'workplace'>;

/**
 * A card with its fields always in the same order and a missing optional field absent (not undefined,
 * nor null as JSON writes it): cards made from a job and read from a bucket compare equal.
 */
function card(
  id: string,
  url: string,
  title: string,
  company: string,
  status: JobCard['status'],
  tags: string[],
  createdAt: number,
  updatedAt: number,
  optional: { [K in keyof Optional]: Optional[K] | null },
): JobCard {
  const made: JobCard = { id, url, title, company, status, tags, createdAt, updatedAt };
  if (optional.location != null) made.location = optional.location;
  if (optional.score != null) made.score = optional.score;
  if (optional.appliedAt != null) made.appliedAt = optional.appliedAt;
  if (optional.workplace != null) made.workplace = optional.workplace;
  return made;
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
  const tags = Array.isArray(job.tags) ? job.tags : [];
  return card(job.id, job.url, job.title, job.company, job.status, tags, job.createdAt, job.updatedAt, {
    location: job.location,
    score: job.score,
    appliedAt: job.appliedAt,
    workplace: workplaceOf(job),
  });
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
  return [...buckets].sort(([a], [b]) => a - b).map(([bucket, cards]) => encodeBucket(bucket, cards));
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
  const values = keys.map((bucket, i) => withChanges(bucket, stored[i], byBucket.get(bucket)!));
  await cards.mutate({ type: 'put', trans, values, keys });
}

/** A bucket row with `changes` applied to what it held: a card put (or replaced) per id, `null` removes it. */
export function withChanges(bucket: number, stored: CardBucketRow | undefined, changes: Iterable<readonly [string, JobCard | null]>): CardBucketRow {
  const byId = new Map((stored ? decodeBucket(stored) : []).map((card) => [card.id, card]));
  for (const [id, card] of changes) {
    if (card) byId.set(id, card);
    else byId.delete(id);
  }
  return encodeBucket(bucket, [...byId.values()]);
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
