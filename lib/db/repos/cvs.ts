import { type CvFact, readFacts } from '../../cv/facts';
import type { CvRow, JobfitDb } from '../schema';

export interface NewCv {
  name: string;
  /** CV model (lib/cv/model.ts). */
  data: unknown;
  parentId?: string;
  jobId?: string;
}

/**
 * CVs: masters (no parentId) and tailored versions linked to a master and a job. Exactly one master is
 * the default once any exists: the first master becomes it, and deleting the default promotes the most
 * recently updated remaining master.
 */
export function createCvsRepo(db: JobfitDb, now: () => number = Date.now) {
  const masters = () => db.cvs.filter((cv) => cv.parentId === undefined);

  async function promoteDefault(): Promise<void> {
    if ((await db.cvs.where('isDefault').equals(1).count()) > 0) return;
    const next = (await masters().sortBy('updatedAt')).at(-1);
    if (next) await db.cvs.update(next.id, { isDefault: 1 });
  }

  return {
    async add(input: NewCv): Promise<CvRow> {
      return db.transaction('rw', db.cvs, async () => {
        const at = now();
        const isMaster = input.parentId === undefined;
        const hasDefault = (await db.cvs.where('isDefault').equals(1).count()) > 0;
        const row: CvRow = {
          id: crypto.randomUUID(),
          name: input.name,
          data: input.data,
          ...(input.parentId ? { parentId: input.parentId } : {}),
          ...(input.jobId ? { jobId: input.jobId } : {}),
          isDefault: isMaster && !hasDefault ? 1 : 0,
          createdAt: at,
          updatedAt: at,
        };
        await db.cvs.add(row);
        return row;
      });
    },
    get: (id: string) => db.cvs.get(id),
    getDefault: () => db.cvs.where('isDefault').equals(1).first(),
    listMasters: () => masters().sortBy('updatedAt'),
    listTailored: (parentId: string) => db.cvs.where('parentId').equals(parentId).sortBy('updatedAt'),
    listForJob: (jobId: string) => db.cvs.where('jobId').equals(jobId).toArray(),
    /** Every CV, masters and tailored, most recently updated last. */
    listAll: () => db.cvs.orderBy('updatedAt').toArray(),
    async rename(id: string, name: string): Promise<void> {
      const trimmed = name.trim();
      if (!trimmed) throw new Error('a CV needs a name');
      const count = await db.cvs.update(id, { name: trimmed, updatedAt: now() });
      if (count === 0 && !(await db.cvs.get(id))) throw new Error(`cv ${id} not found`);
    },
    /** A copy as a new master (a tailored version's copy is standalone); never the default. */
    async duplicate(id: string, name: string): Promise<CvRow> {
      return db.transaction('rw', db.cvs, async () => {
        const source = await db.cvs.get(id);
        if (!source) throw new Error(`cv ${id} not found`);
        const at = now();
        const row: CvRow = { ...withoutParent(source), id: crypto.randomUUID(), name, data: structuredClone(source.data), isDefault: 0, createdAt: at, updatedAt: at };
        delete row.jobId;
        await db.cvs.add(row);
        return row;
      });
    },
    async setDefault(id: string): Promise<void> {
      await db.transaction('rw', db.cvs, async () => {
        const cv = await db.cvs.get(id);
        if (!cv) throw new Error(`cv ${id} not found`);
        if (cv.parentId !== undefined) throw new Error('a tailored CV cannot be the default');
        await db.cvs.where('isDefault').equals(1).modify({ isDefault: 0 });
        await db.cvs.update(id, { isDefault: 1 });
      });
    },
    /** Appends facts the user wrote (answers to guided questions) to a CV's own, in one transaction on its row. */
    async addFacts(id: string, facts: readonly CvFact[]): Promise<void> {
      await db.transaction('rw', db.cvs, async () => {
        const row = await db.cvs.get(id);
        if (!row) throw new Error(`cv ${id} not found`);
        await db.cvs.update(id, { facts: [...readFacts(row.facts), ...facts], updatedAt: now() });
      });
    },
    async update(id: string, changes: Partial<Pick<CvRow, 'name' | 'data'>>): Promise<void> {
      const count = await db.cvs.update(id, { ...changes, updatedAt: now() });
      if (count === 0 && !(await db.cvs.get(id))) throw new Error(`cv ${id} not found`);
    },
    /**
     * Deletes a CV. Tailored versions of a master are deleted with it (`tailored: 'delete'`) or kept as
     * standalone masters (`tailored: 'keep'`); nothing is left pointing at a missing parent.
     */
    async remove(id: string, options: { tailored: 'delete' | 'keep' } = { tailored: 'delete' }): Promise<void> {
      await db.transaction('rw', db.cvs, async () => {
        const children = await db.cvs.where('parentId').equals(id).toArray();
        if (options.tailored === 'delete') await db.cvs.bulkDelete(children.map((c) => c.id));
        else for (const child of children) await db.cvs.put(withoutParent(child));
        await db.cvs.delete(id);
        await promoteDefault();
      });
    },
  };
}

function withoutParent(cv: CvRow): CvRow {
  const { parentId: _parentId, ...rest } = cv;
  return rest;
}

export type CvsRepo = ReturnType<typeof createCvsRepo>;
