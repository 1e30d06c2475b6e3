import { answerToFact, type AiFact } from './prompts';
import type { GuidedQuestions } from './schemas';

/**
 * The guided questions, one at a time: answer or skip each, with progress (1/3 …). Every answer
 * becomes a user-provided fact; when the session is done, `facts` feed the tailoring update
 * (`buildTailoringPrompt({ facts, previous })`), which goes through the same post-check.
 */

export interface GuidedSession {
  questions: GuidedQuestions['questions'];
  /** Index of the question shown; equals `questions.length` when done. */
  current: number;
  /** Per question: the fact made from its answer, `skipped`, or undefined when not reached yet. */
  outcomes: (AiFact | 'skipped' | undefined)[];
  /** Facts known before the session (ids continue after them) plus the new answers. */
  facts: AiFact[];
}

export function startGuided(questions: GuidedQuestions['questions'], facts: readonly AiFact[] = []): GuidedSession {
  return { questions: [...questions], current: 0, outcomes: questions.map(() => undefined), facts: [...facts] };
}

export const isGuidedDone = (s: GuidedSession) => s.current >= s.questions.length;

/** "2/3": the question shown (1-based) and the total; `done` once every question is answered or skipped. */
export function guidedProgress(s: GuidedSession): { step: number; total: number; done: boolean; answered: number } {
  return {
    step: Math.min(s.current + 1, s.questions.length),
    total: s.questions.length,
    done: isGuidedDone(s),
    answered: s.outcomes.filter((o) => o && o !== 'skipped').length,
  };
}

/** Records the answer to the current question (an empty answer counts as a skip) and moves on. */
export function answerGuided(s: GuidedSession, answer: string): GuidedSession {
  if (isGuidedDone(s)) return s;
  if (!answer.trim()) return skipGuided(s);
  const fact = answerToFact(answer, s.facts, s.questions[s.current]!.skill);
  const outcomes = [...s.outcomes];
  outcomes[s.current] = fact;
  return { ...s, current: s.current + 1, outcomes, facts: [...s.facts, fact] };
}

export function skipGuided(s: GuidedSession): GuidedSession {
  if (isGuidedDone(s)) return s;
  const outcomes = [...s.outcomes];
  outcomes[s.current] = 'skipped';
  return { ...s, current: s.current + 1, outcomes };
}

/** The facts the session added (for saving with the job). */
export function newFacts(s: GuidedSession): AiFact[] {
  return s.outcomes.filter((o): o is AiFact => !!o && o !== 'skipped');
}
