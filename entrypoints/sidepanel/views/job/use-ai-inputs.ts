import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { type AiFact, cvPromptLines, type PromptCvLine } from '@/lib/ai/prompts';
import type { JobPosting } from '@/lib/capture/types';
import { readFacts } from '@/lib/cv/facts';
import type { Cv } from '@/lib/cv/model';
import { getDb } from '@/lib/db/open';
import { createKeywordsRepo } from '@/lib/db/repos/keywords';
import type { CvRow } from '@/lib/db/schema';
import { aiFactsOf } from '@/lib/panel/ai-review';

/** The default CV row and its model, once it parses. */
export interface AiMaster {
  row: CvRow;
  cv: Cv;
}

/**
 * What tailoring and cover letters send: the master's lines with ids (no contact lines), the user's
 * facts (`f1`…), and the keyword chips confirmed for this posting only. `confirmed` is undefined while loading.
 */
export function useAiInputs(posting: JobPosting, master: AiMaster | null): { cvLines: PromptCvLine[] | undefined; facts: AiFact[]; confirmed: string[] | undefined } {
  const cv = master?.cv;
  const cvLines = useMemo(() => (cv ? cvPromptLines(cv) : undefined), [cv]);
  const stored = master?.row.facts;
  const facts = useMemo(() => aiFactsOf(readFacts(stored)), [stored]);
  const cvId = master?.row.id;
  const confirmed = useLiveQuery(
    async () => (cvId ? (await createKeywordsRepo(getDb()).confirmed(cvId, posting.url)).map((k) => k.keyword) : []),
    [cvId, posting.url],
  );
  return { cvLines, facts, confirmed };
}
