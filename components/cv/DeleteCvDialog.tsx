import * as Dialog from '@radix-ui/react-dialog';
import { i18n } from '#i18n';

/** Asks before deleting; with tailored versions, asks what happens to them (delete too, or keep standalone). */
export function DeleteCvDialog({
  open,
  name,
  tailoredCount,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  name: string;
  tailoredCount: number;
  onCancel(): void;
  onConfirm(tailored: 'delete' | 'keep'): void;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={(o) => !o && onCancel()}>
      <Dialog.Portal>
        <Dialog.Overlay className="jf-cv-overlay" />
        <Dialog.Content className="jf-cv-dialog" data-testid="cv-delete-dialog">
          <Dialog.Title>{i18n.t('cv.deleteConfirm', [name])}</Dialog.Title>
          <Dialog.Description>
            {tailoredCount > 0 ? i18n.t('cv.deleteTailored', [String(tailoredCount)]) : i18n.t('cv.deleteHint')}
          </Dialog.Description>
          <div className="jf-row">
            {tailoredCount > 0 ? (
              <>
                <button className="jf-button danger" onClick={() => onConfirm('delete')} data-testid="cv-delete-all">
                  {i18n.t('cv.deleteWithTailored')}
                </button>
                <button className="jf-button secondary" onClick={() => onConfirm('keep')} data-testid="cv-delete-keep">
                  {i18n.t('cv.keepTailored')}
                </button>
              </>
            ) : (
              <button className="jf-button danger" onClick={() => onConfirm('delete')} data-testid="cv-delete-yes">
                {i18n.t('cv.deleteYes')}
              </button>
            )}
            <Dialog.Close asChild>
              <button className="jf-button secondary">{i18n.t('cv.cancel')}</button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
