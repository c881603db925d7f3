import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repository = fileURLToPath(new URL('../../..', import.meta.url));
const fixture = (name: string): string => fileURLToPath(new URL(`./instances/fixtures/${name}`, import.meta.url));

function route(...args: string[]): { status: number | null; stdout: string; stderr: string; last: Record<string, unknown> } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'api/src/routing/cli.ts', ...args], { cwd: repository, encoding: 'utf8' });
  const lines = run.stdout.trim().split('\n');
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, last: JSON.parse(lines[lines.length - 1]!) as Record<string, unknown> };
}

describe('npm run route', () => {
  it('solves a CVRPLIB file, ends with a JSON line and writes a .sol file', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'terep-route-')), 'A-n32-k5.sol');
    const run = route('--cvrplib', fixture('A-n32-k5.vrp'), '--iterations', '300', '--time-limit', '60', '--seed', '1', '--out', out);
    expect(run.status).toBe(0);
    expect(run.last).toMatchObject({ cost: 784, routes: 5, feasible: true });
    expect(typeof run.last.seconds).toBe('number');
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^Route #1: \d+( \d+)*\n/);
    expect(text.trim().split('\n').at(-1)).toBe('Cost 784');
  });

  it('rejects a malformed file with its line number', () => {
    const run = route('--solomon', fixture('window-closes-before-it-opens.txt'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/window-closes-before-it-opens\.txt:11: customer 1 is ready at 300, after its due date 100/);
    expect(run.last).toMatchObject({ feasible: false, cost: null });
  });

  it('names stops no vehicle can serve instead of dropping them', () => {
    const run = route('--cvrplib', fixture('demand-above-every-capacity.vrp'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/stop "node 3" cannot be served: its load 15 is above the capacity 10/);
    expect(run.last).toMatchObject({ feasible: false, unservable: [{ name: 'node 3' }] });
  });
});
