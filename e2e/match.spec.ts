import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { importCvText } from '../lib/cv/import/index';
import { type ExtensionHarness, expect, test } from './fixtures';
import { MatchSection } from './po/match-section';
import { accessibilityProblems } from './support/axe';
import { allRows, putRows } from './support/idb';

// The offline match in the Job view, with no API key configured: the default CV (a row in the panel's
// own IndexedDB, parsed by Jobfit's importer from the repo's hand-made fixture CV) against a served posting.

const CV_TEXT = readFileSync(join(import.meta.dirname, '../lib/cv/fixtures/jane-public.txt'), 'utf8');

/** Puts a default CV row into the extension's database, as the CV view would store it. */
async function storeDefaultCv(page: Page): Promise<void> {
  const data = importCvText(CV_TEXT, { fileName: 'jane-public.txt' });
  await putRows(page, 'cvs', [{ id: 'cv-jane', name: 'Jane', isDefault: 1, data, createdAt: 1, updatedAt: 1 }]);
}

async function panelWithCv(ext: ExtensionHarness) {
  const job = await ext.openTab('match-posting.html');
  const panel = await ext.openPanel(job.tabId);
  // The panel created the database; the CV goes in before the capture.
  await expect.poll(() => panel.page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === 'jobfit'))).toBe(true);
  await storeDefaultCv(panel.page);
  await panel.page.reload();
  await ext.clickToolbarButton(job.page);
  return { job, panel, match: new MatchSection(panel.page) };
}

test('a captured posting gets a score with its parts and the CV lines as evidence, with no key', async ({ ext }) => {
  const { panel, match } = await panelWithCv(ext);
  await expect(panel.postingTitle).toHaveText('Senior Backend Engineer');
  await expect(match.score).toBeVisible();
  const score = await match.scoreValue();
  expect(score).toBeGreaterThan(0);
  expect(score).toBeLessThan(100);
  await expect(match.score).toHaveAttribute('aria-valuenow', String(score));

  await match.why.locator('summary').click();
  await expect(match.why.locator('[data-component="must"]')).toContainText('40');
  await expect(match.why.locator('[data-component="education"]')).toContainText('not asked');

  await expect(match.requirement('Go')).toHaveAttribute('data-status', 'matched');
  await expect(match.requirement('Kafka')).toHaveAttribute('data-status', 'missing');
  await match.requirement('Go').getByRole('button', { name: 'Show evidence' }).click();
  await expect(match.requirement('Go').getByTestId('evidence')).toContainText('Your CV:');
  await expect(match.requirement('Go').locator('mark')).toHaveText('Go');
  await expect(match.missingKeywords).toContainText('Kafka');
});

test('removing a chip takes the keyword out of the report and the score, and stays removed', async ({ ext }) => {
  const { panel, match } = await panelWithCv(ext);
  await expect(match.requirement('Kafka')).toHaveAttribute('data-status', 'missing');
  const before = await match.scoreValue();

  await match.chip('Kafka').getByRole('button', { name: 'Remove Kafka' }).click();

  await expect(match.chip('Kafka')).toHaveAttribute('data-state', 'removed');
  await expect(match.requirement('Kafka')).toHaveCount(0);
  await expect(match.missingKeywords).not.toContainText('Kafka');
  await expect.poll(() => match.scoreValue()).toBeGreaterThan(before);

  await panel.page.reload();
  await expect(match.chip('Kafka')).toHaveAttribute('data-state', 'removed');
  await match.chip('Kafka').getByRole('button', { name: 'Put Kafka back' }).click();
  await expect(match.requirement('Kafka')).toHaveAttribute('data-status', 'missing');
  await expect.poll(() => match.scoreValue()).toBe(before);
});

test('a chip the CV does not show is confirmed only with the user’s fact, which becomes its evidence', async ({ ext }) => {
  const { panel, match } = await panelWithCv(ext);
  await expect(match.chip('Rust')).toHaveAttribute('data-supported', 'false');
  await expect(match.requirement('Rust')).toHaveAttribute('data-status', 'missing');

  await match.chip('Rust').getByRole('button', { name: 'Confirm Rust' }).click();
  await expect(match.factForm).toContainText('Your CV does not show Rust');
  await expect(match.chip('Rust')).toHaveAttribute('data-state', 'suggested');
  const save = match.factForm.getByRole('button', { name: 'Save' });
  await expect(save).toBeDisabled();
  await match.factForm.getByRole('textbox').fill('Rust');
  await expect(save).toBeDisabled();
  await match.factForm.getByRole('textbox').fill('Wrote Rust tooling for our CI at Acme');
  await save.click();

  await expect(match.chip('Rust')).toHaveAttribute('data-state', 'confirmed');
  await expect(match.chip('Rust')).toContainText('your words');
  await expect(match.requirement('Rust')).toHaveAttribute('data-status', 'matched');
  await match.requirement('Rust').getByRole('button', { name: 'Show evidence' }).click();
  await expect(match.requirement('Rust').getByTestId('evidence')).toContainText('Your own words: Wrote Rust tooling for our CI at Acme');

  // A chip the CV shows is confirmed directly.
  await match.chip('Go').getByRole('button', { name: 'Confirm Go' }).click();
  await expect(match.chip('Go')).toHaveAttribute('data-state', 'confirmed');

  type CvRowSeen = { id: string; facts?: unknown[]; keywordChoices?: Record<string, { confirmed: { keyword: string }[] }> };
  const row = (await allRows<CvRowSeen>(panel.page, 'cvs')).find((r) => r.id === 'cv-jane')!;
  expect(row.facts).toEqual([expect.objectContaining({ skill: 'Rust', text: 'Wrote Rust tooling for our CI at Acme', source: 'user' })]);
  expect(Object.values(row.keywordChoices ?? {})[0]?.confirmed.map((c) => c.keyword)).toEqual(['Rust', 'Go']);
});

test('with no CV yet, the posting’s keywords and a way to add a CV', async ({ ext }) => {
  const job = await ext.openTab('match-posting.html');
  const panel = await ext.openPanel(job.tabId);
  await ext.clickToolbarButton(job.page);
  const match = new MatchSection(panel.page);
  await expect(match.postingKeywords).toContainText('Kafka');
  await expect(match.postingKeywords).toContainText('Rust');
  await expect(match.card).toHaveCount(0);
  const link = match.addCv.getByRole('link', { name: 'Add your CV' });
  await expect(link).toHaveAttribute('href', '#/cv');
  await link.click();
  // The shell routes by the hash: the CV view replaces the Job view.
  await expect(panel.page).toHaveURL(/#\/cv$/);
  await expect(match.addCv).toHaveCount(0);
});

test('the match passes axe at panel width, with evidence open and the fact form shown', async ({ ext }) => {
  const { panel, match } = await panelWithCv(ext);
  await panel.page.setViewportSize({ width: 400, height: 860 });
  await match.why.locator('summary').click();
  await match.requirement('Go').getByRole('button', { name: 'Show evidence' }).click();
  await match.chip('Kafka').getByRole('button', { name: 'Confirm Kafka' }).click();
  await expect(match.factForm).toBeVisible();
  expect(await accessibilityProblems(panel.page)).toEqual([]);
});

test.describe('in French', () => {
  test.use({ uiLanguage: 'fr' });

  test('the match card and the chips speak French', async ({ ext }) => {
    const { match } = await panelWithCv(ext);
    await expect(match.card.getByRole('heading', { level: 2 })).toHaveText('Adéquation de votre CV');
    await expect(match.score).toHaveAttribute('aria-label', /^Score d’adéquation : \d+ sur 100$/);
    await expect(match.requirement('Go').getByRole('button')).toHaveText('Voir la preuve');
    await match.chip('Rust').getByRole('button', { name: 'Confirmer Rust' }).click();
    await expect(match.factForm).toContainText('Votre CV ne montre pas Rust');
    for (const english of ['Show evidence', 'Missing keywords', 'Why this score', 'Keywords']) {
      await expect(match.card).not.toContainText(english);
      await expect(match.chips).not.toContainText(english);
    }
  });
});
