import { saveRouteScenario, type AuditActor, type Engine, type RouteRequest, type SavedRoutePlan } from '@terep/db';
import { planRoutes } from './plan-routes.ts';

/** "2026-12-04 10:45" (UTC): a name that reads the same in either language when the request gives none. */
function defaultName(now: Date): string {
  return now.toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Plans delivery routes and keeps the answer as a route scenario (as siting plans are kept), so
 * the page can restore it after a reload. A cancelled or failed run saves nothing.
 */
export async function planAndSaveRoutes(
  engine: Engine,
  request: RouteRequest & { name?: string | undefined },
  actor: AuditActor,
  signal?: AbortSignal,
): Promise<SavedRoutePlan> {
  const { name, ...routeRequest } = request;
  const { plan, stopPlaces } = await planRoutes(engine, routeRequest, signal);
  const scenario = await saveRouteScenario(engine.db, { name: name ?? defaultName(new Date()), request: routeRequest, stopPlaces, plan }, actor);
  return { ...plan, scenario };
}
