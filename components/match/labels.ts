import type { ChipState } from '@/lib/match/keywords';
import type { RequirementStatus, ScoreComponentId } from '@/lib/match/report';

/** Translated text of the match card, built by the view from i18n (components stay free of browser APIs). */
export interface MatchLabels {
  title: string;
  scoreOf: (score: number) => string;
  whyScore: string;
  whyNote: string;
  component: Record<ScoreComponentId, string>;
  columns: { part: string; weight: string; value: string; points: string };
  notAsked: string;
  mustHave: string;
  niceToHave: string;
  status: Record<RequirementStatus, string>;
  showEvidence: string;
  hideEvidence: string;
  fromCv: string;
  fromYou: string;
  notInCv: string;
  postingSays: string;
  years: (found: number, asked: number) => string;
  related: (skill: string) => string;
  noRequirements: string;
  missingKeywords: string;
  missingHint: string;
  noMissing: string;
}

export interface ChipLabels {
  title: string;
  hint: string;
  state: Record<ChipState, string>;
  confirm: (keyword: string) => string;
  remove: (keyword: string) => string;
  restore: (keyword: string) => string;
  factPrompt: (keyword: string) => string;
  factPlaceholder: string;
  factTooShort: string;
  save: string;
  cancel: string;
  addLabel: string;
  addPlaceholder: string;
  add: string;
  userProvided: string;
  /** The translated message for a failed action (an AppError code, or the generic one). */
  errorFor: (error: unknown) => string;
}
