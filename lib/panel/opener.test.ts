import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CAPTURE_SCRIPT } from '../capture/inject';
import type { CaptureState } from '../capture/state';
import type { CaptureResult } from '../capture/types';
import { CAPTURE_COMMAND, CONTEXT_MENU_ID, registerPanelOpeners } from './opener';
import type { PanelBinding } from './session';

vi.mock('#i18n', () => ({ i18n: { t: (key: string) => key } }));

type Listener = (...args: never[]) => unknown;

/** An event with the shape fakeBrowser gives the APIs it implements (it has no `commands` or `contextMenus`). */
function event() {
  const listeners: Listener[] = [];
  return {
    addListener: (listener: Listener) => void listeners.push(listener),
    trigger: (...args: unknown[]) => Promise.all(listeners.map((listener) => (listener as (...a: unknown[]) => unknown)(...args))),
  };
}

const TAB = { id: 12, windowId: 3, index: 0, url: 'https://jobs.example.com/postings/42' } as Browser.tabs.Tab;
const RESULT: CaptureResult = {
  ok: true,
  posting: { url: 'https://jobs.example.com/postings/42', title: 'Platform Engineer', titleNormalized: 'platform engineer', company: 'Acme', source: 'json-ld' },
};

let commands: ReturnType<typeof event>;
let menuClicks: ReturnType<typeof event>;
let openPanel: ReturnType<typeof vi.fn>;
let executeScript: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  commands = event();
  menuClicks = event();
  openPanel = vi.fn(() => Promise.resolve());
  executeScript = vi.fn(() => Promise.resolve([{ result: RESULT }]));
  // fakeBrowser has no commands, contextMenus or scripting, and its sidePanel throws: stand-ins record the calls.
  Object.assign(fakeBrowser, {
    commands: { onCommand: commands },
    contextMenus: { onClicked: menuClicks, create: vi.fn(), removeAll: vi.fn() },
    sidePanel: { open: openPanel, setPanelBehavior: vi.fn(() => Promise.resolve()) },
    scripting: { executeScript },
  });
  registerPanelOpeners();
});

async function captureState(tabId: number): Promise<CaptureState | undefined> {
  return (await fakeBrowser.storage.session.get(`capture:${tabId}`))[`capture:${tabId}`] as CaptureState | undefined;
}

async function binding(windowId: number): Promise<PanelBinding | undefined> {
  return (await fakeBrowser.storage.session.get(`binding:${windowId}`))[`binding:${windowId}`] as PanelBinding | undefined;
}

describe.each([
  ['the keyboard shortcut', () => commands.trigger(CAPTURE_COMMAND, TAB)],
  ['the context menu item', () => menuClicks.trigger({ menuItemId: CONTEXT_MENU_ID, editable: false }, TAB)],
])('%s', (_name, fire) => {
  it('opens the side panel for that tab before anything awaits (the user gesture allows it only then)', () => {
    void fire();
    expect(openPanel).toHaveBeenCalledWith({ tabId: TAB.id, windowId: TAB.windowId });
  });

  it('binds the panel to the tab and captures that tab', async () => {
    await fire();
    await expect.poll(() => captureState(TAB.id!)).toMatchObject({ status: 'ready', tabId: TAB.id, posting: { title: 'Platform Engineer' } });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: TAB.id }, files: [CAPTURE_SCRIPT] });
    expect(await binding(TAB.windowId)).toMatchObject({ tabId: TAB.id });
  });
});

describe('what the openers leave alone', () => {
  it('another command, another menu item, or no tab opens and captures nothing', async () => {
    await commands.trigger('some-other-command', TAB);
    await menuClicks.trigger({ menuItemId: 'another-item', editable: false }, TAB);
    await commands.trigger(CAPTURE_COMMAND, undefined);
    await menuClicks.trigger({ menuItemId: CONTEXT_MENU_ID, editable: false }, { ...TAB, id: -1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(openPanel).not.toHaveBeenCalled();
    expect(executeScript).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});
