import type { Locator, Page } from '@playwright/test';

/** The Apply section of the Job view. */
export class ApplySection {
  readonly root: Locator;
  readonly cvSelect: Locator;
  readonly fillButton: Locator;
  readonly filledRows: Locator;
  readonly leftRows: Locator;
  readonly problems: Locator;
  readonly error: Locator;
  readonly undoAll: Locator;
  readonly markApplied: Locator;
  readonly markSave: Locator;
  readonly marked: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('apply-section');
    this.cvSelect = this.root.getByTestId('apply-cv');
    this.fillButton = this.root.getByTestId('apply-fill');
    this.filledRows = this.root.getByTestId('apply-filled-row');
    this.leftRows = this.root.getByTestId('apply-left-row');
    this.problems = this.root.getByTestId('apply-problems').locator('li');
    this.error = this.root.getByTestId('apply-error');
    this.undoAll = this.root.getByTestId('apply-undo-all');
    this.markApplied = this.root.getByTestId('apply-mark-applied');
    this.markSave = this.root.getByTestId('apply-mark-save');
    this.marked = this.root.getByTestId('apply-marked');
  }

  filled(field: string): Locator {
    return this.root.locator(`[data-testid="apply-filled-row"][data-field="${field}"]`);
  }

  left(label: string): Locator {
    return this.leftRows.filter({ hasText: label });
  }

  /** Fields the fill reported, as `field → value`. */
  async filledValues(): Promise<Record<string, string>> {
    const rows = await this.filledRows.all();
    const entries = await Promise.all(rows.map(async (row) => [(await row.getAttribute('data-field')) ?? '', (await row.getByTestId('apply-value').textContent()) ?? ''] as const));
    return Object.fromEntries(entries);
  }
}
