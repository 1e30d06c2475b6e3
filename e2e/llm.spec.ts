import type { Page } from '@playwright/test';
import { createMockOpenRouter, type MockOpenRouter } from './mock-openrouter';
import { structuredAnswer } from './mock-openrouter/scenarios';
import { expect, test, type ExtensionHarness } from './fixtures';
import type { Chrome } from './support/chrome';
import { allRows } from './support/idb';
import { analysis, profile } from './support/llm-data';
import { capturedPanel, chatRequests, setUpLlm } from './support/llm-setup';

declare const chrome: Chrome;

// The model calls end to end: the worker's openai client against the project's OpenRouter mock on
// 127.0.0.1, driven from the built extension's own settings and Job view.

let mock: MockOpenRouter;

const evaluation = {
  score: 72,
  rationale: 'React and TypeScript are shown at Acme (L4).',
  matches: [{ requirement: 'React', lineIds: ['L4'], note: '' }],
  gaps: [{ requirement: 'Robotics', importance: 'nice', lineIds: [], note: 'not shown' }],
};

test.beforeAll(async () => {
  mock = await createMockOpenRouter({ port: 0 });
});
test.afterAll(async () => {
  await mock.close();
});
test.beforeEach(() => mock.reset());

/** The partial text the worker has written to the `runs` table so far. */
async function savedPartialText(page: Page): Promise<string> {
  return (await allRows<{ partialText: string }>(page, 'runs')).map((r) => r.partialText).join('\n');
}

const chats = () => chatRequests(mock);
const setUp = (ext: ExtensionHarness) => setUpLlm(ext, mock);
const chatBodies = () => chats().map((r) => r.rawBody);

test('consent shows the redacted request, then the CV evaluation streams into the panel and is logged', async ({ ext }) => {
  await setUp(ext);
  const panel = await capturedPanel(ext);
  const card = panel.page.getByTestId('ai-evaluation');
  await expect(card.getByTestId('ai-model')).toContainText('openai/gpt-4o-mini');
  await expect(card.getByTestId('ai-model')).toContainText('$'); // the estimate, from the model's prices

  mock.enqueue(structuredAnswer(evaluation, { chunkDelayMs: 20 }));
  await card.getByTestId('ai-start').click();
  const dialog = panel.page.getByTestId('consent-dialog');
  await expect(dialog).toBeVisible();
  const shown = await dialog.getByTestId('consent-text').textContent();
  for (const value of Object.values(profile)) expect(shown).not.toContain(value);
  expect(shown).toContain('[[EMAIL_1]]');
  expect(shown).toContain('<job_posting>');
  expect(chatBodies()).toEqual([]); // nothing left before Send
  await dialog.getByTestId('consent-send').click();

  await expect(card.getByTestId('ai-score')).toHaveText('Fit: 72 / 100');
  // The match quotes the CV line it cites, in its own words.
  const react = card.getByTestId('eval-match').first();
  await expect(react).toContainText('React');
  await expect(react.getByTestId('eval-quote')).toHaveText('Frontend engineer, Acme (2019–2024): React, TypeScript, GraphQL');
  await expect(card.getByTestId('ai-run')).toContainText('openai/gpt-4o-mini');
  const bodies = chatBodies();
  expect(bodies).toHaveLength(1);
  for (const value of [profile.name, profile.email, profile.phone, profile.links, 'López', '151 12345678']) expect(bodies[0]).not.toContain(value);
  expect(bodies[0]).toContain('Senior Frontend Engineer');

  // The call is in the usage log.
  await panel.show('usage');
  await expect(panel.page.getByTestId('usage-row')).toHaveCount(1);
});

test('a worker stopped mid-stream leaves the run interrupted with its text; Resume completes it as a new request', async ({ ext }) => {
  const settings = await setUp(ext);
  await settings.evaluate(() => chrome.storage.local.set({ llmConsent: true }));
  const panel = await capturedPanel(ext);
  const card = panel.page.getByTestId('ai-analysis');
  const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
  mock.enqueue(structuredAnswer(analysis(words), { chunkDelayMs: 150 }), structuredAnswer(analysis('Resumed: complete')));
  await card.getByTestId('ai-start').click();
  // Once the worker has saved some partial text (batched every 500 ms), the browser stops it.
  await expect(card.getByTestId('run-text')).toContainText('word1');
  await expect.poll(() => savedPartialText(panel.page)).toContain('word0');
  await ext.stopServiceWorker();

  await expect(card.getByTestId('ai-run-error')).toHaveAttribute('data-code', 'run_interrupted', { timeout: 20_000 });
  await expect(card.getByTestId('run-text')).toContainText('word0');
  await card.getByTestId('ai-resume').click();
  await expect(card.getByTestId('ai-role')).toHaveText('Resumed: complete');
  await expect.poll(() => chatBodies().length).toBe(2);
});

test('Cancel aborts the request for real; the spending cap blocks a call before anything is sent', async ({ ext }) => {
  const settings = await setUp(ext);
  await settings.evaluate(() => chrome.storage.local.set({ llmConsent: true }));
  const panel = await capturedPanel(ext);
  const card = panel.page.getByTestId('ai-analysis');
  mock.enqueue(structuredAnswer(analysis(Array.from({ length: 80 }, (_, i) => `w${i}`).join(' ')), { chunkDelayMs: 150 }));
  await card.getByTestId('ai-start').click();
  await expect(card.getByTestId('run-text')).toContainText('w1');
  await card.getByTestId('ai-cancel').click();
  await expect(card.getByTestId('ai-run-error')).toHaveAttribute('data-code', 'run_cancelled');
  await expect.poll(() => chats()[0]?.clientAborted).toBe(true);

  await settings.bringToFront();
  await settings.getByTestId('cap-daily').fill('0.000001');
  await settings.getByTestId('cap-save').click();
  await expect(settings.getByTestId('ai-section')).toContainText('Saved.');
  await panel.page.bringToFront();
  const before = chatBodies().length;
  await card.getByTestId('ai-resume').click();
  await expect(card.getByTestId('ai-run-error')).toHaveAttribute('data-code', 'spending_cap');
  await expect(card.getByTestId('ai-run-error')).toContainText("today's cap");
  expect(chatBodies().length).toBe(before);
});

test('Connect OpenRouter: the sign-in window (OAuth PKCE) creates a key that is saved and works, shown only as a hint', async ({ ext }) => {
  const options = await ext.openOptions();
  const page = options.page;
  await page.getByTestId('endpoint-input').fill(mock.baseURL);
  await page.getByTestId('endpoint-save').click();
  await expect(options.keyHint).toContainText('No key saved');
  await page.getByTestId('key-connect').click();
  await expect(options.keyHint).toContainText('sk-or-');
  const exchange = mock.requests().find((r) => r.method === 'POST' && r.path.endsWith('/auth/keys'));
  const sent = JSON.parse(exchange!.rawBody) as { code: string; code_verifier: string; code_challenge_method: string };
  expect(sent.code_challenge_method).toBe('S256');
  const authorize = mock.requests().find((r) => r.path === '/auth');
  expect(authorize?.query.callback_url).toBe(`https://${ext.id}.chromiumapp.org/`);
  expect(authorize?.query.code_challenge).not.toBe(sent.code_verifier);
  await page.getByRole('button', { name: 'Check key' }).click();
  await expect(options.keyStatus).toContainText('The key works.');
  await expect(page.getByTestId('key-connect')).toHaveCount(0);
});

test('closing the panel does not stop a run: reopened, it shows the run, finished', async ({ ext, context }) => {
  const settings = await setUp(ext);
  await settings.evaluate(() => chrome.storage.local.set({ llmConsent: true }));
  const job = await ext.openTab('job-posting.html');
  await ext.clickToolbarButton(job.page);
  await ext.waitForCapture(job.tabId);
  const panel = await ext.openPanel(job.tabId);
  mock.enqueue(structuredAnswer(analysis(Array.from({ length: 30 }, (_, i) => `part${i}`).join(' ')), { chunkDelayMs: 60 }));
  const card = panel.page.getByTestId('ai-analysis');
  await card.getByTestId('ai-start').click();
  await expect(panel.page.getByTestId('run-text')).toContainText('part0');
  await expect(panel.page.getByTestId('runs-badge')).toContainText('AI running (1)');
  await panel.page.close();

  await expect.poll(() => chats()[0]?.endedAt !== undefined, { timeout: 20_000 }).toBe(true);
  expect(chats()[0]?.clientAborted).toBe(false);
  const reopened = await ext.openPanel(job.tabId, await context.newPage());
  await expect(reopened.page.getByTestId('ai-role')).toContainText('part29');
  await expect(reopened.page.getByTestId('ai-analysis').getByTestId('ai-run')).toContainText('Done with');
  await expect(reopened.page.getByTestId('runs-badge')).toHaveCount(0);
});
