/**
 * Size figures of a built extension, read from the files WXT wrote (manifest, HTML, chunks), so they
 * describe what the browser loads rather than what the bundler intended.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

/** gzip at level 9: a stable size proxy (extensions ship files uncompressed; gzip tracks parse cost). */
export function gzipBytes(files: Iterable<string>): number {
  let total = 0;
  for (const file of files) total += gzipSync(readFileSync(file), { level: 9 }).length;
  return total;
}

export function rawBytes(files: Iterable<string>): number {
  let total = 0;
  for (const file of files) total += readFileSync(file).length;
  return total;
}

/** Resolves a URL path found in the extension (`/chunks/a.js`, `./a.js`) to a file under `outDir`. */
function resolveInExtension(outDir: string, fromFile: string, url: string): string {
  const clean = url.split(/[?#]/)[0]!;
  const file = clean.startsWith('/') ? join(outDir, clean) : resolve(dirname(fromFile), clean);
  const rel = relative(outDir, file);
  if (rel.startsWith('..') || !existsSync(file)) {
    throw new Error(`${relative(outDir, fromFile)} refers to ${url}, which is not a file of the build.`);
  }
  return file;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);
}

/** Scripts an HTML page loads up front: every `<script src>` and `<link rel="modulepreload">`. */
export function htmlInitialScripts(outDir: string, htmlFile: string): string[] {
  const html = readFileSync(htmlFile, 'utf8');
  const urls: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (src) urls.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = attr(tag, 'href');
    if (href && attr(tag, 'rel')?.toLowerCase().split(/\s+/).includes('modulepreload')) urls.push(href);
  }
  return urls.map((url) => resolveInExtension(outDir, htmlFile, url));
}

/** Files that would be loaded by a worker rather than imported (pdf.js); never part of a page's start. */
const WORKER_FILE = /(^|[/\\])[^/\\]*\.worker[^/\\]*\.m?js$/;

/**
 * The entry files plus every module reachable through static `import`/`export … from`; dynamic
 * `import()` (lazy views) and worker files are left out.
 */
export async function staticImportClosure(outDir: string, entries: string[]): Promise<string[]> {
  await init;
  const seen = new Set<string>();
  const queue = entries.filter((f) => !WORKER_FILE.test(f));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const [imports] = parse(readFileSync(file, 'utf8'), file);
    for (const imp of imports) {
      if (imp.d !== -1 || imp.n === undefined) continue; // -1: static; >= 0: import(); -2: import.meta
      if (!/^(\.{1,2}\/|\/)/.test(imp.n)) {
        throw new Error(`${relative(outDir, file)} imports "${imp.n}", which the browser cannot resolve.`);
      }
      const target = resolveInExtension(outDir, file, imp.n);
      if (!WORKER_FILE.test(target)) queue.push(target);
    }
  }
  return [...seen].sort();
}

interface Manifest {
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[]; css?: string[] }[];
  side_panel?: { default_path?: string };
  sidebar_action?: { default_panel?: string };
  options_ui?: { page?: string };
  options_page?: string;
}

export function readManifest(outDir: string): Manifest {
  return JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
}

/** Paths relative to `outDir`, with forward slashes, for printing. */
export function shortName(outDir: string, file: string): string {
  return relative(outDir, file).split(sep).join(posix.sep);
}

export interface BundleReport {
  results: Record<string, number>;
  /** Which files each figure counts, for the printout. */
  files: Record<string, string[]>;
}

/**
 * Measures a Chrome MV3 build:
 * - bundle.content_always_on_bytes: raw bytes of the scripts the manifest injects into pages (goal 0;
 *   Jobfit injects only on demand).
 * - bundle.panel_initial_js_gzip_bytes / bundle.options_initial_js_gzip_bytes: JS a page loads
 *   before any lazy chunk.
 * - bundle.background_js_gzip_bytes: the service worker and its static imports.
 * - bundle.content_<name>_js_gzip_bytes: each on-demand content script.
 */
export async function measureBundle(outDir: string): Promise<BundleReport> {
  const manifest = readManifest(outDir);
  const results: Record<string, number> = {};
  const files: Record<string, string[]> = {};
  const record = (name: string, value: number, counted: string[]) => {
    results[name] = value;
    files[name] = counted.map((f) => shortName(outDir, f));
  };

  const alwaysOn = (manifest.content_scripts ?? []).flatMap((cs) => cs.js ?? []).map((js) => join(outDir, js));
  record('bundle.content_always_on_bytes', rawBytes(alwaysOn), alwaysOn);

  const pages: [string, string | undefined][] = [
    ['panel', manifest.side_panel?.default_path ?? manifest.sidebar_action?.default_panel],
    ['options', manifest.options_ui?.page ?? manifest.options_page],
  ];
  for (const [name, page] of pages) {
    if (!page) throw new Error(`The manifest declares no ${name} page.`);
    const html = join(outDir, page);
    const closure = await staticImportClosure(outDir, htmlInitialScripts(outDir, html));
    record(`bundle.${name}_initial_js_gzip_bytes`, gzipBytes(closure), closure);
  }

  const worker = manifest.background?.service_worker ?? manifest.background?.scripts?.[0];
  if (!worker) throw new Error('The manifest declares no background script.');
  const background = await staticImportClosure(outDir, [join(outDir, worker)]);
  record('bundle.background_js_gzip_bytes', gzipBytes(background), background);

  const contentDir = join(outDir, 'content-scripts');
  if (existsSync(contentDir)) {
    for (const entry of readdirSync(contentDir).filter((f) => f.endsWith('.js')).sort()) {
      const closure = await staticImportClosure(outDir, [join(contentDir, entry)]);
      const key = entry.replace(/\.js$/, '').replace(/[^a-z0-9]+/gi, '_').toLowerCase();
      record(`bundle.content_${key}_js_gzip_bytes`, gzipBytes(closure), closure);
    }
  }
  return { results, files };
}
