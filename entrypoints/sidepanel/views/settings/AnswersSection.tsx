import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { AnswerBank } from '@/components/settings/AnswerBank';
import { getDb } from '@/lib/db/open';
import { createAnswersRepo } from '@/lib/db/repos/answers';
import { toAppError } from '@/lib/util/errors';
import { errorMessage } from '@/lib/util/i18n-errors';

/** Settings → saved answers: what Apply fills repeated (and sensitive) questions from. */
export function AnswersSection() {
  const repo = useMemo(() => createAnswersRepo(getDb()), []);
  const rows = useLiveQuery(() => repo.list(), [repo]);
  const [error, setError] = useState<string>();
  const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  const run = async (write: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await write();
    } catch (e) {
      setError(errorMessage(toAppError(e).code));
      throw e;
    }
  };
  return (
    <AnswerBank
      answers={rows?.map((r) => ({ id: r.id, question: r.question, answer: r.answer, updated: format.format(r.updatedAt) }))}
      error={error}
      labels={{
        title: i18n.t('answers.title'),
        intro: i18n.t('answers.intro'),
        empty: i18n.t('answers.empty'),
        edit: i18n.t('answers.edit'),
        save: i18n.t('answers.save'),
        cancel: i18n.t('answers.cancel'),
        remove: i18n.t('answers.remove'),
        answerLabel: (question) => i18n.t('answers.answerLabel', [question]),
        updated: (date) => i18n.t('answers.updated', [date]),
      }}
      onSave={(question, answer) => run(() => repo.save(question, answer)).catch(() => undefined)}
      onRemove={(question) => run(() => repo.save(question, '')).catch(() => undefined)}
    />
  );
}
