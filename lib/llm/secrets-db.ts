import { Dexie, type EntityTable } from 'dexie';

/**
 * The API key lives in the extension's own IndexedDB, in a database of its own: content scripts
 * cannot open it (they see the page's IndexedDB), it is never part of a JobfitDb export, and Firefox
 * offers no way to hide `storage.local` from content scripts.
 */
export const SECRETS_DB_NAME = 'jobfit-secrets';

interface SecretRow {
  name: 'openrouterKey';
  value: string;
  updatedAt: number;
}

export class SecretsDb extends Dexie {
  secrets!: EntityTable<SecretRow, 'name'>;
  constructor(name = SECRETS_DB_NAME) {
    super(name);
    this.version(1).stores({ secrets: 'name' });
  }
}

let shared: SecretsDb | undefined;
export function getSecretsDb(): SecretsDb {
  shared ??= new SecretsDb();
  return shared;
}
