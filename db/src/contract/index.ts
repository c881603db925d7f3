/**
 * The API's answers as types, declared once: the api builds them, the web reads them
 * (`import type … from '@terep/db/contract'`). Types and plain constants only, so the
 * browser bundle never pulls a database driver.
 */
export * from './catchments.ts';
export * from './common.ts';
export * from './coverage.ts';
export * from './heatmap.ts';
export * from './need-index.ts';
export * from './imports.ts';
export * from './audit.ts';
export * from './need-signals.ts';
export * from './settlements.ts';
export * from './profiles.ts';
export * from './road-network.ts';
export * from './planning.ts';
export * from './routing.ts';
export * from './accounts.ts';
export * from './programmes.ts';
