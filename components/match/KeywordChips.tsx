import { type FormEvent, useId, useState } from 'react';
import { FACT_LENGTH } from '@/lib/cv/facts';
import { KEYWORD_MAX_LENGTH, type KeywordChip } from '@/lib/match/keywords';
import { Card } from '../Card';
import type { ChipLabels } from './labels';

export interface ChipActions {
  /** `fact` is given when the CV does not show the keyword: the user's words become its evidence. */
  confirm(chip: KeywordChip, fact?: string): Promise<void>;
  remove(chip: KeywordChip): Promise<void>;
  restore(chip: KeywordChip): Promise<void>;
  add(keyword: string): Promise<void>;
}

/**
 * Keyword chips: confirm, remove, restore, add your own. A keyword the CV does not show can only be
 * confirmed with a short fact in the user's words.
 */
export function KeywordChips({ chips, labels, actions }: { chips: KeywordChip[]; labels: ChipLabels; actions: ChipActions }) {
  const [factFor, setFactFor] = useState<string>();
  const [fact, setFact] = useState('');
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const factId = useId();

  async function run(action: () => Promise<void>): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      return true;
    } catch (e) {
      setError(labels.errorFor(e));
      return false;
    } finally {
      setBusy(false);
    }
  }

  function confirm(chip: KeywordChip) {
    if (chip.support) void run(() => actions.confirm(chip));
    else {
      setFactFor(chip.keyword);
      setFact('');
    }
  }

  async function saveFact(event: FormEvent, chip: KeywordChip) {
    event.preventDefault();
    if (await run(() => actions.confirm(chip, fact))) setFactFor(undefined);
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    if (await run(() => actions.add(draft))) setDraft('');
  }

  const pending = chips.find((c) => c.keyword === factFor && c.state !== 'confirmed');
  const factLength = fact.trim().length;
  return (
    <Card title={labels.title} testId="keyword-chips">
      <p className="jf-muted">{labels.hint}</p>
      <ul className="jf-chips">
        {chips.map((chip) => (
          <li key={chip.keyword} className={`jf-chip jf-match-chip jf-match-chip-${chip.state}`} data-testid="keyword-chip" data-keyword={chip.keyword} data-state={chip.state} data-supported={chip.support ? 'true' : 'false'}>
            <span>{chip.keyword}</span>
            <span className="jf-match-visually-hidden"> ({labels.state[chip.state]})</span>
            {chip.state === 'confirmed' && chip.support?.userProvided ? <span className="jf-match-tag">{labels.userProvided}</span> : null}
            {chip.state === 'suggested' ? (
              <button className="jf-match-chip-button" disabled={busy} aria-label={labels.confirm(chip.keyword)} title={labels.confirm(chip.keyword)} onClick={() => confirm(chip)}>
                ✓
              </button>
            ) : null}
            {chip.state === 'removed' ? (
              <button className="jf-match-chip-button" disabled={busy} aria-label={labels.restore(chip.keyword)} title={labels.restore(chip.keyword)} onClick={() => void run(() => actions.restore(chip))}>
                ↺
              </button>
            ) : (
              <button className="jf-match-chip-button" disabled={busy} aria-label={labels.remove(chip.keyword)} title={labels.remove(chip.keyword)} onClick={() => void run(() => actions.remove(chip))}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {pending ? (
        <form className="jf-field" data-testid="fact-form" onSubmit={(e) => void saveFact(e, pending)}>
          <label htmlFor={factId}>{labels.factPrompt(pending.keyword)}</label>
          <textarea id={factId} rows={2} maxLength={FACT_LENGTH.max} placeholder={labels.factPlaceholder} value={fact} onChange={(e) => setFact(e.target.value)} />
          {factLength > 0 && factLength < FACT_LENGTH.min ? <span className="jf-muted">{labels.factTooShort}</span> : null}
          <div className="jf-row">
            <button className="jf-button" type="submit" disabled={busy || factLength < FACT_LENGTH.min}>
              {labels.save}
            </button>
            <button className="jf-button secondary" type="button" onClick={() => setFactFor(undefined)}>
              {labels.cancel}
            </button>
          </div>
        </form>
      ) : null}
      <form className="jf-row" onSubmit={(e) => void add(e)}>
        <label className="jf-match-visually-hidden" htmlFor={`${factId}-add`}>
          {labels.addLabel}
        </label>
        <input id={`${factId}-add`} className="jf-match-input" maxLength={KEYWORD_MAX_LENGTH} placeholder={labels.addPlaceholder} value={draft} onChange={(e) => setDraft(e.target.value)} data-testid="keyword-add" />
        <button className="jf-button secondary" type="submit" disabled={busy || !draft.trim()}>
          {labels.add}
        </button>
      </form>
      {error ? (
        <p className="jf-error" role="alert">
          {error}
        </p>
      ) : null}
    </Card>
  );
}
