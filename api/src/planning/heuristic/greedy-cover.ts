import type { MedianData } from './median-data.ts';

/**
 * Set covering by greedy choice (Chvátal 1979): keep the fixed sites, then
 * open the site covering most still-uncovered demand points until all are
 * covered, then close, last-opened first, any non-fixed site whose points are
 * all covered by others. `covering` is a 0/1 coverage matrix (see
 * coverage-data.ts) and every point must be coverable (checked beforehand).
 */
export function greedyCover(covering: MedianData, fixedOpen: readonly number[]): number[] {
  const n = covering.demandCount;
  const m = covering.candidateCount;
  const { byCandidate, weights } = covering;
  const coveredBy = new Int32Array(n);
  const open = new Uint8Array(m);
  const opened: number[] = [];
  let uncovered = 0;
  for (let i = 0; i < n; i += 1) if (weights[i]! > 0) uncovered += 1;
  const openSite = (site: number): void => {
    open[site] = 1;
    opened.push(site);
    for (let i = 0; i < n; i += 1) {
      if (byCandidate[site * n + i] === 0 && weights[i]! > 0) {
        if (coveredBy[i] === 0) uncovered -= 1;
        coveredBy[i] = coveredBy[i]! + 1;
      }
    }
  };
  for (const site of fixedOpen) openSite(site);
  while (uncovered > 0) {
    let best = -1;
    let bestCount = 0;
    for (let j = 0; j < m; j += 1) {
      if (open[j]) continue;
      let count = 0;
      for (let i = 0; i < n; i += 1) if (coveredBy[i] === 0 && weights[i]! > 0 && byCandidate[j * n + i] === 0) count += 1;
      if (count > bestCount) {
        best = j;
        bestCount = count;
      }
    }
    if (best < 0) throw new RangeError('Some demand point cannot be covered.');
    openSite(best);
  }
  const fixed = new Set(fixedOpen);
  for (let k = opened.length - 1; k >= 0; k -= 1) {
    const site = opened[k]!;
    if (fixed.has(site)) continue;
    let redundant = true;
    for (let i = 0; i < n && redundant; i += 1) {
      if (weights[i]! > 0 && byCandidate[site * n + i] === 0 && coveredBy[i] === 1) redundant = false;
    }
    if (!redundant) continue;
    open[site] = 0;
    for (let i = 0; i < n; i += 1) if (weights[i]! > 0 && byCandidate[site * n + i] === 0) coveredBy[i] = coveredBy[i]! - 1;
  }
  const sites: number[] = [];
  for (let j = 0; j < m; j += 1) if (open[j]) sites.push(j);
  return sites;
}
