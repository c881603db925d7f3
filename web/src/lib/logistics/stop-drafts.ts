import { SMALL_COUNT_THRESHOLD } from '@terep/db/contract';
import type { NeedSignalFeature } from '$lib/org-layers/org-layer-types';
import type { StopDraft } from './logistics-types';

/**
 * Withheld need-signal counts are below the threshold (the server never sends them exactly): a van
 * plans for the most they can be, so no family signalled goes without.
 */
export const WITHHELD_AMOUNT = SMALL_COUNT_THRESHOLD - 1;
/** A settlement with signals but no household count still gets a visit with one parcel. */
export const NO_COUNT_AMOUNT = 1;

/** One stop per settlement with need signals: its signalled households as parcels to deliver. */
export function stopsFromNeedSignals(features: readonly NeedSignalFeature[]): StopDraft[] {
  return features.map((feature) => {
    const { households, householdsBelowThreshold, settlementCode, name } = feature.properties;
    const [lon = 0, lat = 0] = feature.geometry.coordinates;
    const amountSource = households !== null ? 'households' : householdsBelowThreshold ? 'withheld' : 'no-count';
    return {
      key: settlementCode,
      settlementCode,
      name,
      position: [lon, lat],
      delivery: households ?? (householdsBelowThreshold ? WITHHELD_AMOUNT : NO_COUNT_AMOUNT),
      pickup: 0,
      window: null,
      amountSource,
    };
  });
}

/** Adds stops to a list, one per settlement: a settlement already listed keeps its entry. */
export function mergeStops(current: readonly StopDraft[], added: readonly StopDraft[]): StopDraft[] {
  const keys = new Set(current.map((stop) => stop.key));
  return [...current, ...added.filter((stop) => !keys.has(stop.key))];
}
