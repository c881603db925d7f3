import {
  baseDataPresent,
  countInvalidBoundaries,
  deleteSettlementPartsNotIn,
  deriveIndicatorValues,
  GENERALISATION_LEVELS,
  generalisedLevelsOutdated,
  rebuildGeneralisedBoundaries,
  summariseDatabase,
  upsertCounties,
  upsertDistricts,
  upsertIndicators,
  upsertIndicatorValues,
  upsertSettlementParts,
  upsertSettlements,
  type DatabaseSummary,
  type Engine,
} from '@terep/db';
import { silentProgress, type Progress } from '../progress.ts';
import { defaultBaseDirectory, openBaseSource } from './base-source.ts';
import { BASE_INDICATORS } from './indicator-catalogue.ts';
import { parseBaseData } from './parse-base.ts';

export interface BaseLoadResult extends DatabaseSummary {
  source: string;
  /** Boundaries that were invalid in the source read (code and name) and were repaired with ST_MakeValid. */
  repaired: { layer: 'counties' | 'districts' | 'settlements'; units: { code: string; name: string }[] }[];
  /** Indicator values read from the files; the rest of `counts.indicator_value` is derived (sums up the hierarchy, inherited values). */
  valuesRead: number;
  /** Boundaries (counties, districts, settlements) simplified at each of `zoomLevels` zoom levels into `boundary_generalised`. */
  boundaries: number;
  zoomLevels: number;
  notes: string[];
  seconds: number;
}

export interface BaseLoadOptions {
  directory?: string | undefined;
  progress?: Progress | undefined;
}

const SETTLEMENT_BATCH = 250;
const PART_BATCH = 2500;
const VALUE_BATCH = 5000;

/**
 * Loads the base data of Hungary in one transaction: every row or none.
 * Upserts throughout, so running it again leaves the same rows.
 */
export async function loadBase(engine: Engine, options: BaseLoadOptions = {}): Promise<BaseLoadResult> {
  const started = performance.now();
  const progress = options.progress ?? silentProgress;
  const source = openBaseSource(options.directory ?? defaultBaseDirectory());
  const data = parseBaseData(source);
  const repaired: BaseLoadResult['repaired'] = [];
  const boundaries = data.counties.length + data.districts.length + data.settlements.length;

  const summary = await engine.db.transaction().execute(async (trx) => {
    progress.step('vármegyék / counties', data.counties.length);
    repaired.push({ layer: 'counties', units: named(data.counties, await countInvalidBoundaries(trx, data.counties)) });
    await upsertCounties(trx, data.counties);
    progress.advance(data.counties.length);

    progress.step('járások / districts', data.districts.length);
    repaired.push({ layer: 'districts', units: named(data.districts, await countInvalidBoundaries(trx, data.districts)) });
    await upsertDistricts(trx, data.districts);
    progress.advance(data.districts.length);

    progress.step('települések / settlements', data.settlements.length);
    const settlementRepairs: string[] = [];
    for (const batch of chunks(data.settlements, SETTLEMENT_BATCH)) {
      settlementRepairs.push(...(await countInvalidBoundaries(trx, batch)));
      await upsertSettlements(trx, batch);
      progress.advance(batch.length);
    }
    repaired.push({ layer: 'settlements', units: named(data.settlements, settlementRepairs) });

    progress.step('településrészek / settlement parts', data.parts.length);
    for (const batch of chunks(data.parts, PART_BATCH)) {
      await upsertSettlementParts(trx, batch);
      progress.advance(batch.length);
    }
    await deleteSettlementPartsNotIn(trx, data.parts);

    progress.step('mutatóértékek / indicator values', data.indicatorValues.length);
    await upsertIndicators(trx, BASE_INDICATORS);
    for (const batch of chunks(data.indicatorValues, VALUE_BATCH)) {
      await upsertIndicatorValues(trx, batch);
      progress.advance(batch.length);
    }
    await deriveIndicatorValues(trx);

    progress.step(`generalizált határok (${GENERALISATION_LEVELS.length} nagyítási szint) / generalised boundaries (${GENERALISATION_LEVELS.length} zoom levels)`, boundaries);
    await rebuildGeneralisedBoundaries(trx);
    progress.advance(boundaries);
    progress.done();
    return summariseDatabase(trx);
  });

  return {
    ...summary,
    source: `${source.directory} (${source.form})`,
    repaired: repaired.filter((entry) => entry.units.length > 0),
    valuesRead: data.indicatorValues.length,
    boundaries,
    zoomLevels: GENERALISATION_LEVELS.length,
    notes: data.notes,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Loads the base data when the database has none (first start of the app). A database loaded
 * before a generalisation level existed gets its generalised boundaries rebuilt from the stored ones.
 */
export async function ensureBaseData(engine: Engine, options: BaseLoadOptions = {}): Promise<BaseLoadResult | null> {
  if (!(await baseDataPresent(engine.db))) return loadBase(engine, options);
  if (await generalisedLevelsOutdated(engine.db)) await engine.db.transaction().execute((trx) => rebuildGeneralisedBoundaries(trx));
  return null;
}

function named(units: readonly { code: string; name: string }[], codes: readonly string[]): { code: string; name: string }[] {
  return codes.map((code) => ({ code, name: units.find((unit) => unit.code === code)?.name ?? '?' }));
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
