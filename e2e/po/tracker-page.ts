import type { Locator, Page } from '@playwright/test';

/** The Tracker view inside the app shell. */
export class TrackerPage {
  readonly view: Locator;
  readonly rows: Locator;
  readonly drawer: Locator;
  readonly empty: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('tracker-view');
    this.rows = page.getByTestId('tracker-row');
    this.drawer = page.getByTestId('job-drawer');
    this.empty = page.getByTestId('tracker-empty');
  }

  row(title: string): Locator {
    return this.rows.filter({ hasText: title });
  }

  column(status: string): Locator {
    return this.page.locator(`[data-testid="board-column"][data-status="${status}"]`);
  }

  card(title: string): Locator {
    return this.page.getByTestId('board-card').filter({ hasText: title });
  }

  async showTab(tab: 'table' | 'board' | 'tasks' | 'stats'): Promise<void> {
    await this.page.getByTestId(`tracker-tab-${tab}`).click();
  }

  async openJob(title: string): Promise<Locator> {
    await this.showTab('table');
    await this.row(title).getByRole('button', { name: title }).click();
    await this.drawer.waitFor();
    return this.drawer;
  }

  /** Drags a board card onto another column with real pointer moves (dnd-kit's pointer sensor). */
  async dragCard(title: string, toStatus: string): Promise<void> {
    const card = this.card(title);
    await card.scrollIntoViewIfNeeded();
    const from = (await card.boundingBox())!;
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 });
    const target = this.column(toStatus);
    await target.evaluate((el) => el.scrollIntoView({ inline: 'center', block: 'nearest' }));
    const to = (await target.boundingBox())!;
    await this.page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 12 });
    await this.page.mouse.up();
  }
}
