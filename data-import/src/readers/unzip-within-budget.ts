import { setImmediate as nextTurn } from 'node:timers/promises';
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { ImportError } from '../import-error.ts';

/**
 * A zip whose entries expand beyond the budget: refused while it is read, before the
 * expanded bytes are held (a 1.8 MB zip can expand to 1.9 GB).
 */
export class ArchiveTooLargeError extends ImportError {
  constructor(
    file: string,
    readonly limitBytes: number,
    /** How much had been expanded when reading stopped: at most the limit and one chunk's expansion. */
    readonly expandedBytes: number,
  ) {
    super(file, undefined, `the zip archive expands to more than ${(limitBytes / 1024 / 1024).toFixed(1)} MB, above the import limit; split it into smaller files`);
    this.name = 'ArchiveTooLargeError';
  }
}

export interface UnzipBudget {
  /** Most bytes all inflated entries may expand to together. */
  maxExpandedBytes: number;
  /** Which entries to inflate and return; the others are skipped unread. */
  wanted: (name: string) => boolean;
  /** False: the wanted entries are inflated only to count their size, and none is kept (the answer is empty). */
  keep?: boolean;
}

/**
 * Compressed bytes fed to the inflater per turn of the event loop. Deflate expands at most
 * ~1032 times, so one turn holds at most ~16 MB of output and a few milliseconds of work.
 */
const CHUNK_BYTES = 16 * 1024;

/**
 * Unzips the wanted entries as a stream with a running count of expanded bytes, yielding to
 * the event loop between chunks (other requests are answered meanwhile), and throws
 * `ArchiveTooLargeError` as soon as the count passes the budget.
 */
export async function unzipWithinBudget(fileName: string, bytes: Uint8Array, budget: UnzipBudget): Promise<Map<string, Uint8Array>> {
  const parts = new Map<string, Uint8Array[]>();
  const open = new Set<string>();
  let expanded = 0;
  let failure: ImportError | undefined;

  const unzip = new Unzip((file: UnzipFile) => {
    if (failure || !budget.wanted(file.name)) return;
    const chunks: Uint8Array[] = [];
    const keep = budget.keep !== false;
    if (keep) parts.set(file.name, chunks);
    open.add(file.name);
    file.ondata = (error, data, final) => {
      if (failure) return;
      if (error) {
        failure = new ImportError(fileName, file.name, `not a readable zip entry: ${error.message}`);
        return;
      }
      expanded += data.byteLength;
      if (expanded > budget.maxExpandedBytes) {
        failure = new ArchiveTooLargeError(fileName, budget.maxExpandedBytes, expanded);
        file.terminate();
        parts.clear();
        return;
      }
      if (keep) chunks.push(data);
      if (final) open.delete(file.name);
    };
    try {
      file.start();
    } catch {
      failure = new ImportError(fileName, file.name, `the zip entry uses an unsupported compression method (${file.compression}); use deflate`);
    }
  });
  unzip.register(UnzipInflate);

  for (let offset = 0; offset < bytes.byteLength && !failure; offset += CHUNK_BYTES) {
    const end = Math.min(offset + CHUNK_BYTES, bytes.byteLength);
    try {
      unzip.push(bytes.subarray(offset, end), end === bytes.byteLength);
    } catch (error) {
      failure ??= new ImportError(fileName, undefined, `not a readable zip archive: ${(error as Error).message}`);
    }
    await nextTurn();
  }
  if (failure) throw failure;
  if (open.size > 0) throw new ImportError(fileName, [...open][0], 'the zip archive is cut short (the entry does not end)');
  return new Map([...parts].map(([name, chunks]) => [name, concat(chunks)]));
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}
