import { sql, type Kysely } from 'kysely';
import type { LocalisedText } from '../contract/common.ts';
import type { Database, IndicatorCategory, IndicatorKind, UnitKind } from '../schema.ts';
import { fromJsonb } from './jsonb.ts';

export interface IndicatorSummary {
  key: string;
  title: LocalisedText;
  unit: LocalisedText;
  kind: IndicatorKind;
  needDirection: number;
  source: string;
  attribution: string;
  categories: IndicatorCategory[] | null;
  levels: UnitKind[];
  years: number[];
}

export async function listIndicators(db: Kysely<Database>): Promise<IndicatorSummary[]> {
  const { rows } = await sql<{
    key: string; title_hu: string; title_en: string; unit_hu: string; unit_en: string; kind: IndicatorKind;
    need_direction: number; source: string; attribution: string; categories: IndicatorCategory[] | string | null;
    levels: UnitKind[] | null; years: number[] | null;
  }>`
    SELECT i.key, i.title_hu, i.title_en, i.unit_hu, i.unit_en, i.kind, i.need_direction, i.source, i.attribution,
      i.categories,
      (SELECT array_agg(DISTINCT v.unit_kind) FROM indicator_value v WHERE v.indicator_key = i.key) AS levels,
      (SELECT array_agg(DISTINCT v.year ORDER BY v.year) FROM indicator_value v WHERE v.indicator_key = i.key) AS years
    FROM indicator AS i ORDER BY i.sort_order, i.key`.execute(db);
  const levelOrder: UnitKind[] = ['settlement', 'district', 'county'];
  return rows.map((row) => ({
    key: row.key,
    title: { hu: row.title_hu, en: row.title_en },
    unit: { hu: row.unit_hu, en: row.unit_en },
    kind: row.kind,
    needDirection: row.need_direction,
    source: row.source,
    attribution: row.attribution,
    categories: fromJsonb<IndicatorCategory[] | null>(row.categories),
    levels: levelOrder.filter((level) => row.levels?.includes(level)),
    years: row.years ?? [],
  }));
}

/** Values of one indicator for every unit of a level, in one year (the latest when not given). */
export async function indicatorValues(
  db: Kysely<Database>,
  key: string,
  level: UnitKind,
  year: number | undefined,
): Promise<{ year: number; values: Record<string, number> } | null> {
  const chosenYear =
    year ??
    (
      await db.selectFrom('indicator_value').select((eb) => eb.fn.max('year').as('year'))
        .where('indicator_key', '=', key).where('unit_kind', '=', level).executeTakeFirst()
    )?.year;
  if (chosenYear === undefined || chosenYear === null) return null;
  const rows = await db.selectFrom('indicator_value').select(['unit_code', 'value'])
    .where('indicator_key', '=', key).where('unit_kind', '=', level).where('year', '=', chosenYear)
    .orderBy('unit_code').execute();
  if (rows.length === 0) return null;
  return { year: chosenYear, values: Object.fromEntries(rows.map((row) => [row.unit_code, row.value])) };
}
