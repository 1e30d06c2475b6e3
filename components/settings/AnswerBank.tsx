import { useState } from 'react';
import { Card } from '../Card';

export interface SavedAnswer {
  id: string;
  question: string;
  answer: string;
  /** Already formatted for the user's locale. */
  updated: string;
}

export interface AnswerBankLabels {
  title: string;
  intro: string;
  empty: string;
  edit: string;
  save: string;
  cancel: string;
  remove: string;
  answerLabel: (question: string) => string;
  updated: (date: string) => string;
}

interface Props {
  answers: SavedAnswer[] | undefined;
  labels: AnswerBankLabels;
  /** Error text of the last save or removal, already translated. */
  error?: string;
  onSave(question: string, answer: string): Promise<void> | void;
  onRemove(question: string): Promise<void> | void;
}

/** The answers Apply fills repeated questions from: read, change or remove each one. Text only. */
export function AnswerBank({ answers, labels, error, onSave, onRemove }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  return (
    <Card title={labels.title} testId="answer-bank">
      <p className="jf-muted">{labels.intro}</p>
      {answers && answers.length === 0 ? <p data-testid="answer-bank-empty">{labels.empty}</p> : null}
      <ul className="jf-list">
        {(answers ?? []).map((a) => (
          <li key={a.id} data-testid="saved-answer" data-question={a.question}>
            <strong>{a.question}</strong>
            {editing === a.id ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void Promise.resolve(onSave(a.question, draft)).then(() => setEditing(null));
                }}
              >
                <label className="jf-field">
                  <span>{labels.answerLabel(a.question)}</span>
                  <textarea rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} data-testid="answer-draft" />
                </label>
                <div className="jf-row">
                  <button type="submit" className="jf-button" disabled={!draft.trim()} data-testid="answer-save">
                    {labels.save}
                  </button>
                  <button type="button" className="jf-button secondary" onClick={() => setEditing(null)}>
                    {labels.cancel}
                  </button>
                </div>
              </form>
            ) : (
              <>
                <p data-testid="answer-text">{a.answer}</p>
                <p className="jf-muted">{labels.updated(a.updated)}</p>
                <div className="jf-row">
                  <button
                    type="button"
                    className="jf-button secondary"
                    onClick={() => {
                      setEditing(a.id);
                      setDraft(a.answer);
                    }}
                    data-testid="answer-edit"
                  >
                    {labels.edit}
                  </button>
                  <button type="button" className="jf-button secondary" onClick={() => void onRemove(a.question)} data-testid="answer-remove">
                    {labels.remove}
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      {error ? (
        <p className="jf-error" role="alert" data-testid="answer-bank-error">
          {error}
        </p>
      ) : null}
    </Card>
  );
}
