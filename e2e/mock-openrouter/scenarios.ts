import type { ModelFixture, Scenario } from './types';

// The script: queued scenarios answer matching requests in FIFO order; the default answers the rest.

interface Queued {
  id: string;
  scenario: Scenario;
  remaining: number;
  failuresServed: number;
}

export interface Pick {
  /** The model's defaults under the scenario's own fields. */
  scenario: Scenario;
  scenarioId?: string;
  /** Set while a `serverError5xxThenOk` scenario is still failing. */
  failStatus?: number;
}

export interface RequestFacts {
  key: string;
  model: ModelFixture;
  userText: string;
}

function matches(s: Scenario, facts: RequestFacts): boolean {
  const m = s.match;
  if (!m) return true;
  return (
    (m.key === undefined || m.key === facts.key) &&
    (m.model === undefined || m.model === facts.model.id) &&
    (m.matchUserText === undefined || facts.userText.includes(m.matchUserText))
  );
}

export function createScenarioQueue(initialDefault?: Scenario) {
  let queue: Queued[] = [];
  let fallback = initialDefault;
  let nextId = 1;

  return {
    enqueue(...scenarios: Scenario[]): string[] {
      return scenarios.map((scenario) => {
        const id = scenario.id ?? `s${nextId++}`;
        queue.push({ id, scenario, remaining: Math.max(1, scenario.times ?? 1), failuresServed: 0 });
        return id;
      });
    },
    setDefault(scenario: Scenario | undefined): void {
      fallback = scenario;
    },
    pending: () => queue.map((q) => ({ id: q.id, remaining: q.remaining })),
    clear(): void {
      queue = [];
      fallback = initialDefault;
      nextId = 1;
    },

    /** Takes the scenario for one attempt on one model (a failing 5xx-then-ok one stays queued). */
    pick(facts: RequestFacts): Pick {
      const defaults = facts.model.defaults ?? {};
      const queued = queue.find((q) => matches(q.scenario, facts));
      if (!queued) {
        return { scenario: { ...defaults, ...fallback }, scenarioId: fallback?.id ?? (fallback ? 'default' : undefined) };
      }
      const picked: Pick = { scenario: { ...defaults, ...queued.scenario }, scenarioId: queued.id };
      const fail = queued.scenario.serverError5xxThenOk;
      const count = typeof fail === 'number' ? fail : (fail?.count ?? 0);
      if (queued.failuresServed < count) {
        queued.failuresServed += 1;
        picked.failStatus = (typeof fail === 'object' ? fail.status : undefined) ?? queued.scenario.status ?? 502;
        return picked;
      }
      queued.remaining -= 1;
      if (queued.remaining <= 0) queue = queue.filter((q) => q !== queued);
      return picked;
    },
  };
}

export type ScenarioQueue = ReturnType<typeof createScenarioQueue>;

/**
 * A scripted structured answer (AI features): the value as JSON content, streamed word by word.
 * `match.matchUserText` routes it to one feature's request, e.g. the prompt's last instruction.
 */
export function structuredAnswer(value: unknown, extra: Scenario = {}): Scenario {
  return { content: JSON.stringify(value), pieces: 'word', ...extra };
}
