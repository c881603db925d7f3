import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A hash of every file under the given folders, to know when a prepared test database is stale. */
export function fingerprint(folders: readonly string[]): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry));
    } else {
      hash.update(path).update(readFileSync(path));
    }
  };
  for (const folder of folders) visit(folder);
  return hash.digest('hex');
}
