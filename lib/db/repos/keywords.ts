import { type CvFact, factProblem, readFacts } from '../../cv/facts';
import { matchCvOf } from '../../match/cv-input';
import {
  type ConfirmedKeywordWithProof,
  confirmedKeywords,
  KEYWORD_MAX_LENGTH,
  type KeywordChoices,
  readChoices,
  sameKeyword,
} from '../../match/keywords';
import { AppError } from '../../util/errors';
import type { CvRow, JobfitDb } from '../schema';

/** How a confirmation is backed: a line of the CV that shows the skill, or a new fact in the user's words. */
export type KeywordProof = { lineId: string } | { factId: string } | { fact: string };

/**
 * Keyword chip choices per CV and job (the posting's URL), and the facts the user writes to back them.
 * Both live on the CV row (optional, unindexed fields); every change is one transaction on that row.
 */
export function createKeywordsRepo(db: JobfitDb, now: () => number = Date.now) {
  async function change(cvId: string, jobKey: string, edit: (choices: KeywordChoices, row: CvRow) => Partial<CvRow> | void): Promise<void> {
    await db.transaction('rw', db.cvs, async () => {
      const row = await db.cvs.get(cvId);
      if (!row) throw new Error(`cv ${cvId} not found`);
      const choices = readChoices(row.keywordChoices?.[jobKey]);
      const extra = edit(choices, row) ?? {};
      await db.cvs.update(cvId, { ...extra, keywordChoices: { ...row.keywordChoices, [jobKey]: choices } });
    });
  }
  const without = (list: string[], keyword: string) => list.filter((k) => !sameKeyword(k, keyword));

  return {
    choices: async (cvId: string, jobKey: string): Promise<KeywordChoices> => readChoices((await db.cvs.get(cvId))?.keywordChoices?.[jobKey]),
    facts: async (cvId: string): Promise<CvFact[]> => readFacts((await db.cvs.get(cvId))?.facts),

    /**
     * Confirms a keyword with its proof. A CV line or earlier fact must exist on this CV; a new fact
     * must be 10–280 characters and is stored with the CV as user-provided, in the same transaction.
     */
    async confirm(cvId: string, jobKey: string, keyword: string, proof: KeywordProof): Promise<void> {
      const problem = 'fact' in proof ? factProblem(proof.fact) : undefined;
      if (problem) throw new AppError(problem);
      await change(cvId, jobKey, (choices, row) => {
        const at = now();
        choices.removed = without(choices.removed, keyword);
        choices.confirmed = choices.confirmed.filter((c) => !sameKeyword(c.keyword, keyword));
        if ('lineId' in proof) {
          if (!matchCvOf(row.data)?.lines.some((l) => l.id === proof.lineId)) throw new AppError('fact_required');
          choices.confirmed.push({ keyword, proof: { lineId: proof.lineId }, at });
          return;
        }
        if ('factId' in proof) {
          if (!readFacts(row.facts).some((f) => f.id === proof.factId)) throw new AppError('fact_required');
          choices.confirmed.push({ keyword, proof: { factId: proof.factId }, at });
          return;
        }
        const fact: CvFact = { id: crypto.randomUUID(), skill: keyword, text: proof.fact.trim(), source: 'user', createdAt: at };
        choices.confirmed.push({ keyword, proof: { factId: fact.id }, at });
        return { facts: [...readFacts(row.facts), fact] };
      });
    },
    /** Takes a keyword out of the report; a keyword the user added is simply dropped. */
    async remove(cvId: string, jobKey: string, keyword: string): Promise<void> {
      await change(cvId, jobKey, (choices) => {
        choices.confirmed = choices.confirmed.filter((c) => !sameKeyword(c.keyword, keyword));
        if (choices.added.some((k) => sameKeyword(k, keyword))) choices.added = without(choices.added, keyword);
        else if (!choices.removed.some((k) => sameKeyword(k, keyword))) choices.removed.push(keyword);
      });
    },
    /** Puts a removed keyword back as a suggestion. */
    async restore(cvId: string, jobKey: string, keyword: string): Promise<void> {
      await change(cvId, jobKey, (choices) => {
        choices.removed = without(choices.removed, keyword);
      });
    },
    /** Adds the user's own keyword as a suggestion (confirming it still needs proof). */
    async add(cvId: string, jobKey: string, keyword: string): Promise<void> {
      const k = keyword.trim();
      if (!k || k.length > KEYWORD_MAX_LENGTH) throw new AppError('keyword_invalid');
      await change(cvId, jobKey, (choices) => {
        choices.removed = without(choices.removed, k);
        if (!choices.added.some((a) => sameKeyword(a, k))) choices.added.push(k);
      });
    },
    /** The confirmed keywords of a job with their proof: the only ones tailoring may use. */
    async confirmed(cvId: string, jobKey: string): Promise<ConfirmedKeywordWithProof[]> {
      const row = await db.cvs.get(cvId);
      if (!row) return [];
      return confirmedKeywords(readChoices(row.keywordChoices?.[jobKey]), matchCvOf(row.data)?.lines ?? [], readFacts(row.facts));
    },
  };
}

export type KeywordsRepo = ReturnType<typeof createKeywordsRepo>;
