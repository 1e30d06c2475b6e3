import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { APPLY_GLOBAL, installApplyInPage, type ApplyInPage } from './in-page';

const html = '<form><label for="e">Email</label><input id="e" autocomplete="email"></form>';

describe('the apply script in a page', () => {
  it('installs once per frame, fills, and keeps its undo log across injections', async () => {
    const doc = new JSDOM(html, { url: 'https://careers.example.com/apply' }).window.document;
    const scope: Record<string, unknown> = {};
    installApplyInPage(scope, doc);
    const api = scope[APPLY_GLOBAL] as ApplyInPage;
    const result = await api.fill({ profile: { email: 'ana@example.com' }, answers: [] });
    expect(result).toMatchObject({ ok: true, mode: 'fill', report: { filled: [expect.objectContaining({ field: 'email' })] } });
    expect(doc.querySelector<HTMLInputElement>('#e')!.value).toBe('ana@example.com');
    // The worker injects the file again before each call: the first object (and its undo log) stays.
    installApplyInPage(scope, doc);
    expect(scope[APPLY_GLOBAL]).toBe(api);
    expect(api.undo()).toEqual({ ok: true, mode: 'undo', restored: 1 });
    expect(doc.querySelector<HTMLInputElement>('#e')!.value).toBe('');
  });
});
