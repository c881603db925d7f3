import { DEFAULT_MAX_IMPORT_BYTES } from '@terep/data-import';
import { DONATION_IMPORT_KINDS, type DonationImportKind, type DonationImportOutcome, type Engine } from '@terep/db';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { actorOf } from '../../audit/actor.ts';
import { countyScope } from '../../auth/scope.ts';
import { importDonations } from '../../donations/imports.ts';
import { ApiError } from '../../http/api-error.ts';
import { parseParam } from '../../http/parse-query.ts';

const kindSchema = z.enum(DONATION_IMPORT_KINDS as [DonationImportKind, ...DonationImportKind[]], { error: `must be one of ${DONATION_IMPORT_KINDS.join(', ')}` });
/** Room for the multipart envelope around the file. */
const FORM_MARGIN_BYTES = 64 * 1024;
const LIMIT_MB = DEFAULT_MAX_IMPORT_BYTES / 1024 / 1024;

/**
 * `/api/donations/imports/:kind`: CSV/XLSX files of offers, stock counts and requests (issue 14),
 * read by the organisations' import readers, checked row by row; a dry run unless `dryRun=false`.
 */
export function donationImportRoutes(engine: Engine): Hono {
  return new Hono().post(
    '/:kind',
    bodyLimit({
      maxSize: DEFAULT_MAX_IMPORT_BYTES + FORM_MARGIN_BYTES,
      onError: () => {
        throw new ApiError(413, 'FILE_TOO_LARGE', `The upload is above the import limit of ${LIMIT_MB} MB; split the file into smaller ones.`, { limitMb: LIMIT_MB });
      },
    }),
    async (c) => {
      const kind = parseParam('kind', c.req.param('kind'), kindSchema);
      const form = await c.req.formData().catch(() => undefined);
      const file = form?.get('file');
      if (!(file instanceof File)) throw new ApiError(400, 'INVALID_PARAMETER', 'Invalid "file": attach the file in a multipart form field named "file".', { reason: 'no-file' });
      const text = (name: string) => (typeof form?.get(name) === 'string' ? (form.get(name) as string) : undefined);
      const outcome = await importDonations(engine, actorOf(c.get('user')), {
        kind,
        fileName: file.name || `${kind}.csv`,
        bytes: new Uint8Array(await file.arrayBuffer()),
        dryRun: text('dryRun') !== 'false',
        policy: text('policy') === 'skip-invalid' ? 'skip-invalid' : 'all-or-nothing',
        countyScope: countyScope(c),
      });
      return c.json<DonationImportOutcome>(outcome, outcome.status === 'imported' ? 201 : 200);
    },
  );
}
