import type { Budget } from './budgets';

export interface Miss {
  name: string;
  value: number | undefined;
  budget: Budget;
}

export function meetsBudget(value: number | undefined, budget: Budget): boolean {
  if (value === undefined || !Number.isFinite(value)) return false;
  return (budget.max === undefined || value <= budget.max) && (budget.min === undefined || value >= budget.min);
}

/** Figures outside their budget, or that the run did not produce. */
export function checkBudgets(results: Record<string, number>, budgets: Record<string, Budget>): Miss[] {
  return Object.entries(budgets)
    .filter(([name, budget]) => !meetsBudget(results[name], budget))
    .map(([name, budget]) => ({ name, value: results[name], budget }));
}

/** "≤ 307200", "≥ 0.6", "between 1 and 2". */
export function describeBudget(budget: Budget): string {
  if (budget.max !== undefined && budget.min !== undefined) return `between ${budget.min} and ${budget.max}`;
  return budget.max !== undefined ? `≤ ${budget.max}` : `≥ ${budget.min}`;
}
