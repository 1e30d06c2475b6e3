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
