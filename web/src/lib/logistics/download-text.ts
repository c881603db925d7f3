/** Hands a text to the browser as a file download (exports are built in the page, not on the server). */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: the download has its own reference by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** "utvonalak-2026-11-24.csv": the day the plan was made, in local time. */
export function exportFileName(extension: 'csv' | 'gpx', date: Date): string {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `utvonalak-${day}.${extension}`;
}
