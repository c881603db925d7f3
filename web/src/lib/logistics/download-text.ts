import { downloadBlob } from '$lib/exports/download';

/** Hands a text to the browser as a file download (exports are built in the page, not on the server). */
export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

/** "utvonalak-2026-11-24.csv": the day the plan was made, in local time. */
export function exportFileName(extension: 'csv' | 'gpx', date: Date): string {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `utvonalak-${day}.${extension}`;
}
