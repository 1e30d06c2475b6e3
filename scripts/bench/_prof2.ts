import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, extensionFlags } from '../../e2e/support/chromium';
const outDir = resolve('.output/chrome-mv3');
const profile = mkdtempSync(join(tmpdir(), 'jobfit-prof-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: false, ignoreDefaultArgs: ['--disable-extensions'], args: ['--headless=new', ...CHROMIUM_FLAGS, ...extensionFlags(outDir)], viewport: { width: 1280, height: 900 } });
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const origin = `chrome-extension://${new URL(worker.url()).host}`;
const app = await context.newPage();
for (const route of ['usage', 'tracker', 'usage', 'tracker']) {
  const t = performance.now();
  await app.goto(`${origin}/app.html#/${route}`);
  await app.getByTestId(route === 'tracker' ? 'tracker-empty' : 'usage-view').or(app.locator('main')).first().waitFor();
  const paint = await app.evaluate(() => performance.now());
  console.log(route, 'node ms', Math.round(performance.now() - t), 'page ms', Math.round(paint));
}
const cdp = await context.newCDPSession(app);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.start');
await app.goto(`${origin}/app.html#/tracker`);
await app.getByTestId('tracker-empty').waitFor();
const { profile: p } = await cdp.send('Profiler.stop');
const self = new Map<string, number>();
const dt = p.timeDeltas!; const byId = new Map(p.nodes.map((n) => [n.id, n]));
p.samples!.forEach((id, i) => { const n = byId.get(id)!; const k = `${n.callFrame.functionName}@${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000); });
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25));
await context.close();
