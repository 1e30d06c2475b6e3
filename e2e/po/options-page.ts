import { expect, type Locator, type Page } from '@playwright/test';

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

  /**
   * The AI settings as a user makes them: the endpoint (a local mock), the key (its hint appears), the
   * profile used for redaction, and a model for each feature given.
   */
  async setUpAi(input: { baseURL: string; apiKey: string; profile: Record<string, string>; models: Record<string, string> }): Promise<void> {
    const page = this.page;
    await page.getByTestId('endpoint-input').fill(input.baseURL);
    await page.getByTestId('endpoint-save').click();
    await this.saveKey(input.apiKey);
    await expect(this.keyHint).toContainText('sk-or-');
    for (const [field, value] of Object.entries(input.profile)) await page.getByTestId(`profile-${field}`).fill(value);
    await page.getByTestId('profile-save').click();
    for (const [feature, model] of Object.entries(input.models)) await page.getByTestId(`model-${feature}`).selectOption(model);
  }
}
