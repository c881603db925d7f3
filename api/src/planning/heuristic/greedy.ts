import type { MedianData } from './median-data.ts';

/**
 * Greedy add (Kuehn & Hamburger): keep the fixed sites, then open, one at a
 * time, the site that saves the most weighted distance until `p` are open.
 * The saving of a site only shrinks as others open (the objective is
 * submodular), so stale savings are upper bounds and most candidates need no
 * re-evaluation ("lazy greedy", Minoux): a large speed-up at country scale.
 */
export function greedySites(data: MedianData, p: number, fixedOpen: readonly number[]): number[] {
  const n = data.demandCount;
  const m = data.candidateCount;
  const { weights, distances, byCandidate } = data;
  const open = new Uint8Array(m);
  const nearest = new Float64Array(n).fill(Infinity);
  const sites: number[] = [];
  const openSite = (site: number): void => {
    open[site] = 1;
    sites.push(site);
    const column = site * n;
    for (let i = 0; i < n; i += 1) {
      const distance = byCandidate[column + i]!;
      if (distance < nearest[i]!) nearest[i] = distance;
    }
  };
  for (const site of fixedOpen) if (!open[site]) openSite(site);
  if (sites.length >= p) return sites;

  if (sites.length === 0) {
    // Nothing open yet: every saving would be infinite, so start from the best single site (the 1-median).
    const total = new Float64Array(m);
    for (let i = 0; i < n; i += 1) {
      const weight = weights[i]!;
      if (weight === 0) continue;
      const row = i * m;
      for (let j = 0; j < m; j += 1) total[j] = total[j]! + weight * distances[row + j]!;
    }
    let best = 0;
    for (let j = 1; j < m; j += 1) if (total[j]! < total[best]!) best = j;
    openSite(best);
  }

  const savingOf = (site: number): number => {
    let saving = 0;
    const column = site * n;
    for (let i = 0; i < n; i += 1) {
      const gap = nearest[i]! - byCandidate[column + i]!;
      if (gap > 0) saving += weights[i]! * gap;
    }
    return saving;
  };
  const bound = new Float64Array(m).fill(Infinity);
  const fresh = new Int32Array(m).fill(-1);
  while (sites.length < p) {
    for (;;) {
      let best = -1;
      for (let j = 0; j < m; j += 1) {
        if (!open[j] && (best < 0 || bound[j]! > bound[best]!)) best = j;
      }
      if (fresh[best] === sites.length) {
        openSite(best);
        break;
      }
      bound[best] = savingOf(best);
      fresh[best] = sites.length;
    }
  }
  return sites;
}
