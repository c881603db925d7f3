import { parseArgs } from 'node:util';
import { engineOptionsFromEnv, openEngine } from '@terep/db';
import { makeBundle } from './bundle/make-bundle.ts';
import { loadBase } from './base/load-base.ts';
import { ImportError } from './import-error.ts';
import { createProgress } from './progress.ts';
import { formatLoadSummary } from './summary.ts';

const USAGE = `Usage:
  npm run import -- base [--from DIR]   load the base data of Hungary (default: ../shared/data/hungary
                                        when present, else the bundle shipped in data-import/base-data)
  npm run import -- bundle              rebuild data-import/base-data from ../shared/data/hungary
The database is DATABASE_URL when set, else the embedded one in TEREP_DATA_DIR (default .terep/pgdata).`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { from: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [kind] = positionals;
  if (values.help || !kind) {
    console.log(USAGE);
    return kind || values.help ? 0 : 2;
  }
  if (kind === 'bundle') {
    for (const file of makeBundle()) console.log(`wrote ${file}`);
    return 0;
  }
  if (kind !== 'base') {
    console.error(`Unknown import kind "${kind}".\n${USAGE}`);
    return 2;
  }
  const engine = await openEngine(engineOptionsFromEnv());
  try {
    console.error(`Importing base data into the ${engine.kind} database at ${engine.location}`);
    const result = await loadBase(engine, { directory: values.from, progress: createProgress() });
    console.log(formatLoadSummary(result));
    return 0;
  } finally {
    await engine.close();
  }
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
