export type TextEncoding = 'utf-8' | 'windows-1250';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/**
 * Decodes bytes as UTF-8 when they are valid UTF-8, otherwise as Windows-1250,
 * the code page of Hungarian Windows exports (KSH, Excel "CSV"). Valid UTF-8
 * with accented letters almost never arises from Windows-1250 text, so the
 * strict UTF-8 check is a reliable detector for Hungarian files.
 */
export function decodeText(bytes: Uint8Array, encoding?: TextEncoding): DecodedText {
  if (encoding) return { text: stripBom(new TextDecoder(encoding).decode(bytes)), encoding };
  try {
    return { text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1250').decode(bytes), encoding: 'windows-1250' };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
