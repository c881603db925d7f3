import { ImportError, loadRoadNetwork, MAX_ROAD_FILE_BYTES, RoadFileError } from '@terep/data-import';
import { activeRoadNetwork, removeRoadNetwork, type Engine, type RoadNetworkRemoval, type RoadNetworkStatus, type RoadNetworkUploadOutcome } from '@terep/db';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { actorOf } from '../../audit/actor.ts';
import { ApiError } from '../../http/api-error.ts';
import { routerOf } from '../../travel/road-network-matrix.ts';

/** Multipart overhead allowed above the file limit itself. */
const FORM_MARGIN_BYTES = 64 * 1024;

/**
 * The road network: its status, an upload through the same validation path as
 * `npm run import -- roads` (a dry run with the report unless `dryRun=false`), and removal.
 */
export function roadNetworkRoutes(engine: Engine, maxBytes = MAX_ROAD_FILE_BYTES): Hono {
  return new Hono()
    .get('/', async (c) => {
      const network = await activeRoadNetwork(engine.db);
      return c.json<RoadNetworkStatus>({ loaded: network !== null, network, router: routerOf(engine) });
    })
    .post(
      '/',
      bodyLimit({
        maxSize: maxBytes + FORM_MARGIN_BYTES,
        onError: () => {
          throw new ApiError(413, 'FILE_TOO_LARGE', `The upload is above the road file limit of ${(maxBytes / 1024 / 1024).toFixed(0)} MB; cut a smaller extract.`, { limitMb: Math.round(maxBytes / 1024 / 1024) });
        },
      }),
      async (c) => {
        let form: FormData;
        try {
          form = await c.req.formData();
        } catch {
          throw new ApiError(400, 'INVALID_PARAMETER', 'Send the road file as multipart/form-data in a field named "file".', { reason: 'no-file' });
        }
        // A shapefile may come as its parts side by side (.shp, .dbf, .prj, .cpg), all in fields named "file".
        const files = form.getAll('file').flatMap((entry) => (entry instanceof File ? [entry] : []));
        const file = files.find((entry) => /\.shp$/i.test(entry.name)) ?? files[0];
        if (!file) throw new ApiError(400, 'INVALID_PARAMETER', 'Invalid "file": attach the road file in a form field named "file".', { reason: 'no-file' });
        const companions = new Map<string, Uint8Array>();
        for (const part of files) {
          const extension = /\.(dbf|prj|cpg)$/i.exec(part.name)?.[0].toLowerCase();
          if (part !== file && extension) companions.set(extension, new Uint8Array(await part.arrayBuffer()));
        }
        const importedBy = form.get('importedBy');
        let outcome: RoadNetworkUploadOutcome;
        try {
          outcome = await loadRoadNetwork(engine, {
            fileName: file.name || 'upload',
            bytes: new Uint8Array(await file.arrayBuffer()),
            companions,
            importedBy: (typeof importedBy === 'string' && importedBy !== '' ? importedBy : c.get('user').username).slice(0, 200),
            // As for the organisations' imports: a dry run unless the caller says `dryRun=false`.
            dryRun: form.get('dryRun') !== 'false',
            actor: actorOf(c.get('user')),
          });
        } catch (error) {
          if (error instanceof RoadFileError) {
            throw new ApiError(400, 'ROAD_NETWORK_INVALID', error.message, { reason: 'road-file', location: error.location ?? '', problem: error.problem, problemHu: error.problemHu });
          }
          if (error instanceof ImportError) throw new ApiError(400, 'ROAD_NETWORK_INVALID', error.message, { location: error.location ?? '', problem: error.problem });
          throw error;
        }
        return c.json(outcome, outcome.status === 'loaded' ? 201 : 200);
      },
    )
    .delete('/', async (c) => {
      const removed = await removeRoadNetwork(engine.db, actorOf(c.get('user')));
      if (!removed) throw new ApiError(404, 'ROAD_NETWORK_NOT_FOUND', 'No road network is loaded.');
      return c.json<RoadNetworkRemoval>({ removed });
    });
}
