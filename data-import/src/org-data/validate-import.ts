import {
  listInstitutionTypes,
  listSettlementKeys,
  loadReferenceBook,
  locateAreas,
  locatePoints,
  type ImportKind,
  type ImportReport,
  type Kysely,
  type Database,
  type PlacedRow,
  type SettlementKey,
} from '@terep/db';
import { ImportError } from '../import-error.ts';
import { ArchiveTooLargeError } from '../readers/unzip-within-budget.ts';
import { EOV, WGS84 } from '../readers/declared-srid.ts';
import { readSourceTable, type ReadOptions } from '../readers/read-source-table.ts';
import { pointCoordinates } from '../readers/point-coordinates.ts';
import type { SourceRecord, SourceTable } from '../readers/source-table.ts';
import { LOCATION_FIELDS, mapColumns, personalDataColumns } from './column-map.ts';
import type { Choice, KindSpec } from './kinds/kind-spec.ts';
import { KINDS } from './kinds/kinds.ts';
import { INSTITUTION_TYPE_ALIASES } from './kinds/institution-type-aliases.ts';
import { judgeCoordinates, parseDecimal } from './locate/coordinates.ts';
import { SettlementLocator } from './locate/settlement-locator.ts';
import { parseValue } from './parse-value.ts';
import { problem, type ImportProblem } from './problems.ts';
import { ReferenceResolver } from './resolve-references.ts';

/** A valid row, placed: the shape the database's insert functions take. */
export type ValidatedRow = PlacedRow;

export interface ValidationOptions extends ReadOptions {
  /**
   * The counties the importing user may record data in (a regional user's); a row placed
   * elsewhere is an error of its own. Undefined: anywhere.
   */
  countyScope?: readonly string[] | undefined;
}

const PREVIEW_ROWS = 20;

/**
 * The one validation path of the CLI and the upload page: reads the file,
 * maps its columns, locates every row (KSH code, name, WGS 84 or EOV
 * coordinates, geometry), checks every value, and says what would be imported.
 * It writes nothing.
 */
export async function validateImport(
  db: Kysely<Database>,
  kind: ImportKind,
  fileName: string,
  bytes: Uint8Array,
  options: ValidationOptions = {},
): Promise<{ report: ImportReport; rows: ValidatedRow[] }> {
  let table: SourceTable;
  try {
    table = await readSourceTable(fileName, bytes, options);
  } catch (error) {
    // A zip bomb is no problem of a row to report: the caller refuses the upload (HTTP 413).
    if (!(error instanceof ImportError) || error instanceof ArchiveTooLargeError) throw error;
    const report = emptyReport(kind, fileName);
    report.problems.push(problem('error', 'FILE_UNREADABLE', { location: error.location }, translateFileProblem(error.problem), error.problem));
    return { report, rows: [] };
  }
  return validateTable(db, kind, fileName, table, options.countyScope);
}

function emptyReport(kind: ImportKind, fileName: string): ImportReport {
  return {
    kind, fileName, format: null, encoding: null, delimiter: null, coordinateSystems: [], columns: {},
    totalRows: 0, validRows: 0, invalidRows: 0, problems: [], preview: [],
  };
}

/**
 * Validates records already read, from a file or from a form (`validateRecord`):
 * one set of checks, so a signal typed into the page and a row of a file are judged alike.
 */
export async function validateTable(
  db: Kysely<Database>,
  kind: ImportKind,
  fileName: string,
  table: SourceTable,
  countyScope?: readonly string[],
): Promise<{ report: ImportReport; rows: ValidatedRow[] }> {
  const spec = KINDS[kind];
  const report = emptyReport(kind, fileName);
  report.format = table.format;
  report.encoding = table.encoding ?? null;
  report.delimiter = table.delimiter ?? null;
  report.totalRows = table.records.length;

  const columns = mapColumns(table.columns, { ...spec.fields, ...LOCATION_FIELDS });
  report.columns = Object.fromEntries(Object.entries(columns).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const fileProblems = checkColumns(spec, table, columns);
  if (fileProblems.length > 0) {
    report.problems.push(...fileProblems);
    report.invalidRows = table.records.length;
    return { report, rows: [] };
  }

  const settlements = await listSettlementKeys(db);
  const locator = new SettlementLocator(settlements);
  const institutionTypes: Choice[] = (await listInstitutionTypes(db)).map((type) => ({
    key: type.key,
    aliases: [
      type.key, type.nameHu, type.nameEn,
      ...type.nameHu.split(/[/()]/).map((part) => part.trim()).filter((part) => part.length > 3),
      ...(INSTITUTION_TYPE_ALIASES[type.key] ?? []),
    ],
  }));
  const problems: ImportProblem[] = [];
  const drafts = table.records.map((record) => draftRow(spec, record, columns, locator, institutionTypes, table.srid, problems));
  if (Object.values(spec.fields).some((field) => field.value.type === 'reference')) {
    const resolver = new ReferenceResolver(spec, await loadReferenceBook(db, kind), locator);
    for (const draft of drafts) {
      const where = (field: string) => ({ row: draft.record.row, location: draft.record.location, column: (columns as Record<string, string | undefined>)[field] ?? null });
      draft.areaCounties = resolver.resolve(draft.values, where, problems);
    }
  }

  markMixedCoordinateSystems(drafts, problems);
  report.coordinateSystems = [...new Set(drafts.flatMap((draft) => (draft.point?.kind === 'ok' ? [draft.point.srid] : [])))].sort();
  await placeRows(db, spec, drafts, table.srid, settlements, problems);

  const rows: ValidatedRow[] = [];
  const invalid = new Set(problems.filter((entry) => entry.severity === 'error' && entry.row !== null).map((entry) => entry.row));
  for (const draft of drafts) {
    if (invalid.has(draft.record.row) || (!draft.settlement && spec.place !== 'areas')) continue;
    const countyCode = draft.countyCode ?? draft.settlement?.countyCode ?? null;
    if (countyScope && draft.settlement && !countyScope.includes(countyCode!)) {
      problems.push(problem('error', 'OUT_OF_SCOPE', { row: draft.record.row, location: draft.record.location, column: null },
        `${draft.settlement.name} (${draft.settlement.countyName}) az Ön megyéin kívül esik (${countyScope.join(', ')}): ide nem rögzíthet adatot.`,
        `${draft.settlement.name} (${draft.settlement.countyName}) is outside your counties (${countyScope.join(', ')}): you cannot record data there.`));
      continue;
    }
    // An action area or a helper's area must lie wholly within the user's counties.
    const outside = countyScope ? draft.areaCounties.filter((county) => !countyScope.includes(county)) : [];
    if (outside.length > 0) {
      problems.push(problem('error', 'OUT_OF_SCOPE', { row: draft.record.row, location: draft.record.location, column: null },
        `a sor területe az Ön megyéin (${countyScope!.join(', ')}) kívülre is kiterjed (${outside.join(', ')}): ide nem rögzíthet adatot.`,
        `the row's area reaches beyond your counties (${countyScope!.join(', ')}) into ${outside.join(', ')}: you cannot record data there.`));
      continue;
    }
    rows.push({
      row: draft.record.row,
      settlementCode: draft.settlement?.code ?? null,
      countyCode,
      lon: draft.lon,
      lat: draft.lat,
      placedAtCentre: draft.placedAtCentre,
      area: draft.area,
      repaired: draft.repaired,
      values: draft.values,
    });
  }
  report.problems = problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  report.validRows = rows.length;
  report.invalidRows = table.records.length - rows.length;
  const names = new Map(settlements.map((settlement) => [settlement.code, settlement.name]));
  report.preview = rows.slice(0, PREVIEW_ROWS).map((row) => ({
    row: row.row, settlement: row.settlementCode === null ? '' : (names.get(row.settlementCode) ?? row.settlementCode), values: row.values,
  }));
  return { report, rows };
}

type PointVerdict = ReturnType<typeof judgeCoordinates>;

interface Draft {
  record: SourceRecord;
  values: Record<string, string | number | null>;
  /** Coordinates found in the row, judged; the column pair they came from. */
  point: PointVerdict | null;
  pointColumns: string | null;
  settlement: SettlementKey | null;
  countyCode: string | null;
  lon: number | null;
  lat: number | null;
  /** No coordinates of its own: the point stands at its settlement's centre. */
  placedAtCentre: boolean;
  area: string | null;
  repaired: boolean;
  /** Counties of the settlements, districts and segregated areas the row's references name. */
  areaCounties: string[];
}

function checkColumns(spec: KindSpec, table: SourceTable, columns: Record<string, string | undefined>): ImportProblem[] {
  const problems: ImportProblem[] = [];
  if (table.format === 'csv' && table.columns.length === 1) {
    problems.push(problem('error', 'MISSING_COLUMNS', { location: 'header' },
      `a fejlécben csak egy oszlop van („${table.columns[0]}”): jó az elválasztó karakter (${table.delimiter})? Próbálja „;” vagy „,” elválasztóval`,
      `the header has a single column ("${table.columns[0]}"): is the delimiter (${table.delimiter}) right? Try ";" or ","`));
  }
  const missing = Object.entries(spec.fields).filter(([field, field_spec]) => field_spec.required && !columns[field]);
  for (const [field, fieldSpec] of missing) {
    const expected = fieldSpec.aliases.slice(0, 4).join('", "');
    problems.push(problem('error', 'MISSING_COLUMNS', { location: 'header', column: field },
      `hiányzó oszlop: ${field} (elfogadott fejlécek pl. „${expected}”); a fájl oszlopai: ${table.columns.join(', ')}`,
      `missing column: ${field} (accepted headers e.g. "${expected}"); the file's columns: ${table.columns.join(', ')}`));
  }
  if (spec.oneOf && !spec.oneOf.some((field) => columns[field])) {
    problems.push(problem('error', 'MISSING_COLUMNS', { location: 'header' },
      `legalább az egyik oszlop kell: ${spec.oneOf.join(', ')}`, `at least one of these columns is needed: ${spec.oneOf.join(', ')}`));
  }
  const hasGeometry = table.records.some((record) => record.geometry !== null);
  const hasCoordinates = (columns.lon && columns.lat) || (columns.eovX && columns.eovY) || (columns.x && columns.y);
  const hasSettlement = columns.ksh || columns.settlement;
  if (spec.place === 'polygon' && !hasGeometry) {
    problems.push(problem('error', 'GEOMETRY_MISSING', { location: 'file' },
      'a szegregátumokhoz poligon geometria kell: GeoJSON, tömörített shapefile vagy GeoPackage fájl',
      'segregated areas need polygon geometry: a GeoJSON, zipped shapefile or GeoPackage file'));
  } else if ((spec.place === 'point' || spec.place === 'settlement') && !hasGeometry && !hasCoordinates && !hasSettlement) {
    problems.push(problem('error', 'MISSING_COLUMNS', { location: 'header' },
      'nincs helymeghatározó oszlop: KSH kód, településnév, lon/lat vagy EOV Y/X kell',
      'no column says where a row is: a KSH code, a settlement name, lon/lat or EOV Y/X is needed'));
  }
  if (spec.guardsPersonalData) {
    const personal = personalDataColumns(table.columns);
    if (personal.length > 0) {
      const reason = spec.personalDataReason ?? {
        hu: 'a szükségletjelzés csak összesített szám lehet, név és etnikai adat soha',
        en: 'need signals are aggregated counts only, never names or ethnicity',
      };
      problems.push(problem('error', 'PERSONAL_DATA_COLUMN', { location: 'header', column: personal.join(', ') },
        `a fájl személyes adatnak látszó oszlopot tartalmaz (${personal.join(', ')}): ${reason.hu}; törölje az oszlopot, és próbálja újra`,
        `the file has columns that look like personal data (${personal.join(', ')}): ${reason.en}; remove the column and try again`));
    }
  }
  return problems;
}

function draftRow(
  spec: KindSpec,
  record: SourceRecord,
  columns: Record<string, string | undefined>,
  locator: SettlementLocator,
  institutionTypes: Choice[],
  declaredSrid: number | undefined,
  problems: ImportProblem[],
): Draft {
  const at = (column: string | undefined) => ({ row: record.row, location: record.location, column: column ?? null });
  const cell = (field: string) => (columns[field] ? (record.fields[columns[field]!] ?? '') : '');
  const values: Record<string, string | number | null> = {};
  for (const [field, fieldSpec] of Object.entries(spec.fields)) {
    const choices = fieldSpec.value.type === 'choice' || fieldSpec.value.type === 'choices'
      ? (fieldSpec.value.choices === 'institution-types' ? institutionTypes : fieldSpec.value.choices) : [];
    const parsed = parseValue(cell(field), fieldSpec.value, choices);
    if (!parsed.ok) {
      const isChoice = fieldSpec.value.type === 'choice' || fieldSpec.value.type === 'choices';
      const code = isChoice ? 'UNKNOWN_VALUE' : fieldSpec.value.type === 'date' ? 'INVALID_DATE' : 'INVALID_NUMBER';
      // The accepted values, each in the report's language: a service type by its name (aliases 1 and 2 are its Hungarian and English names).
      const types = isChoice && 'choices' in fieldSpec.value && fieldSpec.value.choices === 'institution-types';
      const known = (language: 1 | 2) =>
        isChoice ? ` (${choices.map((choice) => (types ? choice.aliases[language] : language === 1 ? choice.aliases[1] : choice.key) ?? choice.key).join('; ')})` : '';
      problems.push(problem('error', code, at(columns[field]), `${parsed.hu}${known(1)}`, `${parsed.en}${known(2)}`));
      values[field] = null;
    } else {
      values[field] = parsed.value;
      if (parsed.value === null && fieldSpec.required) {
        problems.push(problem('error', 'VALUE_MISSING', at(columns[field]), `üres kötelező mező: ${columns[field]}`, `required value is empty: ${columns[field]}`));
      }
    }
  }
  if (spec.oneOf && spec.oneOf.every((field) => values[field] === null || values[field] === undefined)) {
    problems.push(problem('error', 'VALUE_MISSING', at(undefined), `legalább az egyik kell: ${spec.oneOf.join(', ')}`, `at least one is needed: ${spec.oneOf.join(', ')}`));
  }

  const draft: Draft = {
    record, values, point: null, pointColumns: null, settlement: null, countyCode: null, lon: null, lat: null, placedAtCentre: false, area: null, repaired: false,
    areaCounties: [],
  };
  // The row names its areas in reference fields, resolved after all rows are read.
  if (spec.place === 'areas') return draft;

  // Coordinates: a point geometry, then lon/lat, EOV Y/X, or plain x/y columns.
  if (spec.place !== 'polygon') {
    const pairs: [string, string | undefined, string | undefined, number | undefined][] = [
      ['lon/lat', cell('lon'), cell('lat'), undefined],
      [`${columns.eovY}/${columns.eovX}`, cell('eovY'), cell('eovX'), EOV],
      ['x/y', cell('x'), cell('y'), undefined],
    ];
    const geometryPoint = pointCoordinates(record.geometry);
    if (geometryPoint) {
      draft.point = judgeCoordinates(geometryPoint[0], geometryPoint[1], declaredSrid);
      draft.pointColumns = 'geometry';
    } else {
      for (const [label, xText, yText, srid] of pairs) {
        if (!xText && !yText) continue;
        const x = parseDecimal(xText ?? '');
        const y = parseDecimal(yText ?? '');
        if (x === undefined || y === undefined) {
          problems.push(problem('error', 'INVALID_NUMBER', at(label), `hibás koordináta: „${xText}”, „${yText}”`, `invalid coordinates: "${xText}", "${yText}"`));
        } else {
          draft.point = judgeCoordinates(x, y, srid);
          draft.pointColumns = label;
        }
        break;
      }
    }
    if (draft.point?.kind === 'swapped') {
      const eov = draft.point.srid === EOV;
      problems.push(problem('error', 'COORDINATES_SWAPPED', at(draft.pointColumns ?? undefined),
        eov ? 'az EOV Y (keleti) és X (északi) koordináta fel van cserélve: Y ~ 400 000–950 000, X ~ 30 000–380 000 m' : 'a hosszúság és a szélesség fel van cserélve (Magyarország: hosszúság 16–23°, szélesség 45,7–48,6°)',
        eov ? 'EOV easting (Y) and northing (X) are swapped: Y is about 400,000–950,000, X about 30,000–380,000 m' : 'longitude and latitude are swapped (Hungary: longitude 16–23°, latitude 45.7–48.6°)'));
    } else if (draft.point?.kind === 'outside') {
      problems.push(problem('error', 'COORDINATES_OUTSIDE_HUNGARY', at(draft.pointColumns ?? undefined),
        'a koordináták Magyarországon kívül esnek', 'the coordinates lie outside Hungary'));
    }
  }

  // The settlement, when the row names it.
  const code = cell('ksh');
  const name = cell('settlement');
  if (code) {
    const settlement = locator.byKshCode(code);
    if (settlement) draft.settlement = settlement;
    else problems.push(problem('error', 'UNKNOWN_KSH_CODE', at(columns.ksh), `ismeretlen KSH kód: „${code}”`, `unknown KSH code "${code}"`));
  } else if (name) {
    const match = locator.byName(name, { postcode: cell('postcode'), county: cell('county') });
    if (match.kind === 'found') {
      draft.settlement = match.settlement;
      if (match.resolvedBy) {
        const by = match.resolvedBy === 'postcode' ? `irányítószám ${cell('postcode')}` : `megye ${cell('county')}`;
        const byEn = match.resolvedBy === 'postcode' ? `postcode ${cell('postcode')}` : `county ${cell('county')}`;
        problems.push(problem('warning', 'SETTLEMENT_RESOLVED', at(columns.settlement),
          `„${name}” több településre illik; a(z) ${by} alapján: ${match.settlement.name} (${match.settlement.code})`,
          `"${name}" matches several settlements; resolved by ${byEn} to ${match.settlement.name} (${match.settlement.code})`));
      }
    } else if (match.kind === 'ambiguous') {
      const list = match.candidates.map((candidate) => `${candidate.name} (${candidate.code}, ${candidate.countyName})`).join('; ');
      problems.push(problem('error', 'AMBIGUOUS_SETTLEMENT', at(columns.settlement),
        `„${name}” több településre illik: ${list}; adjon meg irányítószámot, vármegyét vagy KSH-kódot`,
        `"${name}" matches several settlements: ${list}; add a postcode, county or KSH code`));
    } else {
      const hint = match.suggestions.length > 0 ? match.suggestions.map((candidate) => candidate.name).join(', ') : '';
      problems.push(problem('error', 'UNKNOWN_SETTLEMENT', at(columns.settlement),
        `ismeretlen település: „${name}”${hint ? ` (talán: ${hint})` : ''}`, `unknown settlement "${name}"${hint ? ` (did you mean: ${hint})` : ''}`));
    }
  } else if (spec.place !== 'polygon' && !draft.point) {
    problems.push(problem('error', 'NO_LOCATION', at(undefined), 'a sorból hiányzik a hely (KSH kód, településnév vagy koordináta)', 'the row does not say where it is (KSH code, settlement name or coordinates)'));
  }

  const servedCounty = values.servedCounty;
  if (typeof servedCounty === 'string') {
    const county = locatorCounty(locator, servedCounty);
    if (county) draft.countyCode = county;
    else problems.push(problem('error', 'UNKNOWN_COUNTY', at(columns.servedCounty), `ismeretlen megye: „${servedCounty}”`, `unknown county "${servedCounty}"`));
  }
  return draft;
}

function locatorCounty(locator: SettlementLocator, text: string): string | undefined {
  return locator.countyCode(text.replace(/\s*(vár)?megye$/i, ''));
}

/** Within one file, coordinates in a system other than most rows' are a mistake worth stopping for. */
function markMixedCoordinateSystems(drafts: Draft[], problems: ImportProblem[]): void {
  const counts = new Map<number, number>();
  for (const draft of drafts) if (draft.point?.kind === 'ok') counts.set(draft.point.srid, (counts.get(draft.point.srid) ?? 0) + 1);
  if (counts.size < 2) return;
  const majority = (counts.get(WGS84) ?? 0) >= (counts.get(EOV) ?? 0) ? WGS84 : EOV;
  const name = (srid: number) => (srid === EOV ? 'EOV' : 'WGS 84');
  for (const draft of drafts) {
    if (draft.point?.kind === 'ok' && draft.point.srid !== majority) {
      problems.push(problem('error', 'MIXED_COORDINATE_SYSTEMS', { row: draft.record.row, location: draft.record.location, column: draft.pointColumns },
        `ez a sor ${name(draft.point.srid)} koordinátát ad, a fájl többi sora ${name(majority)} koordinátát: egy fájlban egy rendszer legyen`,
        `this row gives ${name(draft.point.srid)} coordinates while the file's other rows give ${name(majority)}: use one system per file`));
      draft.point = null;
    }
  }
}

async function placeRows(
  db: Kysely<Database>,
  spec: KindSpec,
  drafts: Draft[],
  declaredSrid: number | undefined,
  settlements: SettlementKey[],
  problems: ImportProblem[],
): Promise<void> {
  const byCode = new Map(settlements.map((settlement) => [settlement.code, settlement]));
  const at = (draft: Draft, column: string | null = null) => ({ row: draft.record.row, location: draft.record.location, column });

  if (spec.place === 'polygon') {
    const withGeometry = drafts.filter((draft) => draft.record.geometry);
    for (const draft of drafts) {
      if (!draft.record.geometry) problems.push(problem('error', 'GEOMETRY_MISSING', at(draft), 'a sornak nincs geometriája', 'the row has no geometry'));
    }
    const located = await locateAreas(db, withGeometry.map((draft, index) => ({
      index, geometry: draft.record.geometry!, srid: declaredSrid ?? guessSrid(draft.record.geometry!),
    })));
    for (const area of located) {
      const draft = withGeometry[area.index]!;
      if (!area.polygonal || !area.geojson) {
        problems.push(problem('error', 'GEOMETRY_NOT_POLYGON', at(draft), 'a geometria nem poligon', 'the geometry is not a polygon'));
        continue;
      }
      if (!area.valid) {
        draft.repaired = true;
        problems.push(problem('warning', 'GEOMETRY_REPAIRED', at(draft),
          `érvénytelen poligon (${area.invalidReason}), ST_MakeValid javította`, `invalid polygon (${area.invalidReason}), repaired with ST_MakeValid`));
      }
      draft.area = area.geojson;
      const inside = area.settlementCode ? byCode.get(area.settlementCode) : undefined;
      if (inside) {
        if (draft.settlement && draft.settlement.code !== inside.code) mismatch(draft, inside, problems);
        draft.settlement = inside;
      } else if (!draft.settlement) {
        problems.push(problem('error', 'COORDINATES_OUTSIDE_HUNGARY', at(draft), 'a terület Magyarországon kívül esik', 'the area lies outside Hungary'));
      }
    }
    return;
  }

  const withPoint = drafts.filter((draft) => draft.point?.kind === 'ok');
  const located = await locatePoints(db, withPoint.map((draft, index) => {
    const point = draft.point as Extract<PointVerdict, { kind: 'ok' }>;
    return { index, x: point.x, y: point.y, srid: point.srid };
  }));
  for (const point of located) {
    const draft = withPoint[point.index]!;
    const inside = point.settlementCode ? byCode.get(point.settlementCode) : undefined;
    if (!inside) {
      problems.push(problem('error', 'COORDINATES_OUTSIDE_HUNGARY', at(draft, draft.pointColumns), 'a pont egyetlen magyar településre sem esik', 'the point lies in no Hungarian settlement'));
      continue;
    }
    if (draft.settlement && draft.settlement.code !== inside.code) mismatch(draft, inside, problems);
    draft.settlement = inside;
    draft.lon = point.lon;
    draft.lat = point.lat;
  }
  if (spec.place === 'point') {
    for (const draft of drafts) {
      if (draft.lon === null && draft.settlement && !draft.point) {
        [draft.lon, draft.lat] = draft.settlement.point;
        draft.placedAtCentre = true;
        problems.push(problem('warning', 'PLACED_AT_SETTLEMENT_CENTRE', at(draft),
          `nincs koordináta: a pont ${draft.settlement.name} központjába került`, `no coordinates: placed at the centre of ${draft.settlement.name}`));
      }
    }
  }
}

function mismatch(draft: Draft, inside: SettlementKey, problems: ImportProblem[]): void {
  problems.push(problem('warning', 'SETTLEMENT_MISMATCH', { row: draft.record.row, location: draft.record.location, column: null },
    `a megadott település ${draft.settlement!.name}, de a hely ${inside.name} területére esik; ${inside.name} lett`,
    `the row names ${draft.settlement!.name} but its place lies in ${inside.name}; ${inside.name} is used`));
}

/** A geometry without a declared system: EOV when its first coordinate is in metres. */
function guessSrid(geometry: { kind: 'geojson'; text: string } | { kind: 'wkb'; hex: string }): number {
  if (geometry.kind === 'wkb') return WGS84;
  const first = /-?\d+(\.\d+)?/.exec(geometry.text.slice(geometry.text.indexOf('coordinates')));
  return first && Math.abs(Number(first[0])) > 180 ? EOV : WGS84;
}

function translateFileProblem(text: string): string {
  const known: [RegExp, string][] = [
    [/^the file is empty$/, 'a fájl üres'],
    [/above the import limit/, 'a fájl nagyobb a megengedettnél; ossza kisebb fájlokra'],
    [/^unknown file type/, 'ismeretlen fájltípus: .csv, .xlsx, .geojson, tömörített shapefile (.zip) vagy .gpkg'],
    [/has a header but no data rows/, 'a fájlban csak fejléc van, adatsor nincs'],
    [/^malformed JSON/, 'hibás JSON'],
    [/^not a valid CSV/, 'hibás CSV fájl'],
    [/not valid UTF-8/, 'a fájl nem érvényes UTF-8 szöveg; a magyar Windows-exportok általában Windows-1250 kódolásúak'],
  ];
  const found = known.find(([pattern]) => pattern.test(text));
  return found ? `${found[1]} (${text})` : text;
}
