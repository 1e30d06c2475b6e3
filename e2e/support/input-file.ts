import type { Locator } from '@playwright/test';

export interface InputFile {
  name: string;
  type: string;
  base64: string;
}

/** The file a page's `<input type=file>` holds (read in the page's own world), or null when empty. */
export function inputFile(input: Locator): Promise<InputFile | null> {
  return input.evaluate(async (el: HTMLInputElement) => {
    const file = el.files?.[0];
    if (!file) return null;
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return { name: file.name, type: file.type, base64: btoa(binary) };
  });
}

export const fileBytes = (file: InputFile) => new Uint8Array(Buffer.from(file.base64, 'base64'));
