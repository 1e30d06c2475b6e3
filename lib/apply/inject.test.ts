import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppError } from '../util/errors';
import { fillApplication, undoApplicationFill, type ApplyRunner, type CallArgs, type FrameInfo } from './inject';
import type { FillReport } from './report';

const TAB = 4;
const TOP = 'https://careers.acme.com';
const BOARD = 'https://job-boards.greenhouse.io';

function report(origin: string, extra: Partial<FillReport> = {}): FillReport {
  return { url: `${origin}/apply`, origin, filled: [], left: [], problems: [], ...extra };
}

/** The browser side as a table: frames the extension may script, what each returns, which origins are granted. */
function runner(frames: FrameInfo[], results: Record<number, unknown>, granted: string[] = []): ApplyRunner & { calls: { frameIds: number[]; args: CallArgs }[] } {
  const calls: { frameIds: number[]; args: CallArgs }[] = [];
  return {
    calls,
    frames: async () => frames,
    call: async (_tab, frameIds, args) => {
      calls.push({ frameIds, args });
      return frameIds.map((frameId) => ({ frameId, result: results[frameId] }));
    },
    granted: async (origin) => granted.includes(origin),
  };
}

const email = { label: 'Email', value: 'ana@example.com', source: 'profile' as const, field: 'email' as const, undoId: 0 };
const plan = { profile: { email: 'ana@example.com' }, answers: [] };

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'debug').mockImplementation(() => {});
});

describe('fillApplication', () => {
  it('fills every frame it may script, with the frame id on each report', async () => {
    const run = runner([{ frameId: 0, origin: TOP }], { 0: { ok: true, mode: 'fill', report: report(TOP, { filled: [email] }) } });
    const outcome = await fillApplication(TAB, plan, run);
    expect(run.calls).toEqual([{ frameIds: [0], args: { mode: 'fill', plan } }]);
    expect(outcome.frames).toEqual([expect.objectContaining({ frameId: 0, filled: [email] })]);
    expect(outcome.problems).toEqual([]);
  });

  it('a Greenhouse embed whose origin was granted is filled in its frame; the top page\'s "no form" is dropped', async () => {
    const run = runner(
      [{ frameId: 0, origin: TOP }, { frameId: 3, origin: BOARD }],
      {
        0: { ok: true, mode: 'fill', report: report(TOP, { problems: [{ code: 'cross_origin_iframe', detail: BOARD }] }) },
        3: { ok: true, mode: 'fill', report: report(BOARD, { filled: [email] }) },
      },
      [BOARD],
    );
    const outcome = await fillApplication(TAB, plan, run);
    expect(run.calls[0]!.frameIds).toEqual([0, 3]);
    expect(outcome.problems).toEqual([]);
    expect(outcome.frames.map((f) => f.frameId)).toEqual([0, 3]);
  });

  it('an embed on an origin not granted comes back as frame_needs_permission with that origin', async () => {
    const run = runner([{ frameId: 0, origin: TOP }], {
      0: { ok: true, mode: 'fill', report: report(TOP, { problems: [{ code: 'cross_origin_iframe', detail: BOARD }, { code: 'no_form' }] }) },
    });
    const outcome = await fillApplication(TAB, plan, run);
    expect(outcome.problems).toEqual([{ code: 'frame_needs_permission', detail: BOARD }, { code: 'no_form' }]);
  });

  it('refuses a page answer that does not have the report shape', async () => {
    const run = runner([{ frameId: 0, origin: TOP }], { 0: { ok: true, mode: 'fill', report: { filled: '<img onerror>' } } });
    await expect(fillApplication(TAB, plan, run)).rejects.toMatchObject({ code: 'internal' });
  });

  it('maps a tab Jobfit may not script to needs_permission', async () => {
    const run = runner([], {});
    run.frames = async () => {
      throw new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.');
    };
    await expect(fillApplication(TAB, plan, run)).rejects.toEqual(new AppError('needs_permission'));
  });
});

describe('undoApplicationFill', () => {
  it('undoes one field in one frame, or everything in every frame', async () => {
    const run = runner([{ frameId: 0, origin: TOP }, { frameId: 2, origin: BOARD }], {
      0: { ok: true, mode: 'undo', restored: 3 },
      2: { ok: true, mode: 'undo', restored: 2 },
    });
    expect(await undoApplicationFill(TAB, {}, run)).toEqual({ restored: 5 });
    expect(run.calls.at(-1)).toEqual({ frameIds: [0, 2], args: { mode: 'undo' } });
    await undoApplicationFill(TAB, { frameId: 2, undoId: 7 }, run);
    expect(run.calls.at(-1)).toEqual({ frameIds: [2], args: { mode: 'undo', undoId: 7 } });
  });
});
