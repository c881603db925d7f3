import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ImportError } from '../import-error.ts';

/** Reads a UTF-8 text file, gunzipping it when its name ends in `.gz`. */
export function readTextFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(error)})`;
    throw new ImportError(path, undefined, problem);
  }
  if (path.endsWith('.gz')) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      throw new ImportError(path, undefined, 'not a valid gzip file');
    }
  }
  return bytes.toString('utf8');
}

export function displayName(path: string): string {
  return basename(path);
}
