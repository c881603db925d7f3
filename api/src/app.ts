import type { Engine } from '@terep/db';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { Accounts, type AuthOptions } from './auth/accounts.ts';
import { authorize, refuseCrossOrigin } from './auth/middleware.ts';
import { handleError, handleNotFound } from './http/api-error.ts';
import { auditRoutes } from './routes/audit/index.ts';
import { catchmentRoutes } from './routes/catchments/index.ts';
import { coverageRoutes } from './routes/coverage/index.ts';
import { healthRoutes } from './routes/health/index.ts';
import { heatmapRoutes } from './routes/heatmap/index.ts';
import { importRoutes } from './routes/imports/index.ts';
import { indicatorRoutes } from './routes/indicators/index.ts';
import { layerRoutes } from './routes/layers/index.ts';
import { needIndexRoutes } from './routes/need-indices/index.ts';
import { needSignalRoutes } from './routes/need-signals/index.ts';
import { roadNetworkRoutes } from './routes/road-network/index.ts';
import { planRoutes } from './routes/plans/index.ts';
import { routeRoutes } from './routes/routes/index.ts';
import { searchRoutes } from './routes/search/index.ts';
import { sessionRoutes } from './routes/session/index.ts';
import { segregatedAreaRoutes } from './routes/segregated-areas/index.ts';
import { settingRoutes } from './routes/settings/index.ts';
import { settlementRoutes } from './routes/settlements/index.ts';
import { tileRoutes } from './routes/tiles/index.ts';
import { userRoutes } from './routes/users/index.ts';

export interface AppDependencies {
  engine: Engine;
  /** Largest accepted import file; the default is the importer's. */
  maxImportBytes?: number;
  /** Session lifetimes, sign-in limits and the clock (tests move it). */
  auth?: AuthOptions;
}

/** The HTTP API, built from its dependencies; it never listens (server.ts does). */
export function createApi({ engine, maxImportBytes, auth }: AppDependencies): Hono {
  const accounts = new Accounts(engine, auth);
  const api = new Hono()
    .route('/health', healthRoutes(engine))
    .route('/session', sessionRoutes(accounts))
    .route('/users', userRoutes(accounts))
    .route('/layers', layerRoutes(engine))
    .route('/indicators', indicatorRoutes(engine))
    .route('/settlements', settlementRoutes(engine))
    .route('/search', searchRoutes(engine))
    .route('/tiles', tileRoutes(engine))
    .route('/settings', settingRoutes(engine))
    .route('/coverage', coverageRoutes(engine))
    .route('/catchments', catchmentRoutes(engine))
    .route('/need-indices', needIndexRoutes(engine))
    .route('/plans', planRoutes(engine))
    .route('/heatmap', heatmapRoutes(engine))
    .route('/segregated-areas', segregatedAreaRoutes(engine))
    .route('/routes', routeRoutes(engine))
    .route('/road-network', roadNetworkRoutes(engine))
    .route('/imports', importRoutes(engine, maxImportBytes === undefined ? {} : { maxBytes: maxImportBytes }))
    .route('/need-signals', needSignalRoutes(engine))
    // `/audit` and `/audit.csv`.
    .route('/', auditRoutes(engine));
  const app = new Hono()
    .use('/api/*', compress())
    .use('/api/*', refuseCrossOrigin())
    // Every API route passes the route rules (api/src/auth/route-rules.ts) before its handler.
    .use('/api/*', authorize(accounts))
    .route('/api', api)
    // Unknown API paths answer JSON here, before the dashboard's catch-all can claim them.
    .all('/api/*', handleNotFound);
  app.onError(handleError);
  app.notFound(handleNotFound);
  return app;
}
