/**
 * Saves bytes as a file from an extension page: an `<a download>` on a Blob URL (no `downloads`
 * permission needed). The URL is revoked once the browser has had time to start the download.
 */
export function downloadFile(data: Uint8Array | string, fileName: string, type: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
