import type { MedianData } from './median-data.ts';

/** The best single swap found: open `insert` in place of the site in `slot`; `profit` > 0 improves. */
export interface SwapMove {
  insert: number;
  slot: number;
  profit: number;
}

/**
 * A p-median solution with the bookkeeping of the fast interchange
 * (Whitaker 1983; Resende & Werneck 2007, "A fast swap-based local search
 * procedure for location problems"): every demand point's nearest and
 * second-nearest open site, and three tables from which the profit of every
 * possible swap is read in O(1):
 *
 * - gain(f): what opening the closed site f alone would save;
 * - loss(g): what closing the open site g alone would cost;
 * - extra(f, g): the correction when f opens as g closes (the demand of g that f catches).
 *
 * profit(f, g) = gain(f) − loss(g) + extra(f, g). After a swap only the demand
 * points whose nearest or second-nearest site changes are updated, each walking
 * its distance-sorted candidate row no further than its second-nearest site.
 * No npm package implements this, hence the hand-written solver code; extra is
 * kept per slot (candidate × p) rather than per pair of candidates, so it stays
 * small at country scale.
 */
export class InterchangeState {
  readonly p: number;
  /** Candidate open in each slot. */
  readonly open: Int32Array;
  /** Slot of each candidate, −1 when closed. */
  readonly slotOf: Int32Array;
  /** Slots that may be swapped out (not fixed), in ascending order. */
  readonly swappableSlots: Int32Array;
  readonly near1: Int32Array;
  readonly near2: Int32Array;
  readonly dist1: Float64Array;
  readonly dist2: Float64Array;
  readonly gain: Float64Array;
  readonly loss: Float64Array;
  readonly extra: Float64Array;
  /** Total weighted distance, exact after `reset` and `localSearch`. */
  objective = 0;
  private readonly affected: Int32Array;
  private readonly slotBest: Float64Array;
  private readonly slotBestCandidate: Int32Array;
  /** Σ over demand points of how many candidates lie nearer than their second-nearest site. */
  private totalScan = 0;

  constructor(
    readonly data: MedianData,
    sites: readonly number[],
    fixedOpen: readonly number[],
  ) {
    const n = data.demandCount;
    const m = data.candidateCount;
    this.p = sites.length;
    if (this.p < 2) throw new RangeError('The fast interchange needs at least two open sites; solve p = 1 by enumeration.');
    this.open = new Int32Array(this.p);
    this.slotOf = new Int32Array(m).fill(-1);
    this.near1 = new Int32Array(n);
    this.near2 = new Int32Array(n);
    this.dist1 = new Float64Array(n);
    this.dist2 = new Float64Array(n);
    this.gain = new Float64Array(m);
    this.loss = new Float64Array(m);
    this.extra = new Float64Array(m * this.p);
    this.affected = new Int32Array(n);
    this.slotBest = new Float64Array(this.p);
    this.slotBestCandidate = new Int32Array(this.p);
    // Fixed sites take the first slots, so the swappable ones are a fixed range.
    const fixed = new Set(fixedOpen);
    const ordered = [...sites.filter((site) => fixed.has(site)), ...sites.filter((site) => !fixed.has(site))];
    const fixedCount = this.p - sites.filter((site) => !fixed.has(site)).length;
    this.swappableSlots = Int32Array.from({ length: this.p - fixedCount }, (_, index) => fixedCount + index);
    this.reset(ordered);
  }

  /** Recomputes everything from scratch for the sites in slot order (O(n·scan)). */
  reset(sites: readonly number[]): void {
    const n = this.data.demandCount;
    this.slotOf.fill(-1);
    sites.forEach((site, slot) => {
      this.open[slot] = site;
      this.slotOf[site] = slot;
    });
    this.gain.fill(0);
    this.loss.fill(0);
    this.extra.fill(0);
    this.totalScan = 0;
    let objective = 0;
    for (let i = 0; i < n; i += 1) {
      this.findNearestTwo(i);
      this.addContribution(i, 1);
      objective += this.data.weights[i]! * this.dist1[i]!;
    }
    this.objective = objective;
  }

  copyFrom(other: InterchangeState): void {
    this.open.set(other.open);
    this.slotOf.set(other.slotOf);
    this.near1.set(other.near1);
    this.near2.set(other.near2);
    this.dist1.set(other.dist1);
    this.dist2.set(other.dist2);
    this.gain.set(other.gain);
    this.loss.set(other.loss);
    this.extra.set(other.extra);
    this.objective = other.objective;
    this.totalScan = other.totalScan;
  }

  sites(): number[] {
    return Array.from(this.open).sort((a, b) => a - b);
  }

  /**
   * The most profitable swap over every closed candidate and swappable slot.
   * extra(f, g) is zero unless f lies within the second-nearest distance of a
   * demand point served by g, so the best partner of g is either the candidate
   * of largest gain or one of those few: when the demand points' scan ranges
   * add up to less than m·p, walking them beats scanning the whole table
   * (Resende & Werneck's observation; it matters when p is large).
   */
  bestSwap(): SwapMove {
    const slotCount = this.swappableSlots.length;
    return this.totalScan < this.data.candidateCount * slotCount ? this.bestSwapSparse() : this.bestSwapDense();
  }

  private bestSwapDense(): SwapMove {
    const m = this.data.candidateCount;
    const p = this.p;
    const { gain, extra, slotOf, swappableSlots } = this;
    const slotCount = swappableSlots.length;
    const slotLoss = new Float64Array(slotCount);
    for (let k = 0; k < slotCount; k += 1) slotLoss[k] = this.loss[this.open[swappableSlots[k]!]!]!;
    let best: SwapMove = { insert: -1, slot: -1, profit: -Infinity };
    let bestProfit = -Infinity;
    for (let f = 0; f < m; f += 1) {
      if (slotOf[f]! >= 0) continue;
      const gainF = gain[f]!;
      const base = f * p;
      for (let k = 0; k < slotCount; k += 1) {
        const slot = swappableSlots[k]!;
        const profit = gainF - slotLoss[k]! + extra[base + slot]!;
        if (profit > bestProfit) {
          bestProfit = profit;
          best = { insert: f, slot, profit };
        }
      }
    }
    return best;
  }

  private bestSwapSparse(): SwapMove {
    const n = this.data.demandCount;
    const m = this.data.candidateCount;
    const p = this.p;
    const { gain, extra, slotOf, near1, dist2 } = this;
    const { order, sortedDistance } = this.data.candidateOrder;
    let topGain = -Infinity;
    let topCandidate = -1;
    for (let f = 0; f < m; f += 1) {
      if (slotOf[f]! < 0 && gain[f]! > topGain) {
        topGain = gain[f]!;
        topCandidate = f;
      }
    }
    // Per slot: the best gain(f) + extra(f, slot) over its demand points' scan ranges.
    const slotBest = this.slotBest;
    const slotBestCandidate = this.slotBestCandidate;
    slotBest.fill(topGain);
    slotBestCandidate.fill(topCandidate);
    for (let i = 0; i < n; i += 1) {
      if (this.data.weights[i] === 0) continue;
      const slot = slotOf[near1[i]!]!;
      const d2 = dist2[i]!;
      const row = i * m;
      let top = slotBest[slot]!;
      let topF = slotBestCandidate[slot]!;
      for (let k = 0; k < m; k += 1) {
        if (sortedDistance[row + k]! >= d2) break;
        const f = order[row + k]!;
        if (slotOf[f]! >= 0) continue;
        const value = gain[f]! + extra[f * p + slot]!;
        if (value > top) {
          top = value;
          topF = f;
        }
      }
      slotBest[slot] = top;
      slotBestCandidate[slot] = topF;
    }
    let best: SwapMove = { insert: -1, slot: -1, profit: -Infinity };
    for (const slot of this.swappableSlots) {
      const profit = slotBest[slot]! - this.loss[this.open[slot]!]!;
      if (profit > best.profit && slotBestCandidate[slot]! >= 0) best = { insert: slotBestCandidate[slot]!, slot, profit };
    }
    return best;
  }

  /** Opens `insert` in place of the site in `slot`, updating only the demand points it concerns. */
  swap(insert: number, slot: number): void {
    const n = this.data.demandCount;
    const m = this.data.candidateCount;
    const p = this.p;
    const { byCandidate, weights } = this.data;
    const removed = this.open[slot]!;
    const { near1, near2, dist2, affected } = this;
    const column = insert * n;
    let count = 0;
    for (let i = 0; i < n; i += 1) {
      if (near1[i] === removed || near2[i] === removed || byCandidate[column + i]! < dist2[i]!) affected[count++] = i;
    }
    let objective = this.objective;
    for (let k = 0; k < count; k += 1) {
      const i = affected[k]!;
      objective -= weights[i]! * this.dist1[i]!;
      this.addContribution(i, -1);
    }
    // What remains in these entries is only rounding residue: clear it so it cannot accumulate.
    for (let f = 0; f < m; f += 1) this.extra[f * p + slot] = 0;
    this.loss[removed] = 0;
    this.loss[insert] = 0;
    this.gain[insert] = 0;
    this.gain[removed] = 0;
    this.open[slot] = insert;
    this.slotOf[removed] = -1;
    this.slotOf[insert] = slot;
    for (let k = 0; k < count; k += 1) {
      const i = affected[k]!;
      this.findNearestTwo(i);
      this.addContribution(i, 1);
      objective += weights[i]! * this.dist1[i]!;
    }
    this.objective = objective;
  }

  /**
   * Best-improvement swaps until none improves by more than a relative 1e-12
   * (rounding noise must not make it cycle). Returns the number of swaps made.
   */
  localSearch(): number {
    let moves = 0;
    for (;;) {
      if (this.swappableSlots.length === 0) break;
      const move = this.bestSwap();
      if (move.insert < 0 || move.profit <= 1e-12 * Math.max(1, Math.abs(this.objective))) break;
      this.swap(move.insert, move.slot);
      moves += 1;
    }
    this.objective = this.exactObjective();
    return moves;
  }

  exactObjective(): number {
    let objective = 0;
    for (let i = 0; i < this.data.demandCount; i += 1) objective += this.data.weights[i]! * this.dist1[i]!;
    return objective;
  }

  private findNearestTwo(i: number): void {
    const m = this.data.candidateCount;
    const { order, sortedDistance } = this.data.candidateOrder;
    const row = i * m;
    let found = 0;
    for (let k = 0; k < m; k += 1) {
      const site = order[row + k]!;
      if (this.slotOf[site]! < 0) continue;
      if (found === 0) {
        this.near1[i] = site;
        this.dist1[i] = sortedDistance[row + k]!;
        found = 1;
      } else {
        this.near2[i] = site;
        this.dist2[i] = sortedDistance[row + k]!;
        return;
      }
    }
  }

  /** Adds (sign 1) or removes (sign −1) demand point i's share of gain, loss and extra. */
  private addContribution(i: number, sign: 1 | -1): void {
    const weight = this.data.weights[i]!;
    if (weight === 0) return;
    const m = this.data.candidateCount;
    const p = this.p;
    const { order, sortedDistance } = this.data.candidateOrder;
    const { gain, extra } = this;
    const d1 = this.dist1[i]!;
    const d2 = this.dist2[i]!;
    const slot = this.slotOf[this.near1[i]!]!;
    const w = sign * weight;
    this.loss[this.near1[i]!] = this.loss[this.near1[i]!]! + w * (d2 - d1);
    const row = i * m;
    let k = 0;
    for (; k < m; k += 1) {
      const distance = sortedDistance[row + k]!;
      if (distance >= d2) break;
      const f = order[row + k]!;
      if (distance < d1) {
        gain[f] = gain[f]! + w * (d1 - distance);
        extra[f * p + slot] = extra[f * p + slot]! + w * (d2 - d1);
      } else {
        extra[f * p + slot] = extra[f * p + slot]! + w * (d2 - distance);
      }
    }
    this.totalScan += sign * k;
  }
}
