/** DOM test support for tracker components: English messages, and a React root rendered inside act(). */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { installMessages } from '@/lib/tracker/test-messages';

export { installMessages };

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  host: HTMLElement;
  rerender(node: ReactNode): void;
  unmount(): void;
}

/** jsdom lays nothing out: give scroll containers a panel-sized box so virtual lists render a screenful. */
function installLayout(): void {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 480 });
}

export function render(node: ReactNode): Rendered {
  installMessages();
  installLayout();
  const host = document.body.appendChild(document.createElement('div'));
  const root: Root = createRoot(host);
  act(() => root.render(node));
  return {
    host,
    rerender: (next) => act(() => root.render(next)),
    unmount: () => {
      act(() => root.unmount());
      host.remove();
    },
  };
}

export function click(element: Element | null | undefined): void {
  if (!element) throw new Error('nothing to click');
  act(() => (element as HTMLElement).click());
}

/** Sets an input's value the way React notices (through the native setter) and fires input/change. */
export function type(element: Element | null | undefined, value: string): void {
  if (!element) throw new Error('nothing to type into');
  const input = element as HTMLInputElement;
  const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : input instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export function key(element: Element | null | undefined, init: KeyboardEventInit): void {
  if (!element) throw new Error('nothing to press a key on');
  act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
  });
}
