import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const readJson = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as T;

describe('the documented Node version', () => {
  it('is accepted by every locked package, so `npm ci` warns about no engine', () => {
    const declared = readJson<{ engines: { node: string } }>('package.json').engines.node;
    const oldest = semver.minVersion(declared)!.version;
    const lock = readJson<{ packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> }>('package-lock.json');
    const refusing = Object.entries(lock.packages)
      .flatMap(([path, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return range && !semver.satisfies(oldest, range) ? [`${path}@${entry.version}: node ${range}`] : [];
      });
    expect(refusing).toEqual([]);
  });
});
