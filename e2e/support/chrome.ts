import type { Browser } from 'wxt/browser';

/**
 * Type of the `chrome` global inside functions evaluated in the worker, extension pages or an injected
 * world. Each file declares `declare const chrome: Chrome;` locally so the app code never sees a global.
 */
export type Chrome = typeof Browser;
