import * as RadixToast from '@radix-ui/react-toast';

export interface ToastItem {
  id: number;
  text: string;
  kind: 'info' | 'error';
}

interface Props {
  toasts: ToastItem[];
  onDismiss(id: number): void;
  labels: { region: string; close: string };
}

/** The one toaster of a frame: transient messages, announced politely (errors assertively), closable. */
export function Toaster({ toasts, onDismiss, labels }: Props) {
  return (
    <RadixToast.Provider label={labels.region} duration={6000}>
      {toasts.map((t) => (
        <RadixToast.Root
          key={t.id}
          className={`jf-toast${t.kind === 'error' ? ' error' : ''}`}
          type={t.kind === 'error' ? 'foreground' : 'background'}
          data-testid="toast"
          onOpenChange={(open) => !open && onDismiss(t.id)}
        >
          <RadixToast.Description>{t.text}</RadixToast.Description>
          <RadixToast.Close className="jf-link" aria-label={labels.close}>
            ×
          </RadixToast.Close>
        </RadixToast.Root>
      ))}
      <RadixToast.Viewport className="jf-toast-viewport" />
    </RadixToast.Provider>
  );
}
