import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { modelsItem } from './items';
import { updateItem } from './validated';

beforeEach(() => fakeBrowser.reset());

describe('updateItem', () => {
  it('two quick changes of one item both land (the second builds on the first)', async () => {
    await Promise.all([
      updateItem(modelsItem, (m) => ({ ...m, analysis: 'openai/gpt-4o-mini' })),
      updateItem(modelsItem, (m) => ({ ...m, tailoring: 'anthropic/claude-3.5-haiku' })),
      updateItem(modelsItem, (m) => ({ ...m, coverLetter: 'openai/gpt-4o' })),
    ]);
    expect(await modelsItem.getValue()).toEqual({ analysis: 'openai/gpt-4o-mini', tailoring: 'anthropic/claude-3.5-haiku', coverLetter: 'openai/gpt-4o' });
  });

  it('the naive read-then-write loses one of them (why updateItem exists)', async () => {
    const naive = async (change: (m: Record<string, string>) => Record<string, string>) => modelsItem.setValue(change(await modelsItem.getValue()));
    await Promise.all([naive((m) => ({ ...m, analysis: 'a/one' })), naive((m) => ({ ...m, tailoring: 'b/two' }))]);
    expect(Object.keys(await modelsItem.getValue())).toHaveLength(1);
  });

  it('a refused write rejects its caller and does not block the next change', async () => {
    const bad = updateItem(modelsItem, () => ({ analysis: '' }));
    await expect(bad).rejects.toThrow();
    await updateItem(modelsItem, (m) => ({ ...m, analysis: 'openai/gpt-4o-mini' }));
    expect(await modelsItem.getValue()).toEqual({ analysis: 'openai/gpt-4o-mini' });
  });
});
