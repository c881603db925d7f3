import type { LocationInstance } from './location-instance.ts';

/**
 * The best plan of `p` sites (fixed ones included) by trying every subset:
 * the ground truth the solvers are tested against on small instances.
 * `score` returns the objective of a plan; `better` says which of two wins.
 */
export function bestByEnumeration(
  instance: LocationInstance,
  p: number,
  score: (sites: number[]) => number,
  better: (a: number, b: number) => boolean = (a, b) => a < b,
): { sites: number[]; objective: number } {
  const m = instance.candidateIds.length;
  const fixed = [...instance.fixedOpen];
  const free = Array.from({ length: m }, (_, j) => j).filter((j) => !fixed.includes(j));
  let best: { sites: number[]; objective: number } | null = null;
  const chosen: number[] = [];
  const visit = (from: number): void => {
    if (chosen.length === p - fixed.length) {
      const sites = [...fixed, ...chosen].sort((a, b) => a - b);
      const objective = score(sites);
      if (!best || better(objective, best.objective)) best = { sites, objective };
      return;
    }
    for (let k = from; k < free.length; k += 1) {
      chosen.push(free[k]!);
      visit(k + 1);
      chosen.pop();
    }
  };
  visit(0);
  if (!best) throw new RangeError('No plan to enumerate.');
  return best;
}
