import { useId, useState } from 'react';

export interface GuidedQuestionLabels {
  progress: string;
  answer: string;
  skip: string;
  next: string;
  /** Shown under the field while the answer is too short or too long to be a fact; undefined when it is fine. */
  problem?: (text: string) => string | undefined;
}

interface Props {
  gap: string;
  question: string;
  labels: GuidedQuestionLabels;
  onAnswer(text: string): void;
  onSkip(): void;
}

/** One guided question at a time: progress, the question, the user's answer in their own words, Skip. */
export function GuidedQuestion({ gap, question, labels, onAnswer, onSkip }: Props) {
  const [text, setText] = useState('');
  const id = useId();
  const problem = text.trim() ? labels.problem?.(text) : undefined;
  return (
    <div className="jf-aiui-guided" data-testid="guided-question">
      <p className="jf-muted" data-testid="guided-progress">
        {labels.progress}
      </p>
      <p className="jf-muted">{gap}</p>
      <label htmlFor={id}>
        <strong>{question}</strong>
      </label>
      <p className="jf-muted">{labels.answer}</p>
      <textarea id={id} className="jf-aiui-textarea" rows={3} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={problem ? `${id}-problem` : undefined} data-testid="guided-answer" />
      {problem ? (
        <p className="jf-muted" id={`${id}-problem`} data-testid="guided-problem">
          {problem}
        </p>
      ) : null}
      <div className="jf-row">
        <button className="jf-button" disabled={!text.trim() || problem !== undefined} onClick={() => onAnswer(text)} data-testid="guided-next">
          {labels.next}
        </button>
        <button className="jf-button secondary" onClick={onSkip} data-testid="guided-skip">
          {labels.skip}
        </button>
      </div>
    </div>
  );
}
