/**
 * The LLM service's own overhead, measured against the project's OpenRouter mock on 127.0.0.1 with the
 * real openai SDK, fake-indexeddb and the worker's run engine (the same code the background runs):
 * - `llm.cache_hit_ms`: an identical request answered from `llmCache` (start → done frame), median;
 * - `llm.first_delta_overhead_ms`: time to the first streamed text minus the mock's own delay before it
 *   answers (its scripted header delay), median — what Jobfit adds on the way (redaction, run row, SDK).
 *
 * Run alone: npx tsx scripts/bench/llm.ts
 */
import 'fake-indexeddb/auto';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMockOpenRouter } from '../../e2e/mock-openrouter';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RunFrame } from '../../lib/messaging/ports';
import type { LlmService } from '../../lib/llm/service';

const MOCK_DELAY_MS = 50;
const RUNS = 15;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (n: number) => Math.round(n * 10) / 10;

/** Resolves with the time of the first frame that `until` accepts. */
function timeUntil(service: LlmService, runId: string, started: number, until: (f: RunFrame) => boolean): Promise<number> {
  return new Promise((done, fail) => {
    void service.subscribe(runId, (frame) => {
      if (until(frame)) done(performance.now() - started);
      else if (frame.type === 'error') fail(new Error(`run failed: ${frame.code}`));
    });
  });
}

export async function measureLlm(): Promise<Record<string, number>> {
  // The service's settings module defines storage items at import: give it the browser it expects.
  Object.assign(globalThis, { browser: fakeBrowser, chrome: fakeBrowser });
  const { JobfitDb } = await import('../../lib/db/schema');
  const { createBreakerRegistry } = await import('../../lib/llm/policy');
  const { createLlmService } = await import('../../lib/llm/service');
  const mock = await createMockOpenRouter({ port: 0 });
  const memory = new Map<string, unknown>();
  const db = new JobfitDb(`jobfit-bench-llm-${Date.now()}`);
  const service = createLlmService({
    db: () => db,
    readKey: async () => mock.apiKey,
    settings: {
      baseUrl: async () => mock.baseURL,
      models: async () => ({ analysis: 'openai/gpt-4o-mini' }),
      profile: async () => ({ name: 'Ana López', email: 'ana@mail.example.dev', phone: '', location: '', links: [] }),
      spendingCap: async () => ({ dailyUsd: null, monthlyUsd: null }),
      privacy: async () => ({ denyDataCollection: false, zdr: false, redactLocation: true }),
    },
    ping: async () => undefined,
    breakers: createBreakerRegistry({ get: async (k) => memory.get(k), set: async (k, v) => void memory.set(k, v) }),
  });
  const posting = 'Senior Frontend Engineer at Acme. React, TypeScript, GraphQL. '.repeat(40);
  const messages = [
    { role: 'system' as const, content: 'Analyse the posting.' },
    { role: 'user' as const, content: `<posting>${posting}</posting>\nCV of Ana López, ana@mail.example.dev` },
  ];
  try {
    const firstDelta: number[] = [];
    const cacheHit: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      mock.enqueue({ content: `Answer ${i}: React and TypeScript match.`, headerDelayMs: MOCK_DELAY_MS });
      const unique = [...messages, { role: 'user' as const, content: `run ${i}` }];
      let started = performance.now();
      const { runId } = await service.startRun({ requestId: `bench-first-${i}-${Date.now()}`, feature: 'analysis', messages: unique });
      firstDelta.push((await timeUntil(service, runId, started, (f) => f.type === 'delta' || (f.type === 'progress' && !!f.text))) - MOCK_DELAY_MS);
      await service.idle();
      started = performance.now();
      const again = await service.startRun({ requestId: `bench-cache-${i}-${Date.now()}`, feature: 'analysis', messages: unique });
      cacheHit.push(await timeUntil(service, again.runId, started, (f) => f.type === 'done' && f.cached));
      await service.idle();
    }
    return { 'llm.cache_hit_ms': round(median(cacheHit)), 'llm.first_delta_overhead_ms': round(median(firstDelta)) };
  } finally {
    db.close();
    await mock.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  console.log(await measureLlm());
}
