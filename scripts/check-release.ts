/**
 * Store readiness of the packages `npm run zip:all` wrote to .output, and of the documents that go with
 * them. Fails (exit 1) with one line per problem:
 * - Chrome zip: MV3, `minimum_chrome_version`; Firefox zip: `browser_specific_settings.gecko` id,
 *   `strict_min_version` of a Firefox that reads `data_collection_permissions`, and that declaration;
 *   each zip's manifest is the one in .output (the zips are of the current build).
 * - Sources zip (for AMO): what a reviewer needs to rebuild (package.json, the lockfile, wxt.config.ts,
 *   tsconfig.json and every source file of the build), and nothing else: no node_modules, .output, .wxt,
 *   dotfiles, nothing git ignores, no key- or secret-shaped file or text.
 * - README.md: its permissions table lists exactly the permissions and host patterns of the built
 *   manifests; it links PRIVACY.md; every test file its "Security and privacy" section names exists.
 *
 * - With `--rebuild` (CI): the sources zip, unpacked into a temporary folder, rebuilds with
 *   `npm ci && npm run build:firefox` into a Firefox build identical, file for file, to .output/firefox-mv3,
 *   which is what an AMO reviewer does.
 *
 * Usage: tsx scripts/check-release.ts [--rebuild]   (after `npm run zip:all`)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';

const root = path.resolve(import.meta.dirname, '..');
const output = path.join(root, '.output');

interface Manifest {
  manifest_version?: number;
  minimum_chrome_version?: string;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  background?: { scripts?: string[]; service_worker?: string };
  browser_specific_settings?: {
    gecko?: {
      id?: string;
      strict_min_version?: string;
      data_collection_permissions?: { required?: string[]; optional?: string[] };
    };
    gecko_android?: { strict_min_version?: string };
  };
}

/** Firefox desktop / Android versions from which `data_collection_permissions` is read (MDN). */
export const DATA_COLLECTION_SINCE = { desktop: 140, android: 142 };
/** Chrome 116: long-lived ports keep the worker alive, WebSocket activity too (lib/llm runs there). */
export const MINIMUM_CHROME = 116;
/** The values MDN lists for `data_collection_permissions`. */
export const DATA_COLLECTION_VALUES = new Set([
  'none',
  'authenticationInfo',
  'bookmarksInfo',
  'browsingActivity',
  'financialAndPaymentInfo',
  'healthInfo',
  'locationInfo',
  'personalCommunications',
  'personallyIdentifyingInfo',
  'searchTerms',
  'websiteActivity',
  'websiteContent',
]);
/** Files a reviewer needs at the top of the sources zip, besides every source file of the build. */
const SOURCES_REQUIRED = ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md', 'PRIVACY.md'];
/** Folders the build reads: each of their files in git must be in the sources zip (tests aside). */
const SOURCE_DIRS = ['entrypoints/', 'lib/', 'components/', 'locales/', 'public/'];
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;
const FORBIDDEN_PATH = /(^|\/)(node_modules|\.output|\.wxt|\.git)(\/|$)|(^|\/)\.[^/]+$|\.(pem|key|p12|pfx|crx|xpi)$|(^|\/)id_(rsa|ed25519)/;
/** Real-looking credentials (test fixtures use short fake keys that do not match). */
const SECRET_TEXT = [/sk-or-v1-[0-9a-f]{64}/, /sk-(proj|ant)-[A-Za-z0-9_-]{20,}/, /-----BEGIN [A-Z ]*PRIVATE KEY-----/, /AKIA[0-9A-Z]{16}/];

const problems: string[] = [];
const fail = (message: string) => problems.push(message);
const ok = (message: string) => console.log(`  ✓ ${message}`);

function majorOf(version: string | undefined): number {
  return Number.parseInt(version ?? '', 10);
}

async function openZip(file: string): Promise<JSZip | undefined> {
  if (!fs.existsSync(file)) {
    fail(`${path.relative(root, file)} is missing: run \`npm run zip:all\``);
    return undefined;
  }
  return JSZip.loadAsync(fs.readFileSync(file));
}

async function zipManifest(zip: JSZip, target: 'chrome-mv3' | 'firefox-mv3'): Promise<Manifest | undefined> {
  const entry = zip.file('manifest.json');
  if (!entry) {
    fail(`the ${target} zip has no manifest.json`);
    return undefined;
  }
  const text = await entry.async('string');
  const built = path.join(output, target, 'manifest.json');
  if (!fs.existsSync(built) || fs.readFileSync(built, 'utf8') !== text) {
    fail(`the ${target} zip's manifest is not the one in .output/${target}: run \`npm run zip:all\` again`);
  }
  return JSON.parse(text) as Manifest;
}

export function checkChrome(manifest: Manifest): string[] {
  const found: string[] = [];
  if (manifest.manifest_version !== 3) found.push('Chrome manifest: manifest_version is not 3');
  const min = majorOf(manifest.minimum_chrome_version);
  if (!(min >= MINIMUM_CHROME)) found.push(`Chrome manifest: minimum_chrome_version must be ${MINIMUM_CHROME} or later (is ${manifest.minimum_chrome_version})`);
  if (!manifest.background?.service_worker) found.push('Chrome manifest: no background.service_worker');
  return found;
}

export function checkFirefox(manifest: Manifest): string[] {
  const found: string[] = [];
  const gecko = manifest.browser_specific_settings?.gecko;
  if (!gecko?.id || !/^([\w.+-]+@[\w.-]+|\{[0-9a-f-]{36}\})$/i.test(gecko.id)) found.push(`Firefox manifest: browser_specific_settings.gecko.id is missing or malformed (${gecko?.id})`);
  if (!(majorOf(gecko?.strict_min_version) >= DATA_COLLECTION_SINCE.desktop)) {
    found.push(`Firefox manifest: gecko.strict_min_version must be ${DATA_COLLECTION_SINCE.desktop}.0 or later, where data_collection_permissions is read (is ${gecko?.strict_min_version})`);
  }
  const android = manifest.browser_specific_settings?.gecko_android;
  if (android && !(majorOf(android.strict_min_version) >= DATA_COLLECTION_SINCE.android)) {
    found.push(`Firefox manifest: gecko_android.strict_min_version must be ${DATA_COLLECTION_SINCE.android}.0 or later (is ${android.strict_min_version})`);
  }
  const declaration = gecko?.data_collection_permissions;
  const required = declaration?.required ?? [];
  if (required.length === 0) found.push('Firefox manifest: gecko.data_collection_permissions.required is missing (use ["none"] when nothing is collected)');
  if (required.includes('none') && required.length > 1) found.push('Firefox manifest: data_collection_permissions.required combines "none" with other values');
  for (const value of [...required, ...(declaration?.optional ?? [])]) {
    if (!DATA_COLLECTION_VALUES.has(value)) found.push(`Firefox manifest: unknown data_collection_permissions value "${value}"`);
  }
  if ((declaration?.optional ?? []).includes('none')) found.push('Firefox manifest: "none" is not an optional data collection value');
  if (!manifest.background?.scripts?.length) found.push('Firefox manifest: no background.scripts (Firefox MV3 runs an event page)');
  return found;
}

/** Files git tracks or would track (untracked, not ignored): what may ship as sources. */
function gitFiles(): Set<string> | undefined {
  const result = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  return new Set(result.stdout.split('\0').filter((file) => file && fs.existsSync(path.join(root, file))));
}

export function checkSourceList(entries: string[], inGit: Set<string> | undefined): string[] {
  const found: string[] = [];
  const files = new Set(entries.filter((entry) => !entry.endsWith('/')));
  for (const file of SOURCES_REQUIRED) if (!files.has(file)) found.push(`sources zip: ${file} is missing`);
  for (const file of files) {
    if (FORBIDDEN_PATH.test(file)) found.push(`sources zip: ${file} must not be shipped`);
    else if (inGit && !inGit.has(file)) found.push(`sources zip: ${file} is not a file of the repository (git ignores it)`);
  }
  if (inGit) {
    for (const file of inGit) {
      if (SOURCE_DIRS.some((dir) => file.startsWith(dir)) && !TEST_FILE.test(file) && !files.has(file)) found.push(`sources zip: source file ${file} is missing`);
    }
  }
  return found;
}

async function checkSources(zip: JSZip): Promise<void> {
  const entries = Object.keys(zip.files);
  const inGit = gitFiles();
  if (!inGit) console.log('  (not a git checkout: the sources zip is checked without the list of repository files)');
  const found = checkSourceList(entries, inGit);
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir || !/\.(ts|tsx|js|mjs|cjs|json|ya?ml|md|html|css|txt)$/.test(name)) continue;
    const text = await entry.async('string');
    const secret = SECRET_TEXT.find((pattern) => pattern.test(text));
    if (secret) found.push(`sources zip: ${name} contains something shaped like a credential (${secret.source})`);
  }
  found.forEach(fail);
  if (found.length === 0) ok(`sources zip: ${entries.filter((e) => !e.endsWith('/')).length} files, all of the build's sources and the lockfile; nothing ignored, built or secret`);
}

/** sha256 of every file under `dir`, by relative path. */
function hashTree(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes.set(path.relative(dir, file), createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
  }
  return hashes;
}

/** Compares two builds; lists what differs (at most a few names of each kind). */
export function compareTrees(expected: Map<string, string>, actual: Map<string, string>): string[] {
  const missing = [...expected.keys()].filter((file) => !actual.has(file));
  const extra = [...actual.keys()].filter((file) => !expected.has(file));
  const changed = [...expected.keys()].filter((file) => actual.has(file) && actual.get(file) !== expected.get(file));
  const list = (files: string[]) => files.slice(0, 5).join(', ') + (files.length > 5 ? ` and ${files.length - 5} more` : '');
  return [
    ...(missing.length ? [`the rebuild lacks ${list(missing)}`] : []),
    ...(extra.length ? [`the rebuild has extra files: ${list(extra)}`] : []),
    ...(changed.length ? [`the rebuild differs in ${list(changed)}`] : []),
  ];
}

async function checkRebuild(zip: JSZip): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobfit-sources-'));
  try {
    for (const [name, entry] of Object.entries(zip.files)) {
      if (entry.dir) continue;
      const target = path.join(dir, name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, await entry.async('nodebuffer'));
    }
    for (const args of [['ci', '--prefer-offline', '--no-audit', '--no-fund'], ['run', 'build:firefox']]) {
      const result = spawnSync('npm', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
      if (result.status !== 0) {
        fail(`sources zip: \`npm ${args.join(' ')}\` failed in the unpacked sources:\n${(result.stdout + result.stderr).slice(-2000)}`);
        return;
      }
    }
    const found = compareTrees(hashTree(path.join(output, 'firefox-mv3')), hashTree(path.join(dir, '.output', 'firefox-mv3')));
    found.forEach((problem) => fail(`sources zip: ${problem}`));
    if (found.length === 0) ok('sources zip: `npm ci && npm run build:firefox` in the unpacked sources rebuilds .output/firefox-mv3 byte for byte');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Backticked names in the first column of the table under "### Permissions" in README.md. */
export function readmePermissions(readme: string): string[] {
  const section = readme.split(/^### Permissions\s*$/m)[1]?.split(/^#{1,3} /m)[0] ?? '';
  const names: string[] = [];
  for (const line of section.split('\n')) {
    const cell = /^\|\s*`([^`]+)`/.exec(line);
    if (cell) names.push(cell[1]!);
  }
  return names;
}

export function checkPermissionTable(documented: string[], manifests: Manifest[]): string[] {
  const found: string[] = [];
  const requested = new Set(manifests.flatMap((m) => [...(m.permissions ?? []), ...(m.host_permissions ?? []), ...(m.optional_host_permissions ?? [])]));
  const listed = new Set(documented);
  if (listed.size === 0) found.push('README.md: no permissions table under "### Permissions"');
  for (const name of documented.filter((n, i) => documented.indexOf(n) !== i)) found.push(`README.md: ${name} is listed twice in the permissions table`);
  for (const name of requested) {
    if (!listed.has(name)) found.push(`README.md: the permissions table does not list ${name}, which the build requests`);
  }
  for (const name of listed) {
    if (!requested.has(name)) found.push(`README.md: the permissions table lists ${name}, which the build does not request`);
  }
  return found;
}

function checkDocuments(manifests: Manifest[]): void {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const documented = readmePermissions(readme);
  const found = checkPermissionTable(documented, manifests);
  if (!fs.existsSync(path.join(root, 'PRIVACY.md'))) found.push('PRIVACY.md is missing');
  if (!/\]\(PRIVACY\.md\)/.test(readme)) found.push('README.md does not link PRIVACY.md');
  const security = readme.split(/^## Security and privacy\s*$/m)[1]?.split(/^## /m)[0];
  if (!security) found.push('README.md has no "## Security and privacy" section');
  const named = [...new Set([...(security ?? '').matchAll(/`((?:e2e|lib|scripts)\/[\w./-]+\.tsx?)`/g)].map((m) => m[1]!))];
  for (const file of named) if (!fs.existsSync(path.join(root, file))) found.push(`README.md names ${file}, which does not exist`);
  found.forEach(fail);
  if (found.length === 0) ok(`README.md: the permissions table lists the build's ${documented.length} permissions and hosts; it links PRIVACY.md; the ${named.length} files its "Security and privacy" section names exist`);
}

async function main(): Promise<void> {
  const { name, version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  console.log(`Store readiness of ${name} ${version} (.output)`);
  const [chromeZip, firefoxZip, sourcesZip] = await Promise.all(
    ['chrome', 'firefox', 'sources'].map((kind) => openZip(path.join(output, `${name}-${version}-${kind}.zip`))),
  );
  const manifests: Manifest[] = [];
  for (const [zip, target, check] of [
    [chromeZip, 'chrome-mv3', checkChrome],
    [firefoxZip, 'firefox-mv3', checkFirefox],
  ] as const) {
    const manifest = zip && (await zipManifest(zip, target));
    if (!manifest) continue;
    manifests.push(manifest);
    const found = check(manifest);
    found.forEach(fail);
    if (found.length === 0) {
      const gecko = manifest.browser_specific_settings?.gecko;
      ok(target === 'chrome-mv3' ? `Chrome zip: MV3, minimum_chrome_version ${manifest.minimum_chrome_version}` : `Firefox zip: gecko id ${gecko?.id}, strict_min_version ${gecko?.strict_min_version}, data_collection_permissions ${JSON.stringify(gecko?.data_collection_permissions)}`);
    }
  }
  if (sourcesZip) await checkSources(sourcesZip);
  if (sourcesZip && process.argv.includes('--rebuild')) await checkRebuild(sourcesZip);
  if (manifests.length === 2) checkDocuments(manifests);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`  ✗ ${problem}`);
    console.error(`Store readiness: ${problems.length} problem(s).`);
    process.exit(1);
  }
  console.log('Store readiness: all checks passed.');
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
