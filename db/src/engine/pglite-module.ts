import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

type PGliteModule = typeof import('@electric-sql/pglite');

/**
 * PGlite 0.5.8's `dlsym` (Emscripten's `__dlsym_js`) finds a symbol's position with
 * `Object.keys(library.exports).indexOf(name)`: a fresh array of every export of the library on each
 * lookup. PostgreSQL looks up each C function of an extension when it is created or first called,
 * and PostGIS exports tens of thousands of symbols: `CREATE EXTENSION postgis` spent 4.6 of its 5.5 s
 * of CPU time in that line, and a reopened database's first PostGIS call 0.3 s. The lookup indexed
 * by a map built once per library gives the same position.
 */
const SLOW_LOOKUP = 'o=Object.keys(_.exports).indexOf(t)';
const INDEXED_LOOKUP = 'o=(_.exportIndex??=new Map(Object.keys(_.exports).map((name,index)=>[name,index]))).get(t)';

let loading: Promise<PGliteModule> | undefined;

/**
 * PGlite's module with the indexed lookup: a copy of its ES module written beside the original (its
 * chunks and WebAssembly files resolve from there), rewritten whenever the installed one changes.
 * The original module when the line is not found (another PGlite version) or the folder is read-only.
 */
export function loadPGlite(): Promise<PGliteModule> {
  loading ??= (async () => {
    const original = join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), 'index.js');
    const text = readFileSync(original, 'utf8');
    if (text.split(SLOW_LOOKUP).length !== 2) return import('@electric-sql/pglite');
    const patched = join(dirname(original), 'index.terep-indexed-dlsym.js');
    const wanted = text.replace(SLOW_LOOKUP, INDEXED_LOOKUP);
    try {
      if (!existsSync(patched) || readFileSync(patched, 'utf8') !== wanted) {
        // Written under a temporary name and renamed: parallel test workers never import half a file.
        const temporary = `${patched}.${process.pid}.tmp`;
        writeFileSync(temporary, wanted);
        renameSync(temporary, patched);
      }
    } catch {
      return import('@electric-sql/pglite');
    }
    return (await import(pathToFileURL(patched).href)) as PGliteModule;
  })();
  return loading;
}
