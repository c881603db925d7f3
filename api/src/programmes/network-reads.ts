import { listNetworkRows, type Engine, type NetworkSummary, type SessionUser } from '@terep/db';
import { exactCountiesOf } from './programme-access.ts';
import { guardCount } from './guard-counts.ts';

/** The helper networks with their case totals guarded for the reader (exact only where the reader sees every county of the cases). */
export async function listNetworks(engine: Engine, user: SessionUser): Promise<NetworkSummary[]> {
  const exact = exactCountiesOf(user);
  return (await listNetworkRows(engine.db)).map(({ caseCount, caseCounties, ...network }) => ({ ...network, cases: guardCount(caseCount, caseCounties, exact) }));
}
