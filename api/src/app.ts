import type { Engine } from '@terep/db';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { Accounts, type AuthOptions } from './auth/accounts.ts';
import { authorize, refuseCrossOrigin } from './auth/middleware.ts';
import { ShareLinkCache } from './auth/share-link-cache.ts';
import { DataVersionReader } from './data-versions/data-version-reader.ts';
import { handleError, handleNotFound } from './http/api-error.ts';
import { jsonBodyLimit } from './http/json-body.ts';
import { securityHeaders } from './http/security-headers.ts';
import { IndicatorReads } from './indicators/indicator-reads.ts';
import { JobSlots } from './jobs/job-slots.ts';
import { auditRoutes } from './routes/audit/index.ts';
import { catchmentRoutes } from './routes/catchments/index.ts';
import { coverageRoutes } from './routes/coverage/index.ts';
import { allocationRoutes, donationImportRoutes, donationReportRoutes, itemRoutes, offerRoutes, requestRoutes, stockRoutes } from './routes/donations/index.ts';
import { healthRoutes } from './routes/health/index.ts';
import { heatmapRoutes } from './routes/heatmap/index.ts';
import { importRoutes } from './routes/imports/index.ts';
import { indicatorRoutes } from './routes/indicators/index.ts';
import { layerRoutes } from './routes/layers/index.ts';
import { needIndexRoutes } from './routes/need-indices/index.ts';
import { needSignalRoutes } from './routes/need-signals/index.ts';
import { roadNetworkRoutes } from './routes/road-network/index.ts';
import { profileRoutes } from './routes/profiles/index.ts';
import { planRoutes } from './routes/plans/index.ts';
import { routeRoutes } from './routes/routes/index.ts';
import { searchRoutes } from './routes/search/index.ts';
import { sessionRoutes } from './routes/session/index.ts';
import { segregatedAreaRoutes } from './routes/segregated-areas/index.ts';
import { settingRoutes } from './routes/settings/index.ts';
import { settlementRoutes } from './routes/settlements/index.ts';
import { tileRoutes } from './routes/tiles/index.ts';
import { userRoutes } from './routes/users/index.ts';
import { viewRoutes } from './routes/views/index.ts';
import { SavedViews } from './views/saved-views.ts';
import { gapRoutes } from './routes/gaps/index.ts';
import { programmeRoutes } from './routes/programmes/index.ts';
import { activityRoutes, projectRoutes } from './routes/programmes/project-routes.ts';
import { partnerRoutes } from './routes/programmes/partner-routes.ts';
import { caseRoutes, networkRoutes } from './routes/programmes/network-routes.ts';
import { DEFAULT_TILE_CACHE, TileCache, type TileCacheOptions } from './tiles/tile-cache.ts';

export interface AppDependencies {
  engine: Engine;
  /** The tile cache's memory budget and persistence; the default keeps 64 MB and persists. */
  tileCache?: TileCacheOptions;
  /** Largest accepted import file; the default is the importer's. */
  maxImportBytes?: number;
  /** Session lifetimes, sign-in limits and the clock (tests move it). */
  auth?: AuthOptions;
  /** The solver slots of plans and route searches (limits, shutdown); server.ts passes its own. */
  jobs?: JobSlots;
  /** CSP sources of the web shell's inline scripts (server.ts reads them from the build). */
  inlineScriptHashes?: () => readonly string[];
}

/** The HTTP API, built from its dependencies; it never listens (server.ts does). */
export function createApi({ engine, maxImportBytes, auth, jobs = new JobSlots(), inlineScriptHashes, tileCache = DEFAULT_TILE_CACHE }: AppDependencies): Hono {
  const accounts = new Accounts(engine, auth);
  const versions = new DataVersionReader(engine);
  const indicators = new IndicatorReads(engine, versions);
  const savedViews = new SavedViews(engine, auth?.now);
  const shareLinks = new ShareLinkCache(engine, (token) => savedViews.liveShare(token).then(({ share }) => share, () => undefined), auth?.now);
  const api = new Hono()
    .route('/health', healthRoutes(engine, versions))
    .route('/session', sessionRoutes(accounts))
    .route('/users', userRoutes(accounts))
    .route('/layers', layerRoutes(engine))
    .route('/indicators', indicatorRoutes(indicators))
    .route('/settlements', settlementRoutes(engine))
    .route('/profiles', profileRoutes(engine))
    .route('/search', searchRoutes(engine, versions))
    .route('/tiles', tileRoutes(engine, versions, new TileCache(engine, tileCache)))
    .route('/settings', settingRoutes(engine))
    .route('/coverage', coverageRoutes(engine, indicators))
    .route('/catchments', catchmentRoutes(engine))
    .route('/need-indices', needIndexRoutes(engine))
    .route('/plans', planRoutes(engine, { jobs }))
    .route('/heatmap', heatmapRoutes(engine, indicators))
    .route('/segregated-areas', segregatedAreaRoutes(engine))
    .route('/routes', routeRoutes(engine, jobs))
    .route('/road-network', roadNetworkRoutes(engine))
    .route('/imports', importRoutes(engine, maxImportBytes === undefined ? {} : { maxBytes: maxImportBytes }))
    .route('/need-signals', needSignalRoutes(engine))
    .route('/programmes', programmeRoutes(engine))
    .route('/projects', projectRoutes(engine))
    .route('/activities', activityRoutes(engine))
    .route('/partners', partnerRoutes(engine))
    .route('/networks', networkRoutes(engine))
    .route('/cases', caseRoutes(engine))
    .route('/gaps', gapRoutes(engine))
    // The donation bank (issue 14).
    .route('/items', itemRoutes(engine))
    .route('/stock', stockRoutes(engine))
    .route('/requests', requestRoutes(engine))
    .route('/offers', offerRoutes(engine))
    .route('/allocations', allocationRoutes(engine, jobs))
    .route('/donations', donationReportRoutes(engine))
    .route('/donations/imports', donationImportRoutes(engine))
    // `/audit` and `/audit.csv`.
    .route('/', auditRoutes(engine))
    // `/views`, `/stories`, `/shares`, `/shared/:token`.
    .route('/', viewRoutes(savedViews));
  const app = new Hono()
    .use('*', securityHeaders(inlineScriptHashes ? { inlineScriptHashes } : {}))
    .use('/api/*', jsonBodyLimit(), compress())
    .use('/api/*', refuseCrossOrigin())
    // Every API route passes the route rules (api/src/auth/route-rules.ts) before its handler.
    .use('/api/*', authorize(accounts, (token) => shareLinks.shareId(token)))
    .route('/api', api)
    // Unknown API paths answer JSON here, before the dashboard's catch-all can claim them.
    .all('/api/*', handleNotFound);
  app.onError(handleError);
  app.notFound(handleNotFound);
  return app;
}
