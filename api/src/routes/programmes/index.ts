import { HUNGARY_BBOX, listProgrammeServices, programmeAreasGeoJson, type Engine, type ProgrammeCreated, type ProgrammeList, type ProgrammeServiceList } from '@terep/db';
import { Hono } from 'hono';
import { readJsonBody } from '../../http/json-body.ts';
import { parseParam } from '../../http/parse-query.ts';
import { programmeCsv } from '../../programmes/programme-csv.ts';
import { editProgramme, editorOf, newProgramme, newProject, removeProgramme, replaceCoordinators } from '../../programmes/programme-edits.ts';
import { listProgrammes, programmeDetail } from '../../programmes/programme-reads.ts';
import { coordinatorsSchema, idParam, programmePatchSchema, programmeSchema, projectSchema } from './schemas.ts';

const programmeId = idParam('a programme id');

/** `/api/programmes`: programmes with their projects, partners, areas, services, activities and targets (issue 15). */
export function programmeRoutes(engine: Engine): Hono {
  return new Hono()
    .get('/', async (c) => c.json<ProgrammeList>({ programmes: await listProgrammes(engine, c.get('user')) }))
    .post('/', async (c) => {
      const body = await readJsonBody(c, programmeSchema);
      const id = await newProgramme(engine, editorOf(c.get('user')), {
        name: body.name, funder: body.funder ?? null, callCode: body.callCode ?? null, startsOn: body.startsOn ?? null, endsOn: body.endsOn ?? null,
        description: body.description ?? null,
      });
      return c.json<ProgrammeCreated>({ id }, 201);
    })
    .get('/services', async (c) => c.json<ProgrammeServiceList>({ services: await listProgrammeServices(engine.db) }))
    .get('/:id', async (c) => c.json(await programmeDetail(engine, c.get('user'), parseParam('id', c.req.param('id'), programmeId))))
    .patch('/:id', async (c) => {
      const id = parseParam('id', c.req.param('id'), programmeId);
      await editProgramme(engine, editorOf(c.get('user')), id, await readJsonBody(c, programmePatchSchema));
      return c.json(await programmeDetail(engine, c.get('user'), id));
    })
    .delete('/:id', async (c) => {
      const id = parseParam('id', c.req.param('id'), programmeId);
      await removeProgramme(engine, editorOf(c.get('user')), id);
      return c.json({ id });
    })
    .put('/:id/coordinators', async (c) => {
      const id = parseParam('id', c.req.param('id'), programmeId);
      await replaceCoordinators(engine, editorOf(c.get('user')), id, (await readJsonBody(c, coordinatorsSchema)).usernames);
      return c.json(await programmeDetail(engine, c.get('user'), id));
    })
    .get('/:id/areas', async (c) => {
      const id = parseParam('id', c.req.param('id'), programmeId);
      await programmeDetail(engine, c.get('user'), id);
      return c.body(await programmeAreasGeoJson(engine.db, HUNGARY_BBOX, id), 200, { 'Content-Type': 'application/geo+json; charset=utf-8', 'Cache-Control': 'no-store' });
    })
    .get('/:id/export.csv', async (c) => {
      const programme = await programmeDetail(engine, c.get('user'), parseParam('id', c.req.param('id'), programmeId));
      return c.body(programmeCsv(programme), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="program-${programme.id}.csv"`,
        'Cache-Control': 'no-store',
      });
    })
    .post('/:id/projects', async (c) => {
      const id = parseParam('id', c.req.param('id'), programmeId);
      const body = await readJsonBody(c, projectSchema);
      const projectId = await newProject(engine, editorOf(c.get('user')), id, {
        name: body.name, code: body.code ?? null, status: body.status ?? 'running', startsOn: body.startsOn ?? null, endsOn: body.endsOn ?? null,
        budgetHuf: body.budgetHuf ?? null, leadPartnerId: body.leadPartnerId ?? null, partnerIds: body.partnerIds ?? [], services: body.services ?? [],
        area: body.area ?? [],
      });
      return c.json<ProgrammeCreated>({ id: projectId }, 201);
    });
}
