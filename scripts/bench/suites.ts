/**
 * The bench suites, run in this order by `npm run bench`. Each returns flat named figures; a suite whose
 * material is missing (no ../shared corpus in a newcomer's clone) returns what it can and says why.
 * Add a feature's suite as its own file and one line here.
 */
import { measureAi } from './ai';
import { measureApply } from './apply';
import { measureBundle } from './bundle';
import { measureLlm } from './llm';
import { measureCapture } from './capture';
import { measureCv } from './cv';
import { measureSkills } from './skills';
import { measureTracker } from './tracker';

export interface BenchContext {
  /** The built Chrome extension (.output/chrome-mv3). */
  outDir: string;
  root: string;
}

export interface BenchSuite {
  name: string;
  run(context: BenchContext): Promise<SuiteResult>;
}

export interface SuiteResult {
  results: Record<string, number>;
  /** Files counted per figure, printed beside it (bundle sizes). */
  files?: Record<string, string[]>;
}

export const suites: BenchSuite[] = [
  { name: 'bundle', run: ({ outDir }) => measureBundle(outDir) },
  { name: 'skills', run: async () => ({ results: await measureSkills() }) },
  { name: 'llm', run: async () => ({ results: await measureLlm() }) },
  { name: 'capture', run: ({ outDir }) => measureCapture(outDir) },
  { name: 'ai', run: async () => ({ results: await measureAi() }) },
  { name: 'tracker', run: async ({ outDir, root }) => ({ results: await measureTracker(outDir, root) }) },
  { name: 'cv', run: () => measureCv() },
  { name: 'apply', run: ({ outDir }) => measureApply(outDir) },
];
