import type { LonLat } from '$lib/api/contract';
import type { ThematicScene } from '$lib/map/thematic-map';
import type { PlanOutcome, PlanSite } from '@terep/db/contract';
import { CANDIDATE_FILL, coverageFills } from './plan-style';

/** A demand point's line to its site. */
export interface AssignmentLine {
  code: string;
  from: LonLat;
  to: LonLat;
  toNew: boolean;
  share: number;
  distance: number;
  siteName: string;
}

/** What the planning map draws: settlement fills, the plan's sites and its assignment lines. */
export interface PlanningScene extends ThematicScene {
  /** The service type, for the existing institutions' icons. */
  serviceType: string;
  sites: readonly PlanSite[];
  lines: readonly AssignmentLine[];
}

export const EMPTY_PLANNING_SCENE: PlanningScene = { key: 'base', fills: null, serviceType: '', sites: [], lines: [] };

/** A plan on the map: `key` names the plan, so the ready hook tells which one is drawn. */
export function planScene(id: number, serviceType: string, outcome: PlanOutcome): PlanningScene {
  const sites = new Map(outcome.sites.map((site) => [site.id, site]));
  const lines = outcome.assignments.flatMap((assignment): AssignmentLine[] => {
    const site = sites.get(assignment.site);
    // A settlement hosting its own site needs no line.
    if (!site || (site.lon === assignment.lon && site.lat === assignment.lat)) return [];
    return [{ code: assignment.code, from: [assignment.lon, assignment.lat], to: [site.lon, site.lat], toNew: site.kind === 'new', share: assignment.share, distance: assignment.distance, siteName: site.name }];
  });
  return { key: `plan-${id}`, fills: coverageFills(outcome.coverageBySettlement), serviceType, sites: outcome.sites, lines };
}

/** Before a run: the candidate list picked on the map. */
export function candidateScene(codes: readonly string[]): PlanningScene {
  return codes.length === 0 ? EMPTY_PLANNING_SCENE : { ...EMPTY_PLANNING_SCENE, key: 'candidates', fills: new Map(codes.map((code) => [code, CANDIDATE_FILL])) };
}
