import { parseMaxspeed } from './parse-maxspeed.ts';

/**
 * Speeds (km/h) per highway class where a way has no usable `maxspeed`: what a
 * loaded van keeps on average, below the Hungarian limits (130 motorway, 110
 * expressway, 90 outside and 50 inside built-up areas, 20 in living streets).
 */
export const DEFAULT_SPEEDS_KMH: Readonly<Record<string, number>> = {
  motorway: 110,
  motorway_link: 60,
  trunk: 90,
  trunk_link: 50,
  primary: 80,
  primary_link: 50,
  secondary: 70,
  secondary_link: 40,
  tertiary: 60,
  tertiary_link: 40,
  unclassified: 50,
  residential: 40,
  living_street: 15,
  service: 20,
  track: 15,
};

/**
 * Tracks are kept only when solid (`tracktype=grade1` or `grade2`): many
 * farmsteads are reached by one, but an unpaved field track is no road for a van.
 */
const SOLID_TRACK_TYPES = new Set(['grade1', 'grade2']);
const CLOSED_ACCESS = new Set(['no', 'private', 'agricultural', 'forestry', 'delivery_no']);
const YES = new Set(['yes', '1', 'true']);

/** How a van may use a way: its class, speed, and direction (1 forward only, -1 backward only, 0 both). */
export interface DrivableRoad {
  highway: string;
  speedKmh: number;
  maxspeed: string | null;
  oneway: -1 | 0 | 1;
}

export type OsmTags = Readonly<Record<string, string | undefined>>;

/** The drivable reading of a way's tags, or null when a van may not use it. */
export function drivableRoad(tags: OsmTags): DrivableRoad | null {
  const highway = tags.highway;
  if (highway === undefined || !(highway in DEFAULT_SPEEDS_KMH)) return null;
  if (highway === 'track' && !SOLID_TRACK_TYPES.has(tags.tracktype ?? '')) return null;
  if (tags.area === 'yes' || !motorVehiclesAllowed(tags)) return null;
  const oneway = onewayOf(tags, highway);
  if (oneway === null) return null;
  const maxspeed = tags.maxspeed ?? null;
  return { highway, speedKmh: parseMaxspeed(tags.maxspeed) ?? DEFAULT_SPEEDS_KMH[highway]!, maxspeed, oneway };
}

/** The most specific access tag wins: motorcar over motor_vehicle over vehicle over access. */
function motorVehiclesAllowed(tags: OsmTags): boolean {
  const access = tags.motorcar ?? tags.motor_vehicle ?? tags.vehicle ?? tags.access;
  return access === undefined || !CLOSED_ACCESS.has(access);
}

/** Null for ways whose direction changes with the time of day (`reversible`, `alternating`): not routable reliably. */
function onewayOf(tags: OsmTags, highway: string): -1 | 0 | 1 | null {
  const value = tags.oneway;
  if (value === 'reversible' || value === 'alternating') return null;
  if (value === '-1' || value === 'reverse') return -1;
  if (value !== undefined && YES.has(value)) return 1;
  if (value === 'no' || value === 'false' || value === '0') return 0;
  // Implied one-way: roundabouts and motorways (and their slip roads) are drawn in the driving direction.
  if (tags.junction === 'roundabout' || tags.junction === 'circular') return 1;
  if (highway === 'motorway' || highway === 'motorway_link') return 1;
  return 0;
}
