import { create } from 'zustand';

/** Transient messages ("Saved.", "Could not reach the endpoint") shown by the shell's one toaster. */
export interface Toast {
  id: number;
  text: string;
  kind: 'info' | 'error';
}

interface ToastState {
  toasts: Toast[];
  push(text: string, kind?: Toast['kind']): number;
  dismiss(id: number): void;
}

let nextId = 1;

export const useToasts = create<ToastState>((set) => ({
  toasts: [],
  push(text, kind = 'info') {
    const id = nextId++;
    // At most three on screen: a burst of failures must not bury the view.
    set((s) => ({ toasts: [...s.toasts, { id, text, kind }].slice(-3) }));
    return id;
  },
  dismiss(id) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },
}));

/** For code outside React (handlers, hooks' callbacks). */
export const toast = (text: string, kind?: Toast['kind']) => useToasts.getState().push(text, kind);
