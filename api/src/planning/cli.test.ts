import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const fixture = (name: string): string => fileURLToPath(new URL(`./instances/fixtures/${name}`, import.meta.url));

function plan(...args: string[]): { status: number | null; stdout: string; stderr: string; last: Record<string, unknown> | null } {
  const outcome = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8' });
  const lines = outcome.stdout.trim().split('\n');
  let last: Record<string, unknown> | null = null;
  try {
    last = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
  } catch {
    last = null;
  }
  return { status: outcome.status, stdout: outcome.stdout, stderr: outcome.stderr, last };
}

describe('plan CLI', () => {
  it('ends with one JSON line whose sites are the file’s own 1-based vertex numbers', () => {
    // Path 1–2–3–4–5–6 with edge 1–2 overwritten to 1: medians 2 and 5 cost 1 + 0 + 3 + 2 + 0 + 5 = 11.
    const { status, last } = plan('--model', 'pmedian', '--orlib', fixture('orlib-path-6-duplicate-edge.txt'), '--heuristic', '--seed', '3');
    expect(status).toBe(0);
    expect(last).toMatchObject({ model: 'pmedian', objective: 11, sites: [2, 5], gap: null, status: 'heuristic' });
    expect(typeof last!.seconds).toBe('number');
    expect(typeof last!.solver).toBe('string');
  });

  it('reports the proven gap of an exact run and names San Francisco sites', () => {
    const { status, last } = plan('--model', 'mclp', '--locate-sf', fixture('sf-tiny'), '--p', '1', '--radius', '2600', '--exact');
    expect(status).toBe(0);
    expect(last).toMatchObject({ objective: 500, gap: 0, status: 'optimal', sites: ['Store_2'] });
  });

  it('rejects a malformed OR-Library file with its line number', () => {
    const { status, stderr } = plan('--model', 'pmedian', '--orlib', fixture('sf-tiny/SF_store_site_16_longlat.csv'));
    expect(status).toBe(3);
    expect(stderr).toMatch(/SF_store_site_16_longlat\.csv:1: /);
  });

  it('exits non-zero saying why when p exceeds the candidates', () => {
    const { status, stderr } = plan('--model', 'pcenter', '--locate-sf', fixture('sf-tiny'), '--p', '3', '--heuristic');
    expect(status).toBe(3);
    expect(stderr).toContain('p = 3 exceeds the 2 candidate sites.');
  });
});
