import { normalizeQuestion } from '../../apply/text';
import type { AnswerRow, JobfitDb } from '../schema';

/**
 * The answer bank: the user's own answers to questions application forms repeat, keyed by the normalised
 * question text (lib/apply/text.ts). Only answers the user wrote or corrected are stored; sensitive
 * questions (EEO, visa, work authorisation) are filled from here and from nowhere else.
 */
export function createAnswersRepo(db: JobfitDb, now: () => number = Date.now) {
  return {
    list: () => db.answers.orderBy('question').toArray(),
    get: (question: string) => db.answers.where('question').equals(normalizeQuestion(question)).first(),
    /** Saves or replaces the answer to a question; an empty answer deletes it. */
    async save(question: string, answer: string): Promise<AnswerRow | undefined> {
      const key = normalizeQuestion(question);
      if (!key) throw new Error('a saved answer needs a question');
      const text = answer.trim().slice(0, 5_000);
      return db.transaction('rw', db.answers, async () => {
        const existing = await db.answers.where('question').equals(key).toArray();
        if (!text) {
          await db.answers.bulkDelete(existing.map((row) => row.id));
          return undefined;
        }
        const row: AnswerRow = { id: existing[0]?.id ?? crypto.randomUUID(), question: key, answer: text, updatedAt: now() };
        await db.answers.bulkDelete(existing.slice(1).map((r) => r.id));
        await db.answers.put(row);
        return row;
      });
    },
  };
}

export type AnswersRepo = ReturnType<typeof createAnswersRepo>;
