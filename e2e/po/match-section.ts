import type { Locator, Page } from '@playwright/test';

/** The match section of the Job view: score, requirements with evidence, keyword chips. */
export class MatchSection {
  readonly card: Locator;
  readonly score: Locator;
  readonly why: Locator;
  readonly missingKeywords: Locator;
  readonly chips: Locator;
  readonly factForm: Locator;
  readonly addCv: Locator;
  readonly postingKeywords: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByTestId('match-card');
    this.score = page.getByTestId('match-score');
    this.why = page.getByTestId('match-why');
    this.missingKeywords = page.getByTestId('missing-keywords');
    this.chips = page.getByTestId('keyword-chips');
    this.factForm = page.getByTestId('fact-form');
    this.addCv = page.getByTestId('add-cv');
    this.postingKeywords = page.getByTestId('posting-keywords');
  }

  requirement(skill: string): Locator {
    return this.card.locator(`[data-testid="requirement"][data-skill="${skill}"]`);
  }

  chip(keyword: string): Locator {
    return this.chips.locator(`[data-testid="keyword-chip"][data-keyword="${keyword}"]`);
  }

  async scoreValue(): Promise<number> {
    return Number(await this.score.getAttribute('data-score'));
  }
}
