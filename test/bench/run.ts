import { parseArgs } from 'node:util';
import { BENCHMARKS } from './registry.ts';

/**
 * `npm run bench -- <name>...` runs named benchmarks and prints their figures.
 * Benchmarks measure; they never assert a time (tests do not time anything).
 */
const { positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true });
const names = positionals.length > 0 ? positionals : Object.keys(BENCHMARKS);
for (const name of names) {
  const benchmark = BENCHMARKS[name];
  if (!benchmark) {
    console.error(`Unknown benchmark "${name}". Known: ${Object.keys(BENCHMARKS).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n## ${name}: ${benchmark.description}`);
  await benchmark.run();
}
