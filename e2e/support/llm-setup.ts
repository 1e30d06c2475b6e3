import type { Page } from '@playwright/test';
import type { ExtensionHarness } from '../fixtures';
import type { MockOpenRouter } from '../mock-openrouter';
import { putRows } from './idb';
import { profile } from './llm-data';

/** Settings as a user makes them: key, endpoint (the mock), profile, the analysis and evaluation model. Returns the options page, left open. */
export async function saveLlmSettings(ext: ExtensionHarness, mock: MockOpenRouter): Promise<Page> {
  const options = await ext.openOptions();
  await options.setUpAi({ baseURL: mock.baseURL, apiKey: mock.apiKey, profile, models: { analysis: 'openai/gpt-4o-mini', evaluation: 'openai/gpt-4o-mini' } });
  const page = options.page;
  return page;
}

/** The LLM settings and a default CV. Returns the options page, left open. */
export async function setUpLlm(ext: ExtensionHarness, mock: MockOpenRouter): Promise<Page> {
  const page = await saveLlmSettings(ext, mock);
  // The default CV, as the CV importer stores it: its lines carry the profile's values.
  const p = profile;
  const lines = [
    p.name,
    `${p.email} · ${p.phone}`,
    p.links,
    'Frontend engineer, Acme (2019–2024): React, TypeScript, GraphQL',
    // Personal details inside a line that is sent: they must leave as placeholders.
    `Summary: ${p.name} builds React apps; write to ${p.email}, call ${p.phone} or see ${p.links}.`,
  ].map((text, i) => ({ id: `L${i + 1}`, text, origin: { line: i + 1 } }));
  await putRows(page, 'cvs', [
    { id: 'cv-1', name: 'Main CV', isDefault: 1, createdAt: 1, updatedAt: 1, data: { version: 1, basics: { name: p.name }, work: [], source: { format: 'text', lines } } },
  ]);
  return page;
}

/** A fixture posting read with the toolbar button, and the panel pinned to its tab. */
export async function capturedPanel(ext: ExtensionHarness, fixture = 'job-posting.html') {
  const job = await ext.openTab(fixture);
  await ext.clickToolbarButton(job.page);
  await ext.waitForCapture(job.tabId);
  return ext.openPanel(job.tabId);
}

/** Chat calls that reached the mock (CORS preflights aside). */
export const chatRequests = (mock: MockOpenRouter) => mock.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/chat/completions'));
