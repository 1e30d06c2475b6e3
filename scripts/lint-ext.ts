/**
 * `web-ext lint` (Mozilla's addons-linter) over both builds, strict: any error or warning fails, except
 * the findings listed below, each with the reason it cannot be fixed. Notices are printed only.
 *
 * Usage: tsx scripts/lint-ext.ts [chrome|firefox ...]   (default: both; build them first)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

type Target = 'chrome' | 'firefox';

interface Finding {
  _type: 'error' | 'warning' | 'notice';
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

interface Allowance {
  code: string;
  /** Further condition on the finding, e.g. the source around it. */
  when?: (finding: Finding, sourceDir: string) => boolean;
  why: string;
}

const root = resolve(import.meta.dirname, '..');

/** True when the flagged spot is React DOM's own handler of the `dangerouslySetInnerHTML` prop. */
function isReactDomInnerHtml(finding: Finding, sourceDir: string): boolean {
  if (!finding.file || !finding.line || finding.column === undefined) return false;
  const line = readFileSync(join(sourceDir, finding.file), 'utf8').split('\n')[finding.line - 1] ?? '';
  const around = line.slice(Math.max(0, finding.column - 400), finding.column + 400);
  return /case\s*["']dangerouslySetInnerHTML["']/.test(around) && /\.innerHTML\s*=/.test(around);
}

const reactDomInnerHtml: Allowance = {
  code: 'UNSAFE_VAR_ASSIGNMENT',
  when: isReactDomInnerHtml,
  why:
    "React DOM's handler for the dangerouslySetInnerHTML prop; Jobfit never passes that prop " +
    '(ESLint forbids it and any innerHTML/outerHTML assignment in our code).',
};

/**
 * True when the flagged spot is @mozilla/readability's own DOM rewriting: restoring the body between
 * attempts (`_grabArticle`) and unwrapping `<noscript>` images. Readability only ever gets a document
 * without a browsing context — a clone of the page in the capture script (`doc.cloneNode(true)`), or a
 * DOMParser document of a dropped HTML file in the panel — so the markup it re-assigns is the page's own
 * and nothing in it runs or loads.
 */
function isReadabilityInnerHtml(finding: Finding, sourceDir: string): boolean {
  if (!finding.file || !finding.line || finding.column === undefined) return false;
  const line = readFileSync(join(sourceDir, finding.file), 'utf8').split('\n')[finding.line - 1] ?? '';
  const around = line.slice(Math.max(0, finding.column - 300), finding.column + 100);
  const restoresBody = /_charThreshold/.test(around) && /_attempts\.push\(\{articleContent/.test(around);
  const unwrapsNoscript = /getElementsByTagName\("noscript"\)/.test(around) && /_isSingleImage/.test(around);
  return restoresBody || unwrapsNoscript;
}

const readabilityInnerHtml: Allowance = {
  code: 'UNSAFE_VAR_ASSIGNMENT',
  when: isReadabilityInnerHtml,
  why:
    "@mozilla/readability re-assigns the page's own markup inside the detached document it reads (a clone of " +
    'the page, or a DOMParser document in the panel: no browsing context, nothing runs or loads); the live page is never written.',
};

/** The source around a finding's column (minified bundles put a whole library on one line). */
function around(finding: Finding, sourceDir: string, before = 160, after = 80): string {
  if (!finding.file || !finding.line || finding.column === undefined) return '';
  const line = readFileSync(join(sourceDir, finding.file), 'utf8').split('\n')[finding.line - 1] ?? '';
  return line.slice(Math.max(0, finding.column - before), finding.column + after);
}

/**
 * Code paths inside the CV libraries the CV view loads on demand (pdf.js, @cantoo/pdf-lib's helpers,
 * docx's bundled underscore and setImmediate polyfill), each matched by its own source. None can run:
 * MV3 pages forbid eval and string-compiled functions by CSP, pdf.js is opened with isEvalSupported
 * false and a real worker, and no string is ever passed to those helpers.
 */
const cvLibraryCode: [RegExp, string][] = [
  [/PostScriptCompiler/, "pdf.js's PostScript function compiler, used only when isEvalSupported is true"],
  [/isEvalSupported|function \w+\(\)\{try\{return new Function\(""\),!0\}catch\{return!1\}\}/, 'pdf.js probing whether eval is allowed (it is not; we also pass isEvalSupported: false)'],
  [/_setupFakeWorkerGlobal|openjpeg_nowasm_fallback/, 'pdf.js importing its own bundled worker or decoder (same origin, never remote)'],
  [/Function\("return this"\)/, "a library's global-object lookup (no string from us)"],
  [/new Function\(\w+,"_",\w+\)/, "underscore's template compiler inside docx; docx never calls it with our text"],
  [/setImmediate=function/, 'the setImmediate polyfill inside docx (string callbacks are never passed)'],
  [/Function\("binder"/, 'the function-bind polyfill inside @cantoo/pdf-lib (no string from us)'],
  [/"%eval%":eval/, "get-intrinsic's table of built-ins naming eval (a reference, never called with our text)"],
];

const cvLibraries: Allowance[] = ['DANGEROUS_EVAL', 'UNSAFE_VAR_ASSIGNMENT'].flatMap((code) =>
  cvLibraryCode.map(([pattern, why]) => ({ code, when: (finding: Finding, sourceDir: string) => pattern.test(around(finding, sourceDir)), why })),
);

// addons-linter checks against Firefox. The Chrome build is linted too (same code, same checks), but a
// Chrome manifest cannot satisfy the Firefox-only manifest rules without breaking or cluttering Chrome.
const allowed: Record<Target, Allowance[]> = {
  chrome: [
    reactDomInnerHtml,
    readabilityInnerHtml,
    ...cvLibraries,
    {
      code: 'BACKGROUND_SERVICE_WORKER_NOFALLBACK',
      why:
        'Chrome runs background.service_worker; a background.scripts fallback is rejected by Chrome < 121 ' +
        '(minimum_chrome_version is 116). The Firefox build declares background.scripts.',
    },
    {
      code: 'ADDON_ID_REQUIRED',
      why: 'The gecko id lives in browser_specific_settings of the Firefox build; Chrome flags that key as unknown.',
    },
    {
      code: 'MISSING_DATA_COLLECTION_PERMISSIONS',
      why: 'A Firefox-only key (browser_specific_settings.gecko); present in the Firefox build.',
    },
    {
      code: 'MANIFEST_PERMISSIONS',
      when: (f) => /"sidePanel"/.test(f.message),
      why: 'sidePanel is Chrome-only; the Firefox build has no such permission and uses sidebar_action.',
    },
  ],
  firefox: [reactDomInnerHtml, readabilityInnerHtml, ...cvLibraries],
};

function lint(target: Target): { unexpected: Finding[]; tolerated: [Finding, string][]; notices: Finding[] } {
  const sourceDir = join(root, '.output', `${target}-mv3`);
  if (!existsSync(join(sourceDir, 'manifest.json'))) {
    throw new Error(`${sourceDir} is missing: run \`npm run build${target === 'firefox' ? ':firefox' : ''}\` first.`);
  }
  const run = spawnSync(
    join(root, 'node_modules', '.bin', 'web-ext'),
    ['lint', '--source-dir', sourceDir, '--self-hosted', '--output', 'json', '--no-config-discovery'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const start = run.stdout.indexOf('{');
  if (start < 0) throw new Error(`web-ext lint printed no report for ${target}:\n${run.stdout}\n${run.stderr}`);
  const report = JSON.parse(run.stdout.slice(start)) as Record<'errors' | 'warnings' | 'notices', Finding[]>;

  const unexpected: Finding[] = [];
  const tolerated: [Finding, string][] = [];
  for (const finding of [...report.errors, ...report.warnings]) {
    const allowance = allowed[target].find((a) => a.code === finding.code && (a.when?.(finding, sourceDir) ?? true));
    if (allowance) tolerated.push([finding, allowance.why]);
    else unexpected.push(finding);
  }
  return { unexpected, tolerated, notices: report.notices };
}

const where = (f: Finding) => (f.file ? ` (${f.file}${f.line ? `:${f.line}` : ''})` : '');

const targets = (process.argv.slice(2).length ? process.argv.slice(2) : ['chrome', 'firefox']) as Target[];
let failed = false;
for (const target of targets) {
  if (!(target in allowed)) throw new Error(`Unknown target "${target}" (chrome or firefox).`);
  const { unexpected, tolerated, notices } = lint(target);
  console.log(`web-ext lint .output/${target}-mv3: ${unexpected.length} unexpected, ${tolerated.length} known`);
  for (const [f, why] of tolerated) console.log(`  known   ${f._type} ${f.code}${where(f)}: ${why}`);
  for (const f of notices) console.log(`  notice  ${f.code}${where(f)}: ${f.message}`);
  for (const f of unexpected) console.log(`  FAIL    ${f._type} ${f.code}${where(f)}: ${f.message}`);
  failed ||= unexpected.length > 0;
}
if (failed) {
  console.error('web-ext lint: fix the findings marked FAIL (or, if one truly cannot be fixed, add it with a reason to scripts/lint-ext.ts).');
  process.exit(1);
}
