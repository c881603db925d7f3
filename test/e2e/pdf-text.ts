import { extractText, getDocumentProxy } from 'unpdf';

/**
 * The text of a PDF as pdf.js reads it (unpdf bundles it; no poppler needed), whitespace folded to
 * single spaces: Hungarian thousands are separated by narrow no-break spaces.
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/[\s\u00a0\u202f]+/g, ' ');
}
