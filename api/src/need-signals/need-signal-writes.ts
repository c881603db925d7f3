import {
  insertNeedSignal, readNeedSignal, recordAudit, updateNeedSignal, withdrawNeedSignal,
  type AuditActor, type Engine, type NeedSignalRecord, type NeedSignalValues,
} from '@terep/db';
import { ApiError } from '../http/api-error.ts';

/** The current row, or 404. */
export async function findNeedSignal(engine: Engine, id: number): Promise<NeedSignalRecord> {
  const signal = await readNeedSignal(engine.db, id);
  if (!signal) throw new ApiError(404, 'NEED_SIGNAL_NOT_FOUND', `No need signal #${id}.`, { id });
  return signal;
}

/** Records a signal and its audit entry in one transaction; answers the new id. */
export async function recordNeedSignal(engine: Engine, actor: AuditActor, values: NeedSignalValues): Promise<number> {
  return engine.db.transaction().execute(async (trx) => {
    const id = await insertNeedSignal(trx, values, actor);
    await recordAudit(trx, { actor, action: 'create', objectKind: 'need-signal', objectId: id, before: null, after: await readNeedSignal(trx, id) });
    return id;
  });
}

/** Changes a signal (not a withdrawn one) and audits before and after, in one transaction. */
export async function editNeedSignal(engine: Engine, actor: AuditActor, id: number, values: NeedSignalValues): Promise<NeedSignalRecord> {
  return engine.db.transaction().execute(async (trx) => {
    const before = await lockedActive(trx, id);
    await updateNeedSignal(trx, id, values);
    const after = (await readNeedSignal(trx, id))!;
    await recordAudit(trx, { actor, action: 'update', objectKind: 'need-signal', objectId: id, before, after });
    return after;
  });
}

/** Withdraws a signal: out of every view of need, kept (with who and when) as history; audited. */
export async function withdrawSignal(engine: Engine, actor: AuditActor, id: number): Promise<NeedSignalRecord> {
  return engine.db.transaction().execute(async (trx) => {
    const before = await lockedActive(trx, id);
    await withdrawNeedSignal(trx, id, actor);
    const after = (await readNeedSignal(trx, id))!;
    await recordAudit(trx, { actor, action: 'withdraw', objectKind: 'need-signal', objectId: id, before, after });
    return after;
  });
}

async function lockedActive(trx: Parameters<typeof readNeedSignal>[0], id: number): Promise<NeedSignalRecord> {
  const signal = await readNeedSignal(trx, id, { forUpdate: true });
  if (!signal) throw new ApiError(404, 'NEED_SIGNAL_NOT_FOUND', `No need signal #${id}.`, { id });
  if (signal.withdrawnAt) throw new ApiError(409, 'NEED_SIGNAL_WITHDRAWN', `Need signal #${id} was withdrawn on ${signal.withdrawnAt}; record a new one instead.`, { id });
  return signal;
}
