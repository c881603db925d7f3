import type { ProblemData, VehicleTypeData } from './model.ts';
import { PLAIN_TIME, type TimeFormat } from './time-format.ts';

export interface UnservableClient {
  client: number;
  name: string;
  reason: string;
}

/**
 * Clients that no vehicle could serve even on a trip of their own: a demand above every capacity,
 * a window that closes before any vehicle can get there, a visit after which no vehicle is back
 * before its depot or shift closes, or a round trip longer than every duration limit. They are
 * reported by name so the caller can fix the input; the solver never drops a client silently.
 */
export function findUnservableClients(data: ProblemData, format: TimeFormat = PLAIN_TIME): UnservableClient[] {
  const result: UnservableClient[] = [];
  const types = data.vehicleTypes.filter((type) => type.count > 0);
  for (let client = 0; client < data.numClients; client += 1) {
    const location = data.numDepots + client;
    const reasons = types.map((type) => whyNot(data, type, location, format));
    if (reasons.some((reason) => reason === null)) continue;
    const distinct = [...new Set(reasons as string[])];
    result.push({ client, name: data.names[location]!, reason: distinct.join('; ') });
  }
  return result;
}

function whyNot(data: ProblemData, type: VehicleTypeData, location: number, format: TimeFormat): string | null {
  const load = Math.max(data.delivery[location]!, data.pickup[location]!);
  if (load > type.capacity) return `its load ${load} is above the capacity ${type.capacity} of "${type.name}"`;
  const size = data.numLocations;
  const start = type.startDepot;
  const end = type.endDepot;
  const departure = Math.max(data.twEarly[start]!, type.twEarly);
  const latestDeparture = Math.min(data.twLate[start]!, type.twLate);
  const there = data.duration[start * size + location]!;
  const back = data.duration[location * size + end]!;
  const arrival = departure + there;
  if (arrival > data.twLate[location]!) {
    return `its window closes at ${format.time(data.twLate[location]!)}, but "${type.name}" cannot arrive before ${format.time(arrival)}`;
  }
  const serviceStart = Math.max(arrival, data.twEarly[location]!);
  const returned = serviceStart + data.serviceDuration[location]! + back;
  const closing = Math.min(data.twLate[end]!, type.twLate);
  if (returned > closing) return `"${type.name}" cannot be back at the depot before ${format.time(closing)} (earliest ${format.time(returned)})`;
  // Leaving as late as allowed removes waiting from the round trip.
  const waiting = Math.max(0, data.twEarly[location]! - (latestDeparture + there));
  const shortest = there + data.serviceDuration[location]! + back + waiting;
  if (shortest > type.maxDuration) return `a round trip takes ${format.duration(shortest)}, above the maximum duration ${format.duration(type.maxDuration)} of "${type.name}"`;
  return null;
}
