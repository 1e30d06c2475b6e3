export interface FormStatus {
  kind: 'ok' | 'error';
  text: string;
}

/** What a form's last action did ("Saved.", or what is wrong), announced to screen readers. */
export function StatusLine({ status, testId }: { status: FormStatus | null; testId?: string }) {
  if (!status) return null;
  return (
    <p role="status" className={status.kind === 'ok' ? 'jf-ok' : 'jf-error'} data-testid={testId}>
      {status.text}
    </p>
  );
}
