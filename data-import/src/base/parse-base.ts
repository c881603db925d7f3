import type { Geometry, Position } from 'geojson';
import {
  foldName,
  type CountyInput,
  type DistrictInput,
  type IndicatorValueInput,
  type SettlementInput,
  type SettlementPartInput,
} from '@terep/db';
import { ImportError } from '../import-error.ts';
import { readCsv, type CsvRow } from '../readers/csv-reader.ts';
import type { LocatedFeature } from '../readers/geojson-reader.ts';
import type { BaseSource, BoundaryLayer } from './base-source.ts';
import { LOADED_INDICATOR_KEYS } from './indicator-catalogue.ts';

export interface BaseData {
  counties: CountyInput[];
  districts: DistrictInput[];
  settlements: SettlementInput[];
  parts: SettlementPartInput[];
  indicatorValues: IndicatorValueInput[];
  /** Things a person should know that did not stop the import. */
  notes: string[];
}

const G = {
  name: 'Helység.megnevezése',
  postcode: 'IRSZ',
  code: 'Helység.KSH.kódja',
  status: 'Helység.jogállása',
  county: 'Vármegye.megnevezése',
  district: 'Járás.kódja',
  districtName: 'Járás.neve',
  districtSeat: 'Járás.székhelye',
  area: 'Terület...hektár.',
  population: 'Lakó.népesség',
  dwellings: 'Lakások.száma',
  roma: 'NemzetisegiOnkormanyzat_roma',
} as const;

const T = { code: 'torzsszam', name: 'telepules', county: 'megye', status: 'jogallas_2005', beneficiary: 'kedvezmenyezett_telepules' } as const;

const P = {
  code: 'torzsszam', name: 'telepulesresz', postcode: 'irsz', outskirtKind: 'kulterulet_jellege',
  distance: 'telepulesresz_tavolsaga_kozponti_belterulettol', population: 'nepszamlalasi_lakonepesseg',
  dwellings: 'lakasok_szama', type: 'telepulesresz_jelleg',
} as const;

const D = { code: 'district_id', index: 'komplex_mutato', beneficiary: 'kedvezmenyezett', toDevelop: 'fejlesztendo', complex: 'komplex_program' } as const;

/** KSH legal status code of territorial units that are not settlements (fictitious units). */
const NOT_A_SETTLEMENT_STATUS = '90';
/** The capital as a whole: its 23 districts are the settlement rows. */
const BUDAPEST_WHOLE = '13578';
const BUDAPEST_COUNTY_LABEL = 'főváros';
const BENEFICIARY_CODES = new Set([1, 2, 3, 9]);
const SOURCE_105 = '105/2015. (IV. 23.) Korm. rendelet; KSH területi számjelrendszer 2018';
const SOURCE_290 = '290/2014. (XI. 26.) Korm. rendelet';

/** Reads and validates every base file; throws an ImportError at the first problem. Writes nothing. */
export function parseBaseData(source: BaseSource): BaseData {
  const notes: string[] = [];
  const gazetteer = groupGazetteer(source.gazetteer);
  const territorial = readTerritorial(source.territorialCodes, gazetteer, notes);

  const settlementBoundaries = collectBoundaries(source, 'settlements', 5, (code, feature) => {
    if (gazetteer.has(code)) return true;
    if (code === BUDAPEST_WHOLE) return false;
    throw new ImportError(source.boundaryFile('settlements'), feature.location, `unknown KSH code "${code}" (not in the 2024 gazetteer)`);
  });
  const settlements: SettlementInput[] = [];
  const districtInfo = new Map<string, { name: string; seat: string; countyCode: string }>();
  const countyNames = new Map<string, string>();
  for (const [code, rows] of gazetteer) {
    const first = rows[0]!;
    const v = first.values;
    const countyCode = territorial.countyOf.get(code);
    if (!countyCode) throw new ImportError(source.gazetteer, `line ${first.line}`, `KSH code ${code} is not in the territorial code system file, so its county is unknown`);
    const districtCode = v[G.district]!.slice(0, 3);
    const boundary = settlementBoundaries.get(code);
    if (!boundary) throw new ImportError(source.gazetteer, `line ${first.line}`, `settlement ${code} (${v[G.name]}) has no boundary in the settlements layer`);
    const countyName = v[G.county] === BUDAPEST_COUNTY_LABEL ? 'Budapest' : v[G.county]!;
    countyNames.set(countyCode, countyName);
    const known = districtInfo.get(districtCode);
    if (known && known.countyCode !== countyCode) {
      throw new ImportError(source.gazetteer, `line ${first.line}`, `district ${districtCode} lies in two counties (${known.countyCode} and ${countyCode})`);
    }
    districtInfo.set(districtCode, { name: v[G.districtName]!, seat: v[G.districtSeat]!, countyCode });
    const name = v[G.name]!;
    settlements.push({
      code, name, nameFolded: foldName(name), legalStatus: v[G.status]!, countyCode, districtCode,
      population2024: wholeNumber(source.gazetteer, first, G.population),
      areaHa: wholeNumber(source.gazetteer, first, G.area),
      dwellings: wholeNumber(source.gazetteer, first, G.dwellings),
      romaSelfGovernment: v[G.roma] === '1',
      postcodes: [...new Set(rows.map((row) => row.values[G.postcode]!).filter((postcode) => postcode !== ''))].sort(),
      boundary,
    });
  }

  const districtBoundaries = collectBoundaries(source, 'districts', 3, (code, feature) => {
    if (districtInfo.has(code)) return true;
    throw new ImportError(source.boundaryFile('districts'), feature.location, `unknown district code "${code}" (no settlement of the gazetteer lies in it)`);
  });
  const districts: DistrictInput[] = [...districtInfo].map(([code, info]) => {
    const boundary = districtBoundaries.get(code);
    if (!boundary) throw new ImportError(source.boundaryFile('districts'), undefined, `district ${code} (${info.name}) has no boundary`);
    return { code, name: info.name, nameFolded: foldName(info.name), seatName: info.seat, countyCode: info.countyCode, boundary };
  });

  const countyBoundaries = collectBoundaries(source, 'counties', 2, (code, feature) => {
    if (countyNames.has(code)) return true;
    throw new ImportError(source.boundaryFile('counties'), feature.location, `unknown county code "${code}"`);
  });
  const counties: CountyInput[] = [...countyNames].map(([code, name]) => {
    const boundary = countyBoundaries.get(code);
    if (!boundary) throw new ImportError(source.boundaryFile('counties'), undefined, `county ${code} (${name}) has no boundary`);
    return { code, name, nameFolded: foldName(name), boundary };
  });

  const parts = readParts(source.settlementParts, gazetteer, territorial.knownCodes, notes);
  const indicatorValues = [
    ...territorial.beneficiary,
    ...readDistrictIndex(source.districtIndex, districtInfo),
  ];
  return { counties, districts, settlements, parts, indicatorValues, notes };
}

function groupGazetteer(path: string): Map<string, CsvRow[]> {
  const rows = readCsv(path, { delimiter: ';', requiredColumns: Object.values(G) });
  const byCode = new Map<string, CsvRow[]>();
  for (const row of rows) {
    const code = kshCode(path, row, G.code, 5);
    for (const column of [G.name, G.status, G.county, G.districtName]) {
      if (!row.values[column]) throw new ImportError(path, `line ${row.line}`, `column "${column}" is empty`);
    }
    if (!/^\d{3}/.test(row.values[G.district] ?? '')) {
      throw new ImportError(path, `line ${row.line}`, `column "${G.district}" must start with a 3-digit district code, found "${row.values[G.district]}"`);
    }
    const group = byCode.get(code);
    if (group) group.push(row);
    else byCode.set(code, [row]);
  }
  return byCode;
}

function readTerritorial(path: string, gazetteer: Map<string, CsvRow[]>, notes: string[]) {
  const rows = readCsv(path, { delimiter: ',', requiredColumns: Object.values(T) });
  const countyOf = new Map<string, string>();
  const knownCodes = new Set<string>();
  const beneficiary: IndicatorValueInput[] = [];
  let skipped = 0;
  for (const row of rows) {
    const code = kshCode(path, row, T.code, 5);
    knownCodes.add(code);
    if (!gazetteer.has(code)) {
      if (row.values[T.status] === NOT_A_SETTLEMENT_STATUS || code === BUDAPEST_WHOLE) {
        skipped += 1;
        continue;
      }
      throw new ImportError(path, `line ${row.line}`, `unknown KSH code "${code}" (${row.values[T.name]}): not in the 2024 gazetteer`);
    }
    const county = row.values[T.county] ?? '';
    if (!/^\d{2}$/.test(county)) throw new ImportError(path, `line ${row.line}`, `column "${T.county}" must be a 2-digit county code, found "${county}"`);
    countyOf.set(code, county);
    const value = Number(row.values[T.beneficiary]);
    if (!BENEFICIARY_CODES.has(value)) {
      throw new ImportError(path, `line ${row.line}`, `column "${T.beneficiary}" must be 1, 2, 3 or 9, found "${row.values[T.beneficiary]}"`);
    }
    beneficiary.push({ unitKind: 'settlement', unitCode: code, indicatorKey: LOADED_INDICATOR_KEYS.beneficiary105, year: 2015, value, source: SOURCE_105 });
  }
  notes.push(`${path}: ${skipped} territorial units that are not settlements (fictitious units, Budapest as a whole) skipped`);
  return { countyOf, knownCodes, beneficiary };
}

function readParts(path: string, gazetteer: Map<string, CsvRow[]>, knownCodes: Set<string>, notes: string[]): SettlementPartInput[] {
  const rows = readCsv(path, { delimiter: ',', requiredColumns: Object.values(P) });
  const seqByCode = new Map<string, number>();
  const parts: SettlementPartInput[] = [];
  const skipped: string[] = [];
  for (const row of rows) {
    const code = kshCode(path, row, P.code, 5);
    if (!gazetteer.has(code)) {
      if (knownCodes.has(code)) {
        skipped.push(`line ${row.line} (${code} ${row.values[P.name]})`);
        continue;
      }
      throw new ImportError(path, `line ${row.line}`, `unknown KSH code "${code}": not in the 2024 gazetteer nor in the territorial code system`);
    }
    const seq = (seqByCode.get(code) ?? 0) + 1;
    seqByCode.set(code, seq);
    const v = row.values;
    if (!v[P.name] || !v[P.type]) throw new ImportError(path, `line ${row.line}`, `columns "${P.name}" and "${P.type}" must not be empty`);
    parts.push({
      settlementCode: code, seq, name: v[P.name]!, partType: v[P.type]!,
      outskirtKind: v[P.outskirtKind] || null,
      postcode: v[P.postcode] && v[P.postcode] !== '*' ? v[P.postcode]! : null,
      distanceKm: optionalNumber(path, row, P.distance),
      population2011: optionalWholeNumber(path, row, P.population),
      dwellings2011: optionalWholeNumber(path, row, P.dwellings),
    });
  }
  if (skipped.length > 0) notes.push(`${path}: ${skipped.length} part(s) of territorial units that are not settlement rows skipped: ${skipped.join(', ')}`);
  return parts;
}

function readDistrictIndex(path: string, districts: Map<string, unknown>): IndicatorValueInput[] {
  const rows = readCsv(path, { delimiter: ',', requiredColumns: Object.values(D) });
  const values: IndicatorValueInput[] = [];
  for (const row of rows) {
    const code = kshCode(path, row, D.code, 3);
    if (!districts.has(code)) throw new ImportError(path, `line ${row.line}`, `unknown district code "${code}"`);
    const index = optionalNumber(path, row, D.index);
    if (index === null) throw new ImportError(path, `line ${row.line}`, `column "${D.index}" is empty`);
    const flag = (column: string) => {
      const text = row.values[column];
      if (text !== '0' && text !== '1') throw new ImportError(path, `line ${row.line}`, `column "${column}" must be 0 or 1, found "${text}"`);
      return text === '1';
    };
    const cls = flag(D.complex) ? 3 : flag(D.toDevelop) ? 2 : flag(D.beneficiary) ? 1 : 0;
    const base = { unitKind: 'district' as const, unitCode: code, year: 2014, source: SOURCE_290 };
    values.push({ ...base, indicatorKey: LOADED_INDICATOR_KEYS.devIndex290, value: index });
    values.push({ ...base, indicatorKey: LOADED_INDICATOR_KEYS.devClass290, value: cls });
  }
  return values;
}

/** Boundaries per code as GeoJSON MultiPolygon text, parts of one code merged. */
function collectBoundaries(
  source: BaseSource,
  layer: BoundaryLayer,
  digits: number,
  accept: (code: string, feature: LocatedFeature) => boolean,
): Map<string, string> {
  const polygons = new Map<string, Position[][][]>();
  const file = source.boundaryFile(layer);
  for (const feature of source.boundaries(layer)) {
    const code = String(feature.properties.CODE ?? '');
    if (!new RegExp(`^\\d{${digits}}$`).test(code)) {
      throw new ImportError(file, feature.location, `property CODE must be a ${digits}-digit KSH code, found "${code}"`);
    }
    if (!accept(code, feature)) continue;
    const list = polygons.get(code) ?? [];
    list.push(...polygonsOf(file, feature.location, feature.geometry));
    polygons.set(code, list);
  }
  return new Map([...polygons].map(([code, coordinates]) => [code, JSON.stringify({ type: 'MultiPolygon', coordinates })]));
}

function polygonsOf(file: string, location: string, geometry: Geometry | null): Position[][][] {
  if (geometry?.type === 'Polygon') return [geometry.coordinates];
  if (geometry?.type === 'MultiPolygon') return geometry.coordinates;
  throw new ImportError(file, location, `expected a Polygon or MultiPolygon geometry, found ${geometry ? geometry.type : 'none'}`);
}

function kshCode(path: string, row: CsvRow, column: string, digits: number): string {
  const code = (row.values[column] ?? '').trim();
  if (!new RegExp(`^\\d{${digits}}$`).test(code)) {
    throw new ImportError(path, `line ${row.line}`, `column "${column}" must be a ${digits}-digit KSH code, found "${code}"`);
  }
  return code;
}

function wholeNumber(path: string, row: CsvRow, column: string): number {
  const value = optionalWholeNumber(path, row, column);
  if (value === null) throw new ImportError(path, `line ${row.line}`, `column "${column}" is empty`);
  return value;
}

function optionalWholeNumber(path: string, row: CsvRow, column: string): number | null {
  const value = optionalNumber(path, row, column);
  if (value !== null && (!Number.isInteger(value) || value < 0)) {
    throw new ImportError(path, `line ${row.line}`, `column "${column}" must be a whole number of at least 0, found "${row.values[column]}"`);
  }
  return value;
}

function optionalNumber(path: string, row: CsvRow, column: string): number | null {
  const text = (row.values[column] ?? '').trim();
  if (text === '') return null;
  const value = Number(text.replace(',', '.'));
  if (!Number.isFinite(value)) throw new ImportError(path, `line ${row.line}`, `column "${column}" must be a number, found "${text}"`);
  return value;
}
