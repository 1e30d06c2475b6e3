import type { Locator, Page } from '@playwright/test';

/** Settings page (options_ui). The key field is write-only: after saving only the hint is shown. */
export class OptionsPage {
  readonly keyInput: Locator;
  readonly keySave: Locator;
  readonly keyHint: Locator;
  readonly keyStatus: Locator;

  constructor(readonly page: Page) {
    this.keyInput = page.getByTestId('key-input');
    this.keySave = page.getByTestId('key-save');
    this.keyHint = page.getByTestId('key-hint');
    this.keyStatus = page.getByTestId('key-status');
  }

  static url(extensionId: string): string {
    return `chrome-extension://${extensionId}/options.html`;
  }

  async open(extensionId: string): Promise<this> {
    await this.page.goto(OptionsPage.url(extensionId));
    await this.keySection().waitFor();
    return this;
  }

  keySection(): Locator {
    return this.page.getByTestId('key-section');
  }

  async saveKey(key: string): Promise<void> {
    await this.keyInput.fill(key);
    await this.keySave.click();
  }
}
