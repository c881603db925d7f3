import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { activeRoadNetwork, engineOptionsFromEnv, IMPORT_KINDS, listImportRuns, openEngine, rollbackImportRun, type Engine, type ImportKind } from '@terep/db';
import { makeBundle } from './bundle/make-bundle.ts';
import { loadBase } from './base/load-base.ts';
import { ImportError } from './import-error.ts';
import { formatImportOutcome } from './org-data/format-report.ts';
import { runImport } from './org-data/run-import.ts';
import { importRoads } from './roads/import-roads-command.ts';
import { createProgress } from './progress.ts';
import type { TextEncoding } from './readers/decode-text.ts';
import { formatLoadSummary } from './summary.ts';

const USAGE = `Usage:
  npm run import -- base [--from DIR]     load the base data of Hungary (default: ../shared/data/hungary
                                          when present, else the bundle shipped in data-import/base-data)
  npm run import -- <kind> FILE [options] import the organisation's own data; kind is one of
                                          ${IMPORT_KINDS.join(', ')}
      --dry-run                 validate and report, write nothing
      --skip-invalid            import the valid rows and leave out rows with errors
                                (default: any error stops the import and nothing is written)
      --encoding utf-8|windows-1250   CSV encoding (default: detected)
      --delimiter ';'           CSV delimiter (default: detected from the header)
      --by NAME                 who imports (default: the system user)
      --lang hu|en              report language (default: en)
  npm run import -- roads FILE [--dry-run] [--by NAME]
                                          load a road network (.osm.pbf, GeoJSON lines with
                                          highway tags, or Geofabrik's roads shapefile: the .shp
                                          with its .dbf/.prj/.cpg beside it, or a .zip); it
                                          replaces the loaded one
  npm run import -- list                  list imports and the loaded road network
  npm run import -- rollback ID [--by NAME]  remove every row an import brought (audited as NAME)
  npm run import -- bundle                rebuild data-import/base-data from ../shared/data/hungary
Files: .csv, .xlsx, .geojson, zipped shapefile (.zip), GeoPackage (.gpkg).
The database is DATABASE_URL when set, else the embedded one in TEREP_DATA_DIR (default .terep/pgdata).`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'skip-invalid': { type: 'boolean' },
      encoding: { type: 'string' },
      delimiter: { type: 'string' },
      by: { type: 'string' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, argument] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  if (command === 'bundle') {
    for (const file of makeBundle()) console.log(`wrote ${file}`);
    return 0;
  }
  if (values.encoding && values.encoding !== 'utf-8' && values.encoding !== 'windows-1250') {
    console.error(`--encoding must be utf-8 or windows-1250, not "${values.encoding}"`);
    return 2;
  }
  const isKind = (IMPORT_KINDS as readonly string[]).includes(command);
  if (!['base', 'list', 'rollback', 'roads'].includes(command) && !isKind) {
    console.error(`Unknown import command "${command}".\n${USAGE}`);
    return 2;
  }
  if ((isKind || command === 'rollback' || command === 'roads') && !argument) {
    console.error(`"${command}" needs ${command === 'rollback' ? 'an import id' : 'a file'}.\n${USAGE}`);
    return 2;
  }
  const engine = await openEngine(engineOptionsFromEnv());
  try {
    if (command === 'base') return await importBase(engine, values.from);
    if (command === 'list') return await listImports(engine);
    if (command === 'rollback') return await rollback(engine, Number(argument), values.by ?? userInfo().username);
    if (command === 'roads') return await importRoads(engine, { path: argument!, bytes: readInput(argument!), dryRun: values['dry-run'] ?? false, importedBy: values.by ?? userInfo().username, lang: values.lang === 'hu' ? 'hu' : 'en' });
    const bytes = readInput(argument!);
    const outcome = await runImport(engine, {
      kind: command as ImportKind,
      fileName: basename(argument!),
      bytes,
      dryRun: values['dry-run'] ?? false,
      policy: values['skip-invalid'] ? 'skip-invalid' : 'all-or-nothing',
      importedBy: values.by ?? userInfo().username,
      encoding: values.encoding as TextEncoding | undefined,
      delimiter: values.delimiter,
      progress: createProgress(),
    });
    console.log(formatImportOutcome(outcome, values.lang === 'hu' ? 'hu' : 'en'));
    const hasErrors = outcome.report.problems.some((entry) => entry.severity === 'error');
    return outcome.status === 'rejected' || (outcome.status === 'validated' && hasErrors) ? 1 : 0;
  } finally {
    await engine.close();
  }
}

function readInput(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportError(path, undefined, code === 'ENOENT' ? 'file not found' : `cannot read file (${code})`);
  }
}

async function importBase(engine: Engine, from: string | undefined): Promise<number> {
  console.error(`Importing base data into the ${engine.kind} database at ${engine.location}`);
  const result = await loadBase(engine, { directory: from, progress: createProgress() });
  console.log(formatLoadSummary(result));
  return 0;
}

async function listImports(engine: Engine): Promise<number> {
  const runs = await listImportRuns(engine.db);
  const network = await activeRoadNetwork(engine.db);
  if (network) console.log(`road network #${network.id} ${network.importedAt} ${network.fileName} by ${network.importedBy}: ${network.edges} edges, ${network.nodes} nodes, ${network.lengthKm} km`);
  if (runs.length === 0) console.log('No imports yet.');
  for (const run of runs) {
    console.log(`#${run.id} ${run.importedAt} ${run.kind} ${run.fileName} by ${run.importedBy}: ${run.importedCount} of ${run.rowCount} rows, ${run.warningCount} warnings [${run.status}${run.rolledBackAt ? ` ${run.rolledBackAt}` : ''}]`);
  }
  return 0;
}

async function rollback(engine: Engine, id: number, by: string): Promise<number> {
  if (!Number.isInteger(id) || id <= 0) {
    console.error('rollback needs a positive whole import id (see: npm run import -- list)');
    return 2;
  }
  const outcome = await rollbackImportRun(engine.db, id, { userId: null, username: by });
  if (outcome.kind === 'not-found') console.error(`No import #${id}.`);
  else if (outcome.kind === 'already-rolled-back') console.error(`Import #${id} was already rolled back.`);
  else if (outcome.kind === 'in-use') console.error(`Import #${id} cannot be rolled back: ${outcome.referencedBy} records still refer to its rows. Nothing was removed.`);
  else console.log(`Import #${id} rolled back: ${outcome.removed} rows removed.`);
  return outcome.kind === 'rolled-back' ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ImportError) {
      console.error(`Import failed, nothing was written.\n  ${error.message}`);
    } else {
      console.error(`Import failed, nothing was written: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(1);
  },
);
