import { Dexie, type EntityTable } from 'dexie';

/**
 * Personal settings (the profile) live in the extension's own IndexedDB, in a database of their own:
 * content scripts cannot open it (they see the page's IndexedDB), while Firefox lets them read
 * `storage.local` and offers no switch to hide it. Not part of a JobfitDb export.
 */
export const PRIVATE_DB_NAME = 'jobfit-private';

export interface PrivateRow {
  key: string;
  value: unknown;
  updatedAt: number;
}

export class PrivateDb extends Dexie {
  items!: EntityTable<PrivateRow, 'key'>;
  constructor(name = PRIVATE_DB_NAME) {
    super(name);
    this.version(1).stores({ items: 'key' });
  }
}

let shared: PrivateDb | undefined;
export function getPrivateDb(): PrivateDb {
  shared ??= new PrivateDb();
  return shared;
}
