import { browser } from 'wxt/browser';
import type { LlmFeature } from '../llm/features';

/**
 * The last run of each feature for a posting, so a panel that is closed and reopened, a worker restart
 * or an extension reload (which empties `storage.session`) shows the run again: streaming, finished,
 * or interrupted with Resume. Kept in `storage.local` (run ids only; the runs themselves are in the database).
 */
const keyOf = (postingUrl: string, feature: LlmFeature) => `airun:${feature}:${postingUrl}`;

export async function recallRun(postingUrl: string, feature: LlmFeature): Promise<string | undefined> {
  const key = keyOf(postingUrl, feature);
  const value = (await browser.storage.local.get(key))[key];
  return typeof value === 'string' ? value : undefined;
}

export async function rememberRun(postingUrl: string, feature: LlmFeature, runId: string): Promise<void> {
  await browser.storage.local.set({ [keyOf(postingUrl, feature)]: runId });
}

const guidedKey = (runId: string) => `guided:${runId}`;

/**
 * Where the user is in one run's guided questions (answered, skipped, current), so a reopened panel
 * goes on from there instead of asking again (an answer asked twice would be saved twice).
 */
export async function recallGuided<T>(runId: string, read: (value: unknown) => T | undefined): Promise<T | undefined> {
  return read((await browser.storage.session.get(guidedKey(runId)))[guidedKey(runId)]);
}

export async function rememberGuided(runId: string, session: unknown): Promise<void> {
  await browser.storage.session.set({ [guidedKey(runId)]: session });
}
