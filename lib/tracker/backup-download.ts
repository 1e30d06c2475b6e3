import { browser } from 'wxt/browser';

/** The slice of the downloads API used here (the browser's, or a stand-in in tests). */
export interface Downloads {
  download(options: { url: string; filename: string; saveAs?: boolean; conflictAction?: 'uniquify' }): Promise<number>;
  search(query: { id: number }): Promise<{ id: number; state?: string; filename: string; error?: string }[]>;
  onChanged: {
    addListener(cb: (delta: { id: number; state?: { current?: string } }) => void): void;
    removeListener(cb: (delta: { id: number; state?: { current?: string } }) => void): void;
  };
}

/**
 * Saves a backup file into the user's downloads through the `downloads` API and resolves once the file
 * is complete, with its path; rejects with the browser's reason when the download is interrupted.
 * Pages only (a blob URL needs a document).
 */
export async function saveBackupFile(text: string, filename: string, downloads: Downloads = browser.downloads as unknown as Downloads): Promise<string> {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const finished = new Map<number, string>();
  let wake: (() => void) | undefined;
  const listener = (delta: { id: number; state?: { current?: string } }) => {
    const state = delta.state?.current;
    if (state === 'complete' || state === 'interrupted') {
      finished.set(delta.id, state);
      wake?.();
    }
  };
  downloads.onChanged.addListener(listener);
  try {
    const id = await downloads.download({ url, filename, saveAs: false, conflictAction: 'uniquify' });
    for (;;) {
      const [item] = await downloads.search({ id });
      const state = finished.get(id) ?? item?.state;
      if (state === 'complete') return item?.filename ?? filename;
      if (state === 'interrupted') throw new Error(item?.error ?? 'interrupted');
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 1000);
      });
    }
  } finally {
    downloads.onChanged.removeListener(listener);
    URL.revokeObjectURL(url);
  }
}
