import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

/** Renders an extension page: the document speaks the browser's language (the one i18n uses). */
export function mountPage(node: ReactNode, doc: Document = document): void {
  doc.documentElement.lang = navigator.language.slice(0, 2);
  createRoot(doc.getElementById('root')!).render(<StrictMode>{node}</StrictMode>);
}
