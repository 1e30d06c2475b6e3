import type { Budget } from './budgets';

export interface Miss {
  name: string;
  value: number | undefined;
  max: number;
  why: string;
}

/** Figures that exceed their budget, or that the run did not produce. */
export function checkBudgets(results: Record<string, number>, budgets: Record<string, Budget>): Miss[] {
  return Object.entries(budgets)
    .filter(([name, b]) => !(Number.isFinite(results[name]) && results[name]! <= b.max))
    .map(([name, b]) => ({ name, value: results[name], max: b.max, why: b.why }));
}
