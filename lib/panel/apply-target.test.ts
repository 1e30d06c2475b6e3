import { describe, expect, it } from 'vitest';
import { applyTarget, type TabsApi } from './apply-target';

const tabs = (active: { id?: number; url?: string } | undefined, own?: { id?: number }): TabsApi => ({
  active: async () => active,
  own: async () => own,
});

describe('applyTarget', () => {
  it('is the active tab of the panel window, not the tab the panel was bound to', async () => {
    expect(await applyTarget(3, tabs({ id: 7 }))).toEqual({ tabId: 7 });
    expect(await applyTarget(null, tabs({ id: 7, url: 'https://jobs.lever.co/acme/1/apply' }))).toEqual({ tabId: 7 });
  });

  it('is the bound tab when the panel, open as a tab, is the active one', async () => {
    expect(await applyTarget(3, tabs({ id: 9 }, { id: 9 }))).toEqual({ tabId: 3 });
    expect(await applyTarget(null, tabs({ id: 9 }, { id: 9 }))).toEqual({ problem: 'not_web_page' });
  });

  it('says a readable address that is no web page, and a window without an active tab', async () => {
    expect(await applyTarget(3, tabs({ id: 7, url: 'chrome://newtab/' }))).toEqual({ problem: 'not_web_page' });
    expect(await applyTarget(3, tabs({ id: 7, url: 'chrome-extension://abc/sidepanel.html' }))).toEqual({ problem: 'not_web_page' });
    expect(await applyTarget(undefined, tabs(undefined))).toEqual({ problem: 'not_web_page' });
  });
});
