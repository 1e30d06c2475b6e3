import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handMadeEvaluation, handMadePosting, handMadeSentLines } from '../ai/fixtures/hand-made';
import { buildEvaluationPrompt } from '../ai/prompts';
import { createRunsRepo } from '../db/repos/runs';
import { JobfitDb } from '../db/schema';
import { loadRunEvaluation } from './ai-evaluation';

let db: JobfitDb;
beforeEach(async () => {
  db = new JobfitDb(`jobfit-ai-evaluation-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(() => db.close());

const [sent, evaluation] = [handMadeSentLines, handMadeEvaluation];

/** A finished evaluation run as the worker stores it: the request it sent, and its result. */
async function storeRun(id: string, cvLines = sent) {
  const prompt = buildEvaluationPrompt({ posting: handMadePosting, cvLines });
  await createRunsRepo(db).create({
    id,
    feature: 'evaluation',
    status: 'done',
    model: 'm',
    attempt: 1,
    partialText: '',
    startedAt: 1,
    heartbeatAt: 1,
    request: { feature: 'evaluation', model: 'm', messages: prompt.messages, schema: prompt.schema },
    result: evaluation,
  });
}

describe('a finished evaluation, checked against the lines its run sent', () => {
  it('quotes the real line, drops the unknown ids and marks the match only a bogus id backs', async () => {
    await storeRun('run-1');
    const cited = await loadRunEvaluation(db, 'run-1', evaluation, undefined);
    expect(cited?.matches.map((m) => [m.requirement, m.lines, m.unsupported])).toEqual([
      ['Go', [sent[0]], false],
      ['Kafka', [], true],
      ['Leadership', [], true],
    ]);
    expect(cited?.gaps[0]!.lines).toEqual([sent[1]]);
    expect(cited?.unknownIds.sort()).toEqual(['l42', 'l99']);
  });

  it('uses the lines sent, not the CV as it is now', async () => {
    await storeRun('run-2');
    // Since the run, the CV changed: l3 is another line now, and l99 exists.
    const now = [
      { id: 'l3', text: 'Wrote the billing API in Go.' },
      { id: 'l99', text: 'Ran Kafka consumers.' },
    ];
    const cited = await loadRunEvaluation(db, 'run-2', evaluation, now);
    expect(cited?.matches[0]!.lines).toEqual([sent[0]]);
    expect(cited?.matches[1]!.unsupported).toBe(true);
  });

  it('without the run’s row, checks against the CV lines given, and rejects a result that is no evaluation', async () => {
    const cited = await loadRunEvaluation(db, 'gone', evaluation, [{ id: 'l99', text: 'Ran Kafka consumers.' }]);
    expect(cited?.matches.map((m) => m.unsupported)).toEqual([true, false, true]);
    expect(cited?.matches[1]!.lines).toEqual([{ id: 'l99', text: 'Ran Kafka consumers.' }]);
    expect(await loadRunEvaluation(db, 'gone', { role: 'Backend' }, sent)).toBeUndefined();
  });
});
