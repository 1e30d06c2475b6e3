import type { Locator, Page } from '@playwright/test';

export const SHELL_ROUTES = ['job', 'cv', 'tracker', 'usage', 'settings'] as const;
export type ShellRoute = (typeof SHELL_ROUTES)[number];

/** The side panel UI. Tests open it as a tab pinned to a tab with `?tabId=N` (the documented app-tab binding). */
export class SidePanelPage {
  readonly headerTitle: Locator;
  readonly postingCard: Locator;
  readonly postingTitle: Locator;
  readonly postingMeta: Locator;
  readonly noJob: Locator;
  readonly analyzeButton: Locator;
  readonly alert: Locator;
  readonly main: Locator;
  readonly saveButton: Locator;
  readonly savedJob: Locator;
  readonly statusSelect: Locator;
  readonly probableDuplicate: Locator;

  constructor(readonly page: Page) {
    this.headerTitle = page.getByTestId('header-title');
    this.postingCard = page.getByTestId('posting-card');
    this.postingTitle = page.getByTestId('posting-title');
    this.postingMeta = page.getByTestId('posting-meta');
    this.noJob = page.getByTestId('no-job');
    this.analyzeButton = page.getByTestId('analyze');
    this.alert = page.getByTestId('capture-error').getByRole('alert');
    this.main = page.locator('main');
    this.saveButton = page.getByTestId('save-job');
    this.savedJob = page.getByTestId('saved-job');
    this.statusSelect = page.getByTestId('job-status');
    this.probableDuplicate = page.getByTestId('probable-duplicate');
  }

  static url(extensionId: string, tabId?: number): string {
    return `chrome-extension://${extensionId}/sidepanel.html${tabId === undefined ? '' : `?tabId=${tabId}`}`;
  }

  async open(extensionId: string, tabId: number): Promise<this> {
    await this.page.goto(SidePanelPage.url(extensionId, tabId));
    await this.page.locator(`main[data-bound-tab="${tabId}"]`).waitFor();
    return this;
  }

  async analyze(): Promise<void> {
    await this.analyzeButton.click();
  }

  /** The shell's view tab (Job, CV, Tracker, Usage, Settings). */
  nav(route: ShellRoute): Locator {
    return this.page.getByTestId(`nav-${route}`);
  }

  /** The mounted view's panel; only the active view is in the DOM. */
  view(route: ShellRoute): Locator {
    return this.page.getByTestId(`view-${route}`);
  }

  async show(route: ShellRoute): Promise<Locator> {
    await this.nav(route).click();
    await this.page.locator(`main[data-route="${route}"]`).waitFor();
    return this.view(route);
  }
}
