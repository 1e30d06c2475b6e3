import { useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';
import type * as AiLib from '@/lib/ai';
import type { ErrorCode } from '@/lib/util/errors';

/** Where the post-check of one finished run stands. */
export type PostCheck<T> =
  | { status: 'invalid' }
  | { status: 'checking' }
  | { status: 'error'; code: ErrorCode }
  | { status: 'ready'; value: T };

/**
 * Parses a run's result with its schema and post-checks it once per result. lib/ai is loaded here,
 * lazily, because the post-check brings the skill taxonomy, which stays out of the panel's first bundle.
 * Checked once per run on purpose: inputs that change later (facts, chips) do not reshuffle the user's
 * approvals.
 */
export function usePostCheck<S extends z.ZodType, T>(
  result: unknown,
  schema: S,
  check: (ai: typeof AiLib, data: z.infer<S>) => T | Promise<T>,
): PostCheck<T> {
  const parsed = useMemo(() => schema.safeParse(result), [schema, result]);
  const [outcome, setOutcome] = useState<PostCheck<T>>({ status: 'checking' });
  useEffect(() => {
    if (!parsed.success) return;
    let cancelled = false;
    import('@/lib/ai')
      .then((ai) => check(ai, parsed.data))
      .then((value) => !cancelled && setOutcome({ status: 'ready', value }))
      .catch(() => !cancelled && setOutcome({ status: 'error', code: 'internal' }));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [parsed]);
  return parsed.success ? outcome : { status: 'invalid' };
}
