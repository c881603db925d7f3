import { DEFAULT_MAX_IMPORT_BYTES, runImport, type ImportPolicy } from '@terep/data-import';
import { IMPORT_ACCESS, IMPORT_KINDS, importCounties, listImportRuns, listInstitutionTypes, rollbackImportRun, type Engine, type ImportKind } from '@terep/db';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { actorOf } from '../../audit/actor.ts';
import { countyScope, requireScope } from '../../auth/scope.ts';
import { ApiError } from '../../http/api-error.ts';
import { parseParam, recordIdSchema } from '../../http/parse-query.ts';

const kindSchema = z.enum(IMPORT_KINDS as [ImportKind, ...ImportKind[]], { error: `must be one of ${IMPORT_KINDS.join(', ')}` });
const idSchema = recordIdSchema('an import id');
const encodingSchema = z.enum(['utf-8', 'windows-1250'], { error: 'must be utf-8 or windows-1250' }).optional();
const delimiterSchema = z.enum([';', ',', '\t'], { error: 'must be ";", "," or a tab' }).optional();

/** Multipart overhead allowed above the file limit itself. */
const FORM_MARGIN_BYTES = 64 * 1024;

export interface ImportRouteOptions {
  maxBytes?: number;
}

/** The upload door to the same validation path as `npm run import`. */
export function importRoutes(engine: Engine, options: ImportRouteOptions = {}): Hono {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  return new Hono()
    .get('/', async (c) => c.json({ imports: await listImportRuns(engine.db) }))
    .get('/institution-types', async (c) => c.json({ types: await listInstitutionTypes(engine.db) }))
    .post(
      '/:kind',
      bodyLimit({
        maxSize: maxBytes + FORM_MARGIN_BYTES,
        onError: () => {
          throw new ApiError(413, 'FILE_TOO_LARGE', `The upload is above the import limit of ${(maxBytes / 1024 / 1024).toFixed(1)} MB; split the file into smaller ones.`, { limitMb: Number((maxBytes / 1024 / 1024).toFixed(1)) });
        },
      }),
      async (c) => {
        const kind = parseParam('kind', c.req.param('kind'), kindSchema);
        let form: FormData;
        try {
          form = await c.req.formData();
        } catch {
          throw new ApiError(400, 'INVALID_PARAMETER', 'Send the file as multipart/form-data in a field named "file".', { reason: 'no-file' });
        }
        const file = form.get('file');
        if (!(file instanceof File)) throw new ApiError(400, 'INVALID_PARAMETER', 'Invalid "file": attach the file in a form field named "file".', { reason: 'no-file' });
        const text = (name: string) => {
          const value = form.get(name);
          return typeof value === 'string' && value !== '' ? value : undefined;
        };
        const outcome = await runImport(engine, {
          kind,
          fileName: file.name || 'upload',
          bytes: new Uint8Array(await file.arrayBuffer()),
          dryRun: text('dryRun') !== 'false',
          policy: (text('policy') === 'skip-invalid' ? 'skip-invalid' : 'all-or-nothing') satisfies ImportPolicy,
          // Left empty, the import log names the signed-in user, as the audit trail does.
          importedBy: (text('importedBy') ?? c.get('user').username).slice(0, 200),
          encoding: parseParam('encoding', text('encoding'), encodingSchema),
          delimiter: parseParam('delimiter', text('delimiter'), delimiterSchema),
          maxBytes,
          countyScope: countyScope(c),
          actor: actorOf(c.get('user')),
        });
        return c.json(outcome, outcome.status === 'imported' ? 201 : 200);
      },
    )
    .delete('/:id', async (c) => {
      const id = parseParam('id', c.req.param('id'), idSchema);
      // A role rolls back only the kinds it may import (the admin any).
      const { role } = c.get('user');
      const run = (await listImportRuns(engine.db)).find((candidate) => candidate.id === id);
      if (run && !IMPORT_ACCESS[run.kind].includes(role)) throw new ApiError(403, 'FORBIDDEN', `The ${role} role may not roll back imports of ${run.kind}.`, { role });
      if (run && countyScope(c)) requireScope(c, await importCounties(engine.db, id, run.kind));
      const outcome = await rollbackImportRun(engine.db, id, actorOf(c.get('user')));
      if (outcome.kind === 'not-found') throw new ApiError(404, 'IMPORT_NOT_FOUND', `No import #${id}.`, { id });
      if (outcome.kind === 'already-rolled-back') throw new ApiError(409, 'IMPORT_ALREADY_ROLLED_BACK', `Import #${id} was already rolled back.`, { id });
      if (outcome.kind === 'in-use') {
        throw new ApiError(409, 'IMPORT_IN_USE', `Import #${id} cannot be rolled back: ${outcome.referencedBy} records still refer to its rows. Nothing was removed.`, { id, referencedBy: outcome.referencedBy });
      }
      return c.json({ id, removed: outcome.removed });
    });
}
