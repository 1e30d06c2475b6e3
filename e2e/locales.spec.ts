import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { SHELL_ROUTES, SidePanelPage } from './po/side-panel-page';
import type { Chrome } from './support/chrome';
import { BUILD_DIR } from './support/paths';

declare const chrome: Chrome;

// Each locale in a browser of its own (`--lang`; Debian needs chromium-l10n for it): every view's text
// must be the translation, with no English sentence of Jobfit's left in it.

type Messages = Record<string, { message: string }>;
const messages = (lang: string): Messages =>
  JSON.parse(fs.readFileSync(path.join(BUILD_DIR, '_locales', lang, 'messages.json'), 'utf8')) as Messages;

/**
 * English fragments that must not appear: each English message that the locale translates differently,
 * cut at its placeholders ($1) and kept when long enough to be a phrase rather than a shared word.
 */
function englishFragments(lang: string): string[] {
  const en = messages('en');
  const other = messages(lang);
  const fragments = new Set<string>();
  for (const [key, { message }] of Object.entries(en)) {
    if (key.startsWith('@@') || other[key]?.message === message) continue;
    for (const part of message.split(/\$\d+/)) {
      const text = part.trim();
      if (text.length >= 8 && /[a-z]{3}/i.test(text)) fragments.add(text);
    }
  }
  return [...fragments];
}

for (const lang of ['es', 'fr'] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ uiLanguage: lang });

    test(`every view, the welcome page and the settings page are in ${lang}`, async ({ ext }) => {
      const english = englishFragments(lang);
      expect(english.length).toBeGreaterThan(100);
      const job = await ext.openTab('job-posting.html');
      await ext.clickToolbarButton(job.page);
      await ext.waitForCapture(job.tabId);
      const panel = await ext.openPanel(job.tabId);
      const uiLanguage = await panel.page.evaluate(() => chrome.i18n.getUILanguage());
      expect(uiLanguage, 'the browser did not switch language: install chromium-l10n').toMatch(new RegExp(`^${lang}`));

      const leftovers: string[] = [];
      const check = async (where: string) => {
        const text = await panel.page.locator('body').innerText();
        for (const fragment of english) if (text.includes(fragment)) leftovers.push(`${where}: "${fragment}"`);
      };
      for (const route of SHELL_ROUTES) {
        await panel.show(route);
        await panel.page.waitForLoadState('networkidle');
        await check(`#/${route}`);
      }
      // The Job view's states: the posting, then the error with its hint.
      await panel.show('job');
      await expect(panel.postingCard).toContainText(messages(lang).panel_fromJsonLd!.message);
      await panel.page.goto(`${ext.origin}/onboarding.html`);
      await check('welcome page');
      await panel.page.goto(`${ext.origin}/options.html`);
      await check('options page');
      expect(leftovers).toEqual([]);
    });

    test(`the Job view's error and permission hints are in ${lang}`, async ({ ext }) => {
      const job = await ext.openTab('job-posting.html');
      const panel = await ext.openPanel(job.tabId);
      await panel.analyze();
      await expect(panel.alert).toHaveAttribute('data-code', 'needs_permission');
      await expect(panel.alert).toHaveText(messages(lang).errors_needs_permission!.message);
      await expect(new SidePanelPage(panel.page).nav('job')).toHaveText(messages(lang).shell_nav_job!.message);
    });
  });
}
