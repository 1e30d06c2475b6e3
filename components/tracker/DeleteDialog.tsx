import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { i18n } from '#i18n';
import type { LinkedChoice, LinkedCounts } from '@/lib/db/repos/tracker';

export interface DeleteDialogProps {
  /** Jobs to delete; the dialog is open while this is above 0. */
  count: number;
  linked: LinkedCounts;
  onConfirm(choice: LinkedChoice): void;
  onCancel(): void;
}

/** Asks before deleting jobs and, when they have tailored CVs or cover letters, what to do with them. */
export function DeleteDialog({ count, linked, onConfirm, onCancel }: DeleteDialogProps) {
  const [choice, setChoice] = useState<LinkedChoice>('keep');
  const hasLinked = linked.tailoredCvs + linked.coverLetters > 0;
  return (
    <Dialog.Root open={count > 0} onOpenChange={(open) => !open && onCancel()}>
      <Dialog.Portal>
        <Dialog.Overlay className="jf-tracker-overlay" />
        <Dialog.Content className="jf-tracker-dialog" data-testid="delete-dialog">
          <Dialog.Title>{i18n.t('tracker.deleteTitle')}</Dialog.Title>
          <Dialog.Description>{i18n.t('tracker.deleteCount', [String(count)])}</Dialog.Description>
          {hasLinked ? (
            <fieldset className="jf-tracker-choice">
              <legend>{i18n.t('tracker.deleteLinked', [String(linked.tailoredCvs), String(linked.coverLetters)])}</legend>
              {(['keep', 'delete'] as const).map((value) => (
                <label key={value}>
                  <input type="radio" name="linked" value={value} checked={choice === value} onChange={() => setChoice(value)} />
                  {i18n.t(value === 'keep' ? 'tracker.deleteLinkedKeep' : 'tracker.deleteLinkedDelete')}
                </label>
              ))}
            </fieldset>
          ) : null}
          <div className="jf-row">
            <button className="jf-button" data-testid="confirm-delete" onClick={() => onConfirm(hasLinked ? choice : 'delete')}>
              {i18n.t('tracker.confirmDelete')}
            </button>
            <Dialog.Close asChild>
              <button className="jf-button secondary">{i18n.t('tracker.cancel')}</button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
