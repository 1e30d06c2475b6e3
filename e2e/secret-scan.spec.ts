import fs from 'node:fs';
import mammoth from 'mammoth';
import type { Page } from '@playwright/test';
import { importCv } from '../lib/cv/import/index';
import { readPdfInNode } from '../lib/cv/import/pdf-node';
import { createMockOpenRouter, type MockOpenRouter } from './mock-openrouter';
import { structuredAnswer } from './mock-openrouter/scenarios';
import { expect, test, type ExtensionHarness } from './fixtures';
import type { Chrome } from './support/chrome';
import { readPrivateValue } from './support/key-probe';
import { analysis, profile } from './support/llm-data';
import { saveLlmSettings } from './support/llm-setup';
import { envelopes, MESSAGE_TYPES } from './support/messages';

declare const chrome: Chrome;

// The release gate's secret scan: with a key, a full profile and a CV set, run capture, an analysis (mock),
// and every export; then look everywhere the key or a personal value could leak. The key may only travel
// in the Authorization header to the endpoint; personal values only to the user's own files.

/** The personal values and forms of them a leak would show (digits only, the family name). */
const PII = [...Object.values(profile), 'López', '15112345678', '151 12345678', 'ana.lopez', 'linkedin.com/in/ana'];

let mock: MockOpenRouter;
test.beforeAll(async () => {
  mock = await createMockOpenRouter({ port: 0 });
});
test.afterAll(async () => {
  await mock.close();
});

const cvText = [
  profile.name,
  `${profile.email} · ${profile.phone} · ${profile.location}`,
  profile.links,
  '',
  'EXPERIENCE',
  'Frontend Engineer, Acme (2019 – 2024)',
  `- Built React and TypeScript apps; ${profile.name.split(' ')[0]} led the design system.`,
  '',
  'EDUCATION',
  'BSc Computer Science, TU Berlin (2015 – 2019)',
].join('\n');

function leaks(text: string, values: readonly string[]): string[] {
  return values.filter((v) => text.toLowerCase().includes(v.toLowerCase()));
}

/** Reads everything a content script can reach, from the page's isolated world (injected like capture.js). */
async function contentProbe(messages: { tag: string; type: string; data: unknown }[]) {
  const api = (globalThis as { chrome?: Chrome }).chrome!;
  const settle = async (fn: () => Promise<unknown>) => {
    try {
      return { value: await fn() };
    } catch (error) {
      return { denied: String(error) };
    }
  };
  return {
    local: await settle(() => api.storage.local.get(null)),
    sync: await settle(() => api.storage.sync.get(null)),
    session: await settle(() => api.storage.session.get(null)),
    replies: await Promise.all(messages.map((m) => settle(() => api.runtime.sendMessage(m)))),
    dom: document.documentElement.outerHTML,
    localStorage: { ...localStorage },
  };
}

async function download(page: Page, testId: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return fs.readFileSync(await file.path());
}

/**
 * Records every runtime message and port frame the worker receives, and all it exchanges with content
 * scripts: messages from tabs, and the arguments and results of every script it injects (test-only hooks).
 */
async function instrumentWorker(ext: ExtensionHarness): Promise<void> {
  await ext.evaluateInWorker(() => {
    const w = self as unknown as { __seen: string[]; __tabs: string[] };
    w.__seen = [];
    w.__tabs = [];
    chrome.runtime.onMessage.addListener((message: unknown, sender: { tab?: unknown }) => {
      w.__seen.push(JSON.stringify(message));
      if (sender.tab) w.__tabs.push(`from tab: ${JSON.stringify(message)}`);
      return undefined;
    });
    (chrome.runtime as unknown as { onConnect: { addListener(cb: (port: { sender?: { tab?: unknown }; onMessage: { addListener(cb: (m: unknown) => void): void } }) => void): void } }).onConnect.addListener((port) => {
      port.onMessage.addListener((m) => {
        w.__seen.push(JSON.stringify(m));
        if (port.sender?.tab) w.__tabs.push(`port from tab: ${JSON.stringify(m)}`);
      });
    });
    const inject = chrome.scripting.executeScript.bind(chrome.scripting) as (injection: { args?: unknown[] }) => Promise<unknown>;
    (chrome.scripting as unknown as { executeScript: typeof inject }).executeScript = async (injection) => {
      w.__tabs.push(`injected with: ${JSON.stringify(injection.args ?? [])}`);
      const results = await inject(injection);
      w.__tabs.push(`injection returned: ${JSON.stringify(results)}`);
      return results;
    };
  });
}

test('the key and the profile leak nowhere: content scripts, messages, console, exports, requests', async ({ ext, context }) => {
  const consoleText: string[] = [];
  context.on('console', (m) => {
    const source = m.location().url || m.page()?.url() || m.worker()?.url() || '';
    if (source.startsWith(ext.origin)) consoleText.push(`${m.type()} ${m.text()}`);
  });
  await instrumentWorker(ext);

  // Settings as a user makes them.
  const settings = await saveLlmSettings(ext, mock);
  // The profile lives in the extension's own IndexedDB: storage.local, which Firefox lets content scripts
  // read, holds none of it (positive control: the private store does).
  await expect.poll(() => settings.evaluate(readPrivateValue, 'profile')).toMatchObject({ email: profile.email });
  const areas = JSON.stringify(await settings.evaluate(async () => ({ local: await chrome.storage.local.get(null), session: await chrome.storage.session.get(null) })));
  expect(leaks(areas, Object.values(profile)), 'profile values in storage.local or storage.session').toEqual([]);
  await settings.evaluate(() => chrome.storage.local.set({ llmConsent: true }));
  const KEY = mock.apiKey;
  const keyParts = [KEY, KEY.slice(-12), KEY.replace(/^sk-or-v1-/, '')];

  // A CV through the CV view's import.
  const cvPage = await ext.context.newPage();
  await cvPage.goto(`${ext.origin}/app.html#/cv`);
  await cvPage.getByTestId('cv-file-input').setInputFiles({ name: 'ana.txt', mimeType: 'text/plain', buffer: Buffer.from(cvText) });
  await expect(cvPage.getByTestId('cv-name')).toHaveText(profile.name);

  // Capture and an analysis against the mock.
  const tab = await ext.openTab('job-posting.html');
  await ext.clickToolbarButton(tab.page);
  expect((await ext.waitForCapture(tab.tabId)).status).toBe('ready');
  const panel = await ext.openPanel(tab.tabId);
  mock.enqueue(structuredAnswer(analysis('Senior Frontend Engineer')));
  const card = panel.page.getByTestId('ai-analysis');
  await card.getByTestId('ai-start').click();
  await expect(card.getByTestId('ai-role')).toHaveText('Senior Frontend Engineer');
  // The CV evaluation sends the CV's lines: personal details must leave as placeholders.
  mock.enqueue(structuredAnswer({ score: 61, rationale: 'React is shown.', matches: [], gaps: [{ requirement: 'Robotics', importance: 'nice', lineIds: [], note: 'not shown' }] }));
  const evaluation = panel.page.getByTestId('ai-evaluation');
  await evaluation.getByTestId('ai-start').click();
  await expect(evaluation.getByTestId('ai-score')).toHaveText('Fit: 61 / 100');
  await panel.saveButton.click();
  await expect(panel.statusSelect).toHaveValue('saved');

  // What a content script reaches on that tab (with the grant the toolbar click gave).
  const probe = await ext.executeInTab(tab.tabId, contentProbe, envelopes(MESSAGE_TYPES, tab.tabId));
  if (!probe.ok) throw new Error(`probe not injected: ${probe.error}`);
  const reachable = JSON.stringify(probe.result);
  expect(probe.result.local).toHaveProperty('denied');
  expect(probe.result.session).toHaveProperty('denied');

  // Exports: the backup and the CSV from the tracker, every CV format from the CV view.
  await panel.show('tracker');
  const backup = (await download(panel.page, 'export-backup')).toString('utf8');
  const csv = (await download(panel.page, 'export-csv')).toString('utf8');
  expect(backup).toContain('Senior Frontend Engineer');
  const cvFiles: Record<string, string> = {};
  for (const format of ['pdf', 'docx', 'md', 'json', 'txt']) {
    const bytes = await download(cvPage, `cv-export-${format}`);
    cvFiles[format] =
      format === 'pdf'
        ? JSON.stringify(await importCv(new Uint8Array(bytes), { fileName: 'cv.pdf', readPdf: readPdfInNode }))
        : format === 'docx'
          ? (await mammoth.extractRawText({ buffer: bytes })).value
          : bytes.toString('utf8');
    expect(cvFiles[format], `${format} export has the CV`).toContain('Acme');
  }

  const messages = await ext.evaluateInWorker(() => (self as unknown as { __seen: string[] }).__seen);
  expect(messages.length).toBeGreaterThan(0);
  const tabTraffic = await ext.evaluateInWorker(() => (self as unknown as { __tabs: string[] }).__tabs);
  // Control: the capture went through an injected script whose result (the posting) was recorded.
  expect(tabTraffic.join('\n')).toContain('Senior Frontend Engineer');
  const requests = mock.requests().filter((r) => r.method === 'POST');
  expect(requests.length).toBeGreaterThan(0);

  // The key: nowhere at all, except as the Authorization header the mock accepted (and records redacted).
  const everywhere: Record<string, string> = {
    'content script': reachable,
    'worker messages': messages.join('\n'),
    'worker traffic with content scripts': tabTraffic.join('\n'),
    console: consoleText.join('\n'),
    'backup export': backup,
    'CSV export': csv,
    ...Object.fromEntries(Object.entries(cvFiles).map(([f, text]) => [`CV ${f} export`, text])),
    'request bodies and headers': requests.map((r) => `${r.rawBody}\n${JSON.stringify({ ...r.headers, authorization: undefined })}`).join('\n'),
  };
  for (const [where, text] of Object.entries(everywhere)) expect(leaks(text, keyParts), `the key in ${where}`).toEqual([]);
  expect(requests.every((r) => r.authorized)).toBe(true);

  // Personal values: not where a page, a log or the model could read them. The user's own exports carry them.
  for (const where of ['content script', 'worker traffic with content scripts', 'console', 'CSV export', 'request bodies and headers']) expect(leaks(everywhere[where]!, PII), `profile values in ${where}`).toEqual([]);
  const withCv = requests.filter((r) => r.rawBody.includes('Acme (2019'));
  expect(withCv).toHaveLength(1);
  // The contact header line (email · phone · location) stays home; the name inside a sent line is a placeholder.
  expect(withCv[0]!.rawBody).not.toContain('l2:');
  expect(withCv[0]!.rawBody).toMatch(/\[\[NAME_1\]\] led the design system/);
  expect(cvFiles.txt).toContain(profile.email); // control: the CV export does carry the user's own details
});
