import { browser } from 'wxt/browser';
import { createLogger } from '../util/logger';

const log = createLogger('onboarding');

export const ONBOARDING_PATH = '/onboarding.html';

/** A fresh install opens the welcome page once; updates and browser restarts do not. */
export function registerOnboarding(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    browser.tabs.create({ url: browser.runtime.getURL(ONBOARDING_PATH) }).catch((error: unknown) => log.warn('welcome page did not open', error));
  });
}
