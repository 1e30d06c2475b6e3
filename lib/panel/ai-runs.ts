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

/** What the user did with one finished run, kept for the browser session like the run itself. */
type RunNote = 'guided' | 'tailorSaved';
const noteKey = (note: RunNote, runId: string) => `${note}:${runId}`;

/**
 * A note on one run: where the user is in its guided questions (a reopened panel goes on from there
 * instead of asking again, which would save an answer twice), or the tailored CV saved from it (so
 * Save is not offered twice). `read` checks what storage holds.
 */
export async function recallRunNote<T>(note: RunNote, runId: string, read: (value: unknown) => T | undefined): Promise<T | undefined> {
  const key = noteKey(note, runId);
  return read((await browser.storage.session.get(key))[key]);
}

export async function rememberRunNote(note: RunNote, runId: string, value: unknown): Promise<void> {
  await browser.storage.session.set({ [noteKey(note, runId)]: value });
}
