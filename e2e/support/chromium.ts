/** Debian's Chromium; never a downloaded browser. `CHROMIUM_PATH` overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for every launch (Playwright and Puppeteer). The network flags keep Chromium from flooding a
 * closed network; `--enable-unsafe-extension-debugging` lets CDP `Extensions.triggerAction` click the
 * toolbar button (the only way a test gets a real user gesture and the `activeTab` grant).
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--enable-unsafe-extension-debugging',
];

export function extensionFlags(extensionDir: string): string[] {
  return [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`];
}
