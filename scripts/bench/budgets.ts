/**
 * Budgets gated by `npm run bench -- --check`. Only byte sizes and ratios belong here: they do not depend
 * on the machine. Absolute timings are printed, never gated.
 */
export interface Budget {
  max: number;
  why: string;
}

export const budgets: Record<string, Budget> = {
  'bundle.content_always_on_bytes': {
    max: 0,
    why: 'nothing is injected into every page; capture runs on demand (activeTab / allowed sites)',
  },
  'bundle.panel_initial_js_gzip_bytes': {
    max: 300 * 1024,
    why: 'the side panel opens on the Job view quickly; heavy features load lazily',
  },
};
