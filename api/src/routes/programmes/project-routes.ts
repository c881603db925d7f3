import { settlementCounty, type Engine, type ProgrammeCreated } from '@terep/db';
import { Hono } from 'hono';
import { ApiError } from '../../http/api-error.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { parseParam } from '../../http/parse-query.ts';
import { editProject, editorOf, newActivity, removeActivity, removeProject, replaceTargets } from '../../programmes/programme-edits.ts';
import { activitySchema, idParam, projectPatchSchema, targetsSchema } from './schemas.ts';

const projectId = idParam('a project id');
const activityId = idParam('an activity id');

/** `/api/projects`: a project's fields, partners, services and area, its targets and its activities. */
export function projectRoutes(engine: Engine): Hono {
  return new Hono()
    .patch('/:id', async (c) => {
      const id = parseParam('id', c.req.param('id'), projectId);
      await editProject(engine, editorOf(c.get('user')), id, await readJsonBody(c, projectPatchSchema));
      return c.json({ id });
    })
    .delete('/:id', async (c) => {
      const id = parseParam('id', c.req.param('id'), projectId);
      await removeProject(engine, editorOf(c.get('user')), id);
      return c.json({ id });
    })
    .put('/:id/targets', async (c) => {
      const id = parseParam('id', c.req.param('id'), projectId);
      const { targets } = await readJsonBody(c, targetsSchema);
      await replaceTargets(engine, editorOf(c.get('user')), id, targets.map((target) => ({
        indicator: target.indicator, unit: target.unit ?? null, target: target.target, achieved: target.achieved ?? null, reportedOn: target.reportedOn ?? null,
      })));
      return c.json({ id });
    })
    .post('/:id/activities', async (c) => {
      const id = parseParam('id', c.req.param('id'), projectId);
      const body = await readJsonBody(c, activitySchema);
      const county = await settlementCounty(engine.db, body.settlementCode);
      if (county === undefined) throw new ApiError(400, 'UNKNOWN_SETTLEMENT', `Unknown settlement code ${body.settlementCode}.`, { codes: body.settlementCode });
      const created = await newActivity(engine, editorOf(c.get('user')), id, {
        kind: body.kind, title: body.title ?? null, date: body.date, settlementCode: body.settlementCode, participants: body.participants ?? null,
      }, county);
      return c.json<ProgrammeCreated>({ id: created }, 201);
    });
}

/** `/api/activities/:id`: removing a recorded activity. */
export function activityRoutes(engine: Engine): Hono {
  return new Hono().delete('/:id', async (c) => {
    const id = parseParam('id', c.req.param('id'), activityId);
    await removeActivity(engine, editorOf(c.get('user')), id);
    return c.json({ id });
  });
}
