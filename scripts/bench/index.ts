/**
 * npm run bench [-- --check] [-- --no-build]
 *
 * Builds the Chrome extension (unless --no-build), measures it and writes bench/results.json:
 * { machine, date, results: { "<name>": number } }. With --check, exits 1 when a figure misses its
 * budget in scripts/bench/budgets.ts. Timings are printed and recorded, never gated.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { budgets } from './budgets';
import { checkBudgets, describeBudget } from './check';
import { machineInfo } from './machine';
import { suites } from './suites';

const root = resolve(import.meta.dirname, '../..');
const outDir = join(root, '.output', 'chrome-mv3');
const args = new Set(process.argv.slice(2));
const unknown = [...args].filter((a) => !['--check', '--no-build'].includes(a));
if (unknown.length) {
  console.error(`Unknown option(s): ${unknown.join(' ')}. Usage: npm run bench [-- --check] [-- --no-build]`);
  process.exit(2);
}

const timings: Record<string, number> = {};
if (!args.has('--no-build') || !existsSync(join(outDir, 'manifest.json'))) {
  console.log('Building the Chrome extension (wxt build)…');
  const started = performance.now();
  const build = spawnSync(join(root, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) {
    console.error(build.stdout, build.stderr);
    console.error('wxt build failed.');
    process.exit(1);
  }
  timings['time.build_chrome_ms'] = Math.round(performance.now() - started);
}

const results: Record<string, number> = {};
const files: Record<string, string[]> = {};
for (const suite of suites) {
  const started = performance.now();
  const out = await suite.run({ outDir, root });
  Object.assign(results, out.results);
  Object.assign(files, out.files ?? {});
  timings[`time.bench_${suite.name}_ms`] = Math.round(performance.now() - started);
}
Object.assign(results, timings);
const report = { machine: machineInfo(), date: new Date().toISOString(), results };
mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(report, null, 2)}\n`);

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const show = (name: string, value: number) =>
  name.endsWith('_bytes') ? `${value} B (${kib(value)})` : name.endsWith('_ms') ? `${value} ms` : `${value}`;
const width = Math.max(...Object.keys(results).map((k) => k.length));
console.log(`\n${report.machine.cpuModel} × ${report.machine.cpus}, ${report.machine.totalMemGiB} GiB, node ${report.machine.node}`);
for (const [name, value] of Object.entries(results)) {
  const budget = budgets[name];
  const limit = budget ? `  budget ${describeBudget(budget)}` : '';
  const counted = files[name]?.length ? `  [${files[name].join(', ')}]` : '';
  console.log(`  ${name.padEnd(width)}  ${show(name, value)}${limit}${counted}`);
}
console.log('\nWrote bench/results.json');

if (args.has('--check')) {
  const misses = checkBudgets(results, budgets);
  if (misses.length) {
    console.error(`\nBench check FAILED: ${misses.length} figure(s) outside their budget:`);
    for (const m of misses) {
      const value = m.value === undefined ? 'not measured' : String(m.value);
      console.error(`  ✗ ${m.name}: ${value}, budget ${describeBudget(m.budget)} (${m.budget.why})`);
    }
    process.exit(1);
  }
  console.log(`Bench check passed: ${Object.keys(budgets).length} budget(s) met.`);
}
