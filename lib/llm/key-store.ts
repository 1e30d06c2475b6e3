import { getSecretsDb, type SecretsDb } from './secrets-db';

/** Worker-only: the single place the key is read, for the Authorization header. */
export async function readApiKey(db: SecretsDb = getSecretsDb()): Promise<string | undefined> {
  return (await db.secrets.get('openrouterKey'))?.value;
}
