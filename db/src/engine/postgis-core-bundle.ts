import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Extension } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';

/**
 * The files of the PostGIS bundle Terep uses: the postgis library, its install script and control
 * file, and PROJ's data (ST_Transform). The bundle also carries raster, topology and the TIGER
 * geocoder (two more 16 MB libraries) and every upgrade script: PGlite unpacks the whole bundle into
 * its in-memory file system and compiles every library on each open, which was three quarters of
 * the open's CPU time and about 500 MB of the process's memory. Terep creates only `postgis`.
 */
const CORE_ENTRY = /^(lib\/postgresql\/postgis-3\.so|share\/proj\/.*|share\/postgresql\/extension\/postgis(\.control|--\d+(\.\d+)*\.sql))$/;

const BLOCK = 512;

/**
 * The entries of an uncompressed tar archive whose names match, their blocks copied verbatim
 * (directories kept: PGlite creates them as it unpacks). The bundle is plain ustar: no long names.
 */
export function filterTar(archive: Uint8Array, keep: (name: string) => boolean): Uint8Array {
  const kept: Uint8Array[] = [];
  let offset = 0;
  while (offset + BLOCK <= archive.length) {
    const header = archive.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const text = (start: number, length: number) => new TextDecoder().decode(header.subarray(start, start + length)).replace(/\0.*$/s, '');
    const prefix = text(345, 155);
    const name = (prefix ? `${prefix}/` : '') + text(0, 100);
    const size = parseInt(text(124, 12).trim() || '0', 8);
    const end = offset + BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (name.endsWith('/') || keep(name)) kept.push(archive.subarray(offset, end));
    offset = end;
  }
  kept.push(new Uint8Array(2 * BLOCK));
  return Buffer.concat(kept);
}

/**
 * The core bundle, derived once from the installed package's bundle and cached beside it in
 * node_modules/.cache/terep (keyed by the package bundle's size and time, so an upgrade derives it
 * again); written under a temporary name and renamed, so parallel opens never read half a file.
 */
function coreBundle(full: URL): URL {
  const stats = statSync(full);
  const cached = new URL(`../../../.cache/terep/postgis-core-${stats.size}-${Math.round(stats.mtimeMs)}.tar.gz`, full);
  const path = fileURLToPath(cached);
  if (existsSync(path)) return cached;
  try {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, gzipSync(filterTar(gunzipSync(readFileSync(full)), (name) => CORE_ENTRY.test(name)), { level: 1 }));
    renameSync(temporary, path);
    return pathToFileURL(path);
  } catch {
    // A read-only node_modules: the full bundle still works, only slower and larger.
    return full;
  }
}

/** PGlite's PostGIS extension, loading only the core bundle. */
export const postgisCore: Extension = {
  name: 'postgis',
  setup: async (pg, emscriptenOpts) => {
    const result = await postgis.setup(pg, emscriptenOpts);
    return result.bundlePath ? { ...result, bundlePath: coreBundle(result.bundlePath) } : result;
  },
};
