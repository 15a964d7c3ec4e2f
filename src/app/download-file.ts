/**
 * Saves `parts` as a file through the browser's download, e.g. an exported
 * flow. Parts are joined by the Blob, so a large export need not be one string.
 */
export function downloadFile(fileName: string, parts: BlobPart[], type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();

  // The download has started from the URL by now; revoking it later frees the Blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
