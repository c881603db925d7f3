import { activeRoadNetwork, removeRoadNetwork, type Engine } from '@terep/db';
import { TEST_ACTOR } from './test-users.ts';

/** Who loads road networks in the tests: the direct loads and the API's uploads. */
const TEST_LOADERS = ['test', 'api test'];

/**
 * Removes a road network a test run that died midway left behind, but never someone else's: the
 * test database holds one network at a time, and a suite must start without one.
 */
export async function clearTestRoadNetwork(engine: Engine): Promise<void> {
  const leftover = await activeRoadNetwork(engine.db);
  if (leftover && !TEST_LOADERS.includes(leftover.importedBy)) throw new Error(`a road network (${leftover.fileName}) is already loaded in the test database`);
  if (leftover) await removeRoadNetwork(engine.db, TEST_ACTOR);
}
