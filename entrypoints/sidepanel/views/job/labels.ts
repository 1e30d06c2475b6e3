import { i18n } from '#i18n';
import type { ChipLabels, MatchLabels } from '@/components/match/labels';
import { messageFor } from '@/lib/util/i18n-errors';

const number = (n: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(n);

export function matchLabels(): MatchLabels {
  return {
    title: i18n.t('match.title'),
    scoreOf: (score) => i18n.t('match.scoreOf', [String(score)]),
    whyScore: i18n.t('match.whyScore'),
    whyNote: i18n.t('match.whyNote'),
    component: {
      must: i18n.t('match.partMust'),
      nice: i18n.t('match.partNice'),
      title: i18n.t('match.partTitle'),
      seniority: i18n.t('match.partSeniority'),
      education: i18n.t('match.partEducation'),
      soft: i18n.t('match.partSoft'),
      ats: i18n.t('match.partAts'),
    },
    columns: { part: i18n.t('match.colPart'), weight: i18n.t('match.colWeight'), value: i18n.t('match.colValue'), points: i18n.t('match.colPoints') },
    notAsked: i18n.t('match.notAsked'),
    mustHave: i18n.t('match.mustHave'),
    niceToHave: i18n.t('match.niceToHave'),
    status: { matched: i18n.t('match.statusMatched'), partial: i18n.t('match.statusPartial'), missing: i18n.t('match.statusMissing') },
    showEvidence: i18n.t('match.showEvidence'),
    hideEvidence: i18n.t('match.hideEvidence'),
    fromCv: i18n.t('match.fromCv'),
    fromYou: i18n.t('match.fromYou'),
    notInCv: i18n.t('match.notInCv'),
    postingSays: i18n.t('match.postingSays'),
    years: (found, asked) => i18n.t('match.years', [number(found), number(asked)]),
    related: (skill) => i18n.t('match.related', [skill]),
    noRequirements: i18n.t('match.noRequirements'),
    missingKeywords: i18n.t('match.missingKeywords'),
    missingHint: i18n.t('match.missingHint'),
    noMissing: i18n.t('match.noMissing'),
  };
}

export function chipLabels(): ChipLabels {
  return {
    title: i18n.t('match.chipsTitle'),
    hint: i18n.t('match.chipsHint'),
    state: { confirmed: i18n.t('match.chipConfirmed'), suggested: i18n.t('match.chipSuggested'), removed: i18n.t('match.chipRemoved') },
    confirm: (k) => i18n.t('match.confirmChip', [k]),
    remove: (k) => i18n.t('match.removeChip', [k]),
    restore: (k) => i18n.t('match.restoreChip', [k]),
    factPrompt: (k) => i18n.t('match.factPrompt', [k]),
    factPlaceholder: i18n.t('match.factPlaceholder'),
    factTooShort: i18n.t('match.factTooShort'),
    save: i18n.t('match.save'),
    cancel: i18n.t('match.cancel'),
    addLabel: i18n.t('match.addLabel'),
    addPlaceholder: i18n.t('match.addPlaceholder'),
    add: i18n.t('match.add'),
    userProvided: i18n.t('match.userProvided'),
    errorFor: messageFor,
  };
}
