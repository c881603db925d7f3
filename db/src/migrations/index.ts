import type { Migration } from 'kysely';
import * as baseGeography from './001-base-geography.ts';
import * as organisationData from './002-organisation-data.ts';
import * as analysisSettings from './003-analysis-settings.ts';
import * as roadNetwork from './004-road-network.ts';
import * as planScenarios from './005-plan-scenarios.ts';
import * as accounts from './006-accounts.ts';
import * as signalIntakeAudit from './007-signal-intake-audit.ts';
import * as routeScenarios from './008-route-scenarios.ts';
import * as tileCache from './009-tile-cache.ts';
import * as moreServiceTypes from './011-more-service-types.ts';
import * as pointPlacement from './012-point-placement.ts';
import * as savedViews from './013-saved-views.ts';
import * as donationBank from './014-donation-bank.ts';
import * as programmes from './015-programmes.ts';
import * as roadHierarchy from './016-road-hierarchy.ts';
import * as sharedBorderGeneralisation from './017-shared-border-generalisation.ts';
import * as accessNotifications from './018-access-notifications.ts';
import * as redrawCachedTiles from './019-redraw-cached-tiles.ts';

/** Every migration, in order. Names are permanent: never rename one that has shipped. */
export const migrations: Record<string, Migration> = {
  '001-base-geography': baseGeography,
  '002-organisation-data': organisationData,
  '003-analysis-settings': analysisSettings,
  '004-road-network': roadNetwork,
  '005-plan-scenarios': planScenarios,
  '006-accounts': accounts,
  '007-signal-intake-audit': signalIntakeAudit,
  '008-route-scenarios': routeScenarios,
  '009-tile-cache': tileCache,
  '011-more-service-types': moreServiceTypes,
  '012-point-placement': pointPlacement,
  '013-saved-views': savedViews,
  '014-donation-bank': donationBank,
  '015-programmes': programmes,
  '016-road-hierarchy': roadHierarchy,
  '017-shared-border-generalisation': sharedBorderGeneralisation,
  '018-access-notifications': accessNotifications,
  '019-redraw-cached-tiles': redrawCachedTiles,
};
