// @ts-check
/**
 * `npm start`: builds what is missing or stale, then runs the server as plain JavaScript.
 *
 * Plain JavaScript on purpose: this file must run before anything is compiled. The web app is
 * rebuilt only when web/build is missing or older than a web source, the shared API types or the
 * lockfile; the server (api, db and data-import) is bundled with esbuild into api/dist/server.js,
 * again only when a source is newer, so a start runs no TypeScript translation. Staleness is a
 * walk over file modification times (a few hundred files, milliseconds).
 *
 * `--verbose` (or TEREP_VERBOSE=1) prints where the start-up time goes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const verbose = process.argv.includes('--verbose') || process.env.TEREP_VERBOSE === '1';

/** One line per start-up step when verbose: seconds since the process started, CPU seconds used, resident memory (as api/src/startup/startup-log.ts prints them). */
function step(name) {
  if (!verbose) return;
  const { user, system } = process.cpuUsage();
  console.log(`[start ${(performance.now() / 1000).toFixed(2).padStart(6)} s, cpu ${((user + system) / 1e6).toFixed(2).padStart(5)} s, ${String(Math.round(process.memoryUsage.rss() / 1e6)).padStart(4)} MB] ${name}`);
}

/** The newest modification time (ms) of the files under the given paths, skipping build output. */
function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stats = statSync(path);
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path)) {
        if (entry === 'node_modules' || entry === 'build' || entry === 'dist' || entry === '.svelte-kit') continue;
        visit(join(path, entry));
      }
    } else newest = Math.max(newest, stats.mtimeMs);
  };
  for (const path of paths) visit(resolve(root, path));
  return newest;
}

function isStale(output, sources) {
  const target = resolve(root, output);
  return !existsSync(target) || statSync(target).mtimeMs < newestMtime(sources);
}

// The web app imports the API's answer types from db/src/contract, so those count as web sources.
const WEB_SOURCES = ['web/src', 'web/static', 'web/package.json', 'web/svelte.config.js', 'web/vite.config.ts', 'web/tsconfig.json', 'db/src/contract', 'package-lock.json'];
const SERVER_SOURCES = ['api/src', 'db/src', 'data-import/src', 'api/package.json', 'db/package.json', 'data-import/package.json', 'package-lock.json', 'scripts/start.mjs'];
const SERVER_BUNDLE = 'api/dist/server.js';

step('checking the web build');
if (isStale('web/build/index.html', WEB_SOURCES)) {
  console.log('Terep: building the web app (web/build is missing or older than its sources)…');
  const built = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  step('web app built');
}

step('checking the server bundle');
if (isStale(SERVER_BUNDLE, SERVER_SOURCES)) {
  await bundleServer();
  step('server bundled');
}

step('loading the server');
await import(pathToFileURL(resolve(root, SERVER_BUNDLE)).href);

/**
 * Bundles Terep's own TypeScript (the workspaces) into one ES module; npm packages stay external
 * and load from node_modules as usual (PGlite finds its WebAssembly files beside its own module).
 * Each module keeps its source location as import.meta.url, so paths it resolves from there (the
 * base data bundle, the web build, worker entry files) are the same as when it runs from source.
 */
async function bundleServer() {
  const { build } = await import('esbuild');
  const workspaces = new Set(['api', 'db', 'data-import'].map((folder) => JSON.parse(readFileSync(resolve(root, folder, 'package.json'), 'utf8')).name));
  await build({
    entryPoints: [resolve(root, 'api/src/server.ts')],
    outfile: resolve(root, SERVER_BUNDLE),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [{
      name: 'terep-sources',
      setup(build) {
        build.onResolve({ filter: /^[^./]/ }, (args) => {
          const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
          return workspaces.has(name) ? undefined : { path: args.path, external: true };
        });
        build.onLoad({ filter: /\.ts$/ }, (args) => ({
          contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
          loader: 'ts',
        }));
      },
    }],
  });
}
