import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { measureBundle } from './bundle';
import { checkBudgets } from './check';

let dir: string;
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jobfit-bench-'));
  write(
    'manifest.json',
    JSON.stringify({
      background: { service_worker: 'background.js' },
      side_panel: { default_path: 'sidepanel.html' },
      options_ui: { page: 'options.html' },
      content_scripts: [{ matches: ['<all_urls>'], js: ['content-scripts/always.js'] }],
    }),
  );
  write(
    'sidepanel.html',
    `<script type="module" crossorigin src="/chunks/panel.js"></script>
     <link rel="modulepreload" crossorigin href="/chunks/preloaded.js"><link rel="stylesheet" href="/a.css">`,
  );
  write('options.html', `<script type=module src='./chunks/options.js'></script>`);
  write('chunks/panel.js', `import{a}from"./shared.js";export*from"./reexported.js";const v=()=>import("./lazy.js");new URL("./pdf.worker.min.mjs",import.meta.url);`);
  write('chunks/shared.js', `import"./deep.js";export const a=1;`);
  write('chunks/deep.js', 'export const d=1;');
  write('chunks/reexported.js', 'export const r=1;');
  write('chunks/preloaded.js', 'export const p=1;');
  write('chunks/lazy.js', 'export const l=1;');
  write('chunks/pdf.worker.min.mjs', 'self.onmessage=()=>{};');
  write('chunks/options.js', 'import"./shared.js";');
  write('background.js', '(()=>{})();');
  write('content-scripts/always.js', 'console.log(1);');
  write('content-scripts/capture.js', '(()=>{})();');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('measureBundle', () => {
  it('counts the static import closure of each page and skips lazy chunks and workers', async () => {
    const { files } = await measureBundle(dir);
    expect(files['bundle.panel_initial_js_gzip_bytes']).toEqual([
      'chunks/deep.js',
      'chunks/panel.js',
      'chunks/preloaded.js',
      'chunks/reexported.js',
      'chunks/shared.js',
    ]);
    expect(files['bundle.options_initial_js_gzip_bytes']).toEqual(['chunks/deep.js', 'chunks/options.js', 'chunks/shared.js']);
    expect(files['bundle.background_js_gzip_bytes']).toEqual(['background.js']);
  });

  it('reports the raw bytes of scripts the manifest injects into every page', async () => {
    const { results } = await measureBundle(dir);
    expect(results['bundle.content_always_on_bytes']).toBe('console.log(1);'.length);
    expect(results['bundle.content_capture_js_gzip_bytes']).toBeGreaterThan(0);
  });

  it('fails loudly on a reference to a file the build does not contain', async () => {
    write('chunks/shared.js', 'import"./missing.js";');
    await expect(measureBundle(dir)).rejects.toThrow(/missing\.js/);
  });
});

describe('checkBudgets', () => {
  const budgets = { a: { max: 0, why: 'a' }, b: { max: 10, why: 'b' }, c: { max: 1, why: 'c' } };
  it('lists figures over budget and budgets without a figure', () => {
    expect(checkBudgets({ a: 0, b: 11 }, budgets).map((m) => m.name)).toEqual(['b', 'c']);
  });
  it('checks minimums (accuracy) as well as maximums, and both together', () => {
    const floors = { f1: { min: 0.6, why: 'f1' }, band: { min: 1, max: 2, why: 'band' } };
    expect(checkBudgets({ f1: 0.6, band: 1.5 }, floors)).toEqual([]);
    expect(checkBudgets({ f1: 0.59, band: 2.5 }, floors).map((m) => m.name)).toEqual(['f1', 'band']);
    expect(checkBudgets({ f1: Number.NaN, band: 0.5 }, floors).map((m) => m.name)).toEqual(['f1', 'band']);
  });
});
