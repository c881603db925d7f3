import { CASE_DOMAINS, type AreaLevel, type CaseAggregate, type CaseAggregateRow, type CaseCountRow, type CaseDomain, type CaseFilter, type ExactCounties } from '@terep/db';
import { excelCsv } from '../csv/excel-csv.ts';
import { guardCount, guardedCell } from './guard-counts.ts';

/** Case counts per place and domain, each count guarded for the reader (a place's counts by its county). */
export function aggregateCases(counts: readonly CaseCountRow[], level: AreaLevel, filter: CaseFilter, exact: ExactCounties): CaseAggregate {
  const places = new Map<string, { name: string; countyCode: string; byDomain: Map<CaseDomain, number>; open: number }>();
  for (const row of counts) {
    const place = places.get(row.code) ?? { name: row.name, countyCode: row.countyCode, byDomain: new Map(), open: 0 };
    place.byDomain.set(row.domain, (place.byDomain.get(row.domain) ?? 0) + row.cases);
    place.open += row.open;
    places.set(row.code, place);
  }
  const rows: CaseAggregateRow[] = [...places.entries()].map(([code, place]) => {
    const county = [place.countyCode];
    const total = [...place.byDomain.values()].reduce((sum, value) => sum + value, 0);
    return {
      level, code, name: place.name, countyCode: place.countyCode,
      total: guardCount(total, county, exact),
      byDomain: Object.fromEntries(CASE_DOMAINS.map((domain) => [domain, guardCount(place.byDomain.get(domain) ?? 0, county, exact)])) as Record<CaseDomain, ReturnType<typeof guardCount>>,
      open: guardCount(place.open, county, exact),
    };
  });
  const allCounties = [...new Set([...places.values()].map((place) => place.countyCode))];
  const total = counts.reduce((sum, row) => sum + row.cases, 0);
  return { level, ...filter, rows, total: guardCount(total, allCounties, exact) };
}

/** The aggregate as a Hungarian Excel table, "<5" where a count is withheld. */
export function caseAggregateCsv(aggregate: CaseAggregate): string {
  const header = [aggregate.level === 'settlement' ? 'KSH-kód' : 'Járáskód', aggregate.level === 'settlement' ? 'Település' : 'Járás', 'Vármegyekód',
    'Összes eset', 'Nyitott', 'Oktatás', 'Lakhatás', 'Foglalkoztatás', 'Egészségügy', 'Közigazgatás, ügyintézés', 'Egyéb'];
  const rows = aggregate.rows.map((row) => [row.code, row.name, row.countyCode, guardedCell(row.total), guardedCell(row.open),
    ...CASE_DOMAINS.map((domain) => guardedCell(row.byDomain[domain]))]);
  return excelCsv([header, ...rows]);
}
