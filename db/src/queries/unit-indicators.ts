import { sql, type Kysely } from 'kysely';
import type { AreaIndicator } from '../contract/profiles.ts';
import type { Database, IndicatorCategory, UnitKind } from '../schema.ts';

/** An indicator value of a profile, and whether a settlement's value is its district's (e.g. the 290/2014 index). */
export type UnitIndicator = AreaIndicator & { fromDistrict: boolean };

/** Every indicator value of one settlement, district or county, in indicator order, newest year first. */
export async function unitIndicators(db: Kysely<Database>, unitKind: UnitKind, code: string): Promise<UnitIndicator[]> {
  const { rows } = await sql<{
    key: string; title_hu: string; title_en: string; unit_hu: string; unit_en: string; kind: 'numeric' | 'category';
    categories: IndicatorCategory[] | null; year: number; value: number; source: string; from_district: boolean;
  }>`
    SELECT i.key, i.title_hu, i.title_en, i.unit_hu, i.unit_en, i.kind, i.categories, v.year, v.value, v.source, v.from_district
    FROM indicator_value AS v JOIN indicator AS i ON i.key = v.indicator_key
    WHERE v.unit_kind = ${unitKind} AND v.unit_code = ${code}
    ORDER BY i.sort_order, v.year DESC`.execute(db);
  return rows.map((indicator) => {
    const label = indicator.categories?.find((category) => category.value === indicator.value)?.label;
    return {
      key: indicator.key,
      title: { hu: indicator.title_hu, en: indicator.title_en },
      unit: { hu: indicator.unit_hu, en: indicator.unit_en },
      kind: indicator.kind,
      year: indicator.year,
      value: indicator.value,
      source: indicator.source,
      fromDistrict: indicator.from_district,
      ...(label ? { categoryLabel: label } : {}),
    };
  });
}
