import type { ProblemData, VehicleTypeData } from './model.ts';
import { PLAIN_TIME, type ReportedReason, type TimeFormat } from './time-format.ts';

export interface UnservableClient {
  client: number;
  name: string;
  /** The distinct reasons in English, joined by "; ". */
  reason: string;
  /** The same reasons as codes and values (one per distinct reason). */
  reasons: { code: string; params: Record<string, string | number> }[];
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
    const distinct = [...new Map((reasons as ReportedReason[]).map((reason) => [reason.text, reason])).values()];
    result.push({
      client,
      name: data.names[location]!,
      reason: distinct.map((reason) => reason.text).join('; '),
      reasons: distinct.map(({ code, params }) => ({ code, params })),
    });
  }
  return result;
}

function whyNot(data: ProblemData, type: VehicleTypeData, location: number, format: TimeFormat): ReportedReason | null {
  const vehicle = type.name;
  const load = Math.max(data.delivery[location]!, data.pickup[location]!);
  if (load > type.capacity) {
    return { code: 'load-above-capacity', params: { load, capacity: type.capacity, vehicle }, text: `its load ${load} is above the capacity ${type.capacity} of "${vehicle}"` };
  }
  const size = data.numLocations;
  const start = type.startDepot;
  const end = type.endDepot;
  const departure = Math.max(data.twEarly[start]!, type.twEarly);
  const latestDeparture = Math.min(data.twLate[start]!, type.twLate);
  const there = data.duration[start * size + location]!;
  const back = data.duration[location * size + end]!;
  const arrival = departure + there;
  if (arrival > data.twLate[location]!) {
    const [closes, earliest] = [format.time(data.twLate[location]!), format.time(arrival)];
    return { code: 'window-closes-before-arrival', params: { closes, earliest, vehicle }, text: `its window closes at ${closes}, but "${vehicle}" cannot arrive before ${earliest}` };
  }
  const serviceStart = Math.max(arrival, data.twEarly[location]!);
  const returned = serviceStart + data.serviceDuration[location]! + back;
  const closing = Math.min(data.twLate[end]!, type.twLate);
  if (returned > closing) {
    const [closes, earliest] = [format.time(closing), format.time(returned)];
    return { code: 'cannot-return-in-time', params: { closes, earliest, vehicle }, text: `"${vehicle}" cannot be back at the depot before ${closes} (earliest ${earliest})` };
  }
  // Leaving as late as allowed removes waiting from the round trip.
  const waiting = Math.max(0, data.twEarly[location]! - (latestDeparture + there));
  const shortest = there + data.serviceDuration[location]! + back + waiting;
  if (shortest > type.maxDuration) {
    return {
      code: 'round-trip-too-long',
      params: { minutes: format.amount(shortest), maxMinutes: format.amount(type.maxDuration), vehicle },
      text: `a round trip takes ${format.duration(shortest)}, above the maximum duration ${format.duration(type.maxDuration)} of "${vehicle}"`,
    };
  }
  return null;
}
