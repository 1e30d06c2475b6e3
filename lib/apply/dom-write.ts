import type { FormElement } from './controls';

/**
 * Writes that controlled inputs (React, Vue, Angular) take as the user's own: the value goes in through
 * the prototype's native setter (frameworks patch the instance's), then input, change and blur fire as
 * they would after typing. The caller reads the value back to see whether the site kept it.
 */
export function setNativeValue(element: FormElement, value: string): void {
  const view = element.ownerDocument.defaultView ?? window;
  const proto =
    element.tagName === 'TEXTAREA'
      ? view.HTMLTextAreaElement.prototype
      : element.tagName === 'SELECT'
        ? view.HTMLSelectElement.prototype
        : view.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(element, value);
  else element.value = value;
  fireEdit(element);
}

export function fireEdit(element: Element): void {
  const view = element.ownerDocument.defaultView ?? window;
  element.dispatchEvent(new view.Event('input', { bubbles: true, composed: true }));
  element.dispatchEvent(new view.Event('change', { bubbles: true, composed: true }));
  element.dispatchEvent(new view.FocusEvent('blur'));
  element.dispatchEvent(new view.FocusEvent('focusout', { bubbles: true, composed: true }));
}

/** Checks a radio or checkbox with a real click, which fires the events frameworks listen to. */
export function check(input: HTMLInputElement, checked = true): void {
  if (input.checked !== checked) input.click();
}

/** Decodes base64 into a File made in the page (bytes cross the extension boundary as text). */
export function fileFromBase64(base64: string, name: string, type: string, view: Window & typeof globalThis = window): File {
  const binary = view.atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new view.File([bytes], name, { type, lastModified: Date.now() });
}

/** Puts the file in the input as a drop or a pick would (`DataTransfer` builds the FileList) and fires the events. */
export function attachFile(input: HTMLInputElement, file: File): void {
  const view = input.ownerDocument.defaultView ?? window;
  const transfer = new view.DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  fireEdit(input);
}

/** Empties a file input (undo). */
export function clearFile(input: HTMLInputElement): void {
  input.value = '';
  fireEdit(input);
}
