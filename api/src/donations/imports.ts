import { ArchiveTooLargeError, ImportError, LOCATION_FIELDS, mapColumns, parseDecimal, readSourceTable, SettlementLocator, type FieldSpec } from '@terep/data-import';
import {
  foldName, insertDonationOffer, insertDonationRequest, listDonationItems, listSettlementKeys, listStock, lockStock, readDonationPlaces, readDonationWarehouses, recordAudit, stockKey,
  type AuditActor, type DonationImportKind, type DonationImportOutcome, type DonationItem, type DonorKind, type Engine, type ImportPolicy, type ImportProblem,
  type ProblemCode, type Urgency,
} from '@terep/db';
import { applyMovement } from './stock-writes.ts';

type SourceTable = Awaited<ReturnType<typeof readSourceTable>>;

/** The columns of each kind, by their Hungarian and English headers (compared accent-insensitively). */
const ITEM = { aliases: ['adomany', 'tetel', 'adomanytetel', 'termek', 'item', 'donation item'], required: true };
const QUANTITY = { aliases: ['mennyiseg', 'darab', 'db', 'darabszam', 'quantity', 'amount', 'keszlet', 'count'], required: true };
const WAREHOUSE = { aliases: ['raktar', 'raktar azonosito', 'raktar neve', 'warehouse', 'warehouse id'], required: true };
const FIELDS: Record<DonationImportKind, Record<string, FieldSpec>> = {
  'donation-requests': {
    item: ITEM, quantity: QUANTITY,
    urgency: { aliases: ['surgosseg', 'urgency', 'prioritas', 'priority'] },
    neededBy: { aliases: ['hatarido', 'szukseges', 'szukseges eddig', 'needed by', 'deadline'] },
    organisation: { aliases: ['szervezet', 'kero szervezet', 'partner', 'organisation', 'organization'], required: true },
    note: { aliases: ['megjegyzes', 'note'] },
  },
  'donation-offers': {
    item: ITEM, quantity: QUANTITY,
    donorKind: { aliases: ['adomanyozo tipusa', 'felajanlo tipusa', 'donor kind', 'donor type'], required: true },
    donorName: { aliases: ['adomanyozo', 'adomanyozo neve', 'felajanlo', 'donor', 'donor name'] },
    contact: { aliases: ['kapcsolattarto', 'elerhetoseg', 'contact'] },
    availableFrom: { aliases: ['elerheto ettol', 'available from'] },
    availableUntil: { aliases: ['elerheto eddig', 'available until'] },
    warehouse: { ...WAREHOUSE, required: false },
    note: { aliases: ['megjegyzes', 'note'] },
  },
  'stock-counts': {
    warehouse: WAREHOUSE, item: ITEM, quantity: QUANTITY,
    date: { aliases: ['datum', 'leltar datuma', 'date', 'count date'] },
  },
};
const WITH_PLACE: readonly DonationImportKind[] = ['donation-requests', 'donation-offers'];
const PLACE_FIELDS = { ksh: LOCATION_FIELDS.ksh, settlement: LOCATION_FIELDS.settlement, postcode: LOCATION_FIELDS.postcode, county: LOCATION_FIELDS.county };

const URGENCIES: Record<string, Urgency> = {
  low: 'low', alacsony: 'low', 'nem surgos': 'low', medium: 'medium', kozepes: 'medium', normal: 'medium', high: 'high', magas: 'high', surgos: 'high',
  critical: 'critical', kritikus: 'critical', azonnali: 'critical', 'nagyon surgos': 'critical',
};
const DONOR_KINDS: Record<string, DonorKind> = {
  organisation: 'organisation', organization: 'organisation', szervezet: 'organisation', egyesulet: 'organisation', alapitvany: 'organisation',
  company: 'company', ceg: 'company', vallalat: 'company', vallalkozas: 'company', parish: 'parish', plebania: 'parish', egyhazkozseg: 'parish', gyulekezet: 'parish',
  private: 'private', maganszemely: 'private', magan: 'private',
};

/** A date as files write it: 2026-12-20, 2026.12.20., 2026. 12. 20. */
function parseDate(text: string): string | undefined {
  const match = /^(\d{4})[-. /]+(\d{1,2})[-. /]+(\d{1,2})\.?$/.exec(text.trim());
  if (!match) return undefined;
  const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso) ? iso : undefined;
}

/** A row's values once read; what a row of its kind needs is there when the row has no problem. */
interface RowValues {
  item?: string; quantity?: number; settlementCode?: string; warehouseId?: number; urgency?: Urgency; organisation?: string; note?: string | null;
  neededBy?: string; availableFrom?: string; availableUntil?: string; date?: string; donorKind?: DonorKind; donorName?: string | null; contact?: string | null;
}

interface ReadRow {
  row: number;
  countyCode: string | null;
  values: RowValues;
}

/**
 * Reads and checks a donation file: every row's item, quantity (whole for counted items),
 * settlement, warehouse, dates and choices, each failure a problem with its row number. Writes nothing.
 */
async function readRows(engine: Engine, kind: DonationImportKind, table: SourceTable, countyScope: readonly string[] | undefined) {
  const fields = FIELDS[kind];
  const columns = mapColumns(table.columns, WITH_PLACE.includes(kind) ? { ...fields, ...PLACE_FIELDS } : fields);
  const problems: ImportProblem[] = [];
  const problem = (code: ProblemCode, row: number | null, column: string | null | undefined, hu: string, en: string) =>
    problems.push({ severity: 'error', code, row, location: row === null ? 'header' : `row ${row}`, column: column ?? null, message: { hu, en } });
  const missing = Object.entries(fields).filter(([field, spec]) => spec.required && !columns[field]).map(([, spec]) => spec.aliases[0]!);
  if (WITH_PLACE.includes(kind) && !columns.ksh && !columns.settlement) missing.push('KSH kód / település');
  if (missing.length > 0) {
    problem('MISSING_COLUMNS', null, null, `hiányzó oszlopok: ${missing.join(', ')}; a fájl oszlopai: ${table.columns.join(', ')}`,
      `missing columns: ${missing.join(', ')}; the file's columns: ${table.columns.join(', ')}`);
    return { columns, problems, rows: [] as ReadRow[] };
  }
  const items = await listDonationItems(engine.db);
  const itemByName = new Map(items.flatMap((item) => [item.key, item.nameHu, item.nameEn].map((name) => [foldName(name), item] as const)));
  const warehouses = await readDonationWarehouses(engine.db, null);
  const locator = new SettlementLocator(await listSettlementKeys(engine.db));
  const stock = new Map((await listStock(engine.db, null)).map((row) => [stockKey(row.warehouseId, row.item), row]));
  const rows: ReadRow[] = [];
  for (const record of table.records) {
    const cell = (field: string) => (columns[field] ? (record.fields[columns[field]!] ?? '').trim() : '');
    const before = problems.length;
    const report = (code: ProblemCode, field: string | null, hu: string, en: string) => problem(code, record.row, field ? columns[field] : null, hu, en);
    const values: RowValues = {};
    let countyCode: string | null = null;

    const item: DonationItem | undefined = itemByName.get(foldName(cell('item')));
    if (!cell('item')) report('VALUE_MISSING', 'item', 'nincs megadva az adomány', 'no item given');
    else if (!item) report('UNKNOWN_VALUE', 'item', `ismeretlen adomány: „${cell('item')}”`, `unknown item "${cell('item')}"`);
    else values.item = item.key;

    const quantity = parseDecimal(cell('quantity'));
    // A stock count may find nothing left; anything else moves a positive amount.
    if (quantity === undefined || quantity < 0 || (quantity === 0 && kind !== 'stock-counts')) {
      report('INVALID_NUMBER', 'quantity', `„${cell('quantity')}” nem pozitív szám`, `"${cell('quantity')}" is not a positive number`);
    } else if (item?.unitKind === 'counted' && !Number.isInteger(quantity)) {
      report('INVALID_NUMBER', 'quantity', `„${cell('quantity')}”: a(z) ${item.nameHu} darabra számolt, egész szám kell`, `"${cell('quantity')}": ${item.nameEn} is counted in whole units`);
    } else if (Math.round(quantity * 1000) !== quantity * 1000) {
      report('INVALID_NUMBER', 'quantity', `„${cell('quantity')}”: legfeljebb három tizedesjegy`, `"${cell('quantity')}": at most three decimals`);
    } else values.quantity = quantity;

    if (WITH_PLACE.includes(kind)) {
      const ksh = cell('ksh');
      let settlement = ksh ? locator.byKshCode(ksh) : undefined;
      if (ksh && !settlement) report('UNKNOWN_KSH_CODE', 'ksh', `ismeretlen KSH kód: „${ksh}”`, `unknown KSH code "${ksh}"`);
      if (!ksh && cell('settlement')) {
        const match = locator.byName(cell('settlement'), { postcode: cell('postcode'), county: cell('county') });
        if (match.kind === 'found') settlement = match.settlement;
        else if (match.kind === 'ambiguous') {
          report('AMBIGUOUS_SETTLEMENT', 'settlement', `több település is „${cell('settlement')}”: adjon meg KSH-kódot, irányítószámot vagy vármegyét`,
            `more than one settlement is called "${cell('settlement')}": give a KSH code, postcode or county`);
        } else report('UNKNOWN_SETTLEMENT', 'settlement', `ismeretlen település: „${cell('settlement')}”`, `unknown settlement "${cell('settlement')}"`);
      }
      if (!ksh && !cell('settlement')) report('NO_LOCATION', null, 'a sorban nincs település (KSH kód vagy név)', 'the row names no settlement (KSH code or name)');
      if (settlement) {
        values.settlementCode = settlement.code;
        countyCode = settlement.countyCode;
        if (countyScope && !countyScope.includes(settlement.countyCode)) {
          report('OUT_OF_SCOPE', null, `${settlement.name} az Ön megyéin kívül esik (${countyScope.join(', ')})`, `${settlement.name} is outside your counties (${countyScope.join(', ')})`);
        }
      }
    }

    if (cell('warehouse')) {
      const text = cell('warehouse');
      const warehouse = /^\d+$/.test(text) ? warehouses.find((row) => row.id === Number(text)) : warehouses.find((row) => foldName(row.name) === foldName(text));
      if (!warehouse) report('UNKNOWN_VALUE', 'warehouse', `ismeretlen raktár: „${text}” (azonosító vagy pontos név)`, `unknown warehouse "${text}" (its id or exact name)`);
      else values.warehouseId = warehouse.id;
    } else if (kind === 'stock-counts') report('VALUE_MISSING', 'warehouse', 'nincs megadva a raktár', 'no warehouse given');

    for (const field of ['neededBy', 'availableFrom', 'availableUntil', 'date'] as const) {
      if (!(field in fields) || !cell(field)) continue;
      const date = parseDate(cell(field));
      if (!date) report('INVALID_DATE', field, `„${cell(field)}” nem dátum (ÉÉÉÉ-HH-NN)`, `"${cell(field)}" is not a date (YYYY-MM-DD)`);
      else values[field] = date;
    }

    if (kind === 'donation-requests') {
      const urgency = cell('urgency') ? URGENCIES[foldName(cell('urgency'))] : 'medium';
      if (!urgency) report('UNKNOWN_VALUE', 'urgency', `ismeretlen sürgősség: „${cell('urgency')}”`, `unknown urgency "${cell('urgency')}"`);
      else values.urgency = urgency;
      if (!cell('organisation')) report('VALUE_MISSING', 'organisation', 'nincs megadva a kérő szervezet', 'no requesting organisation given');
      else values.organisation = cell('organisation');
      values.note = cell('note') || null;
    }
    if (kind === 'donation-offers') {
      const donorKind = DONOR_KINDS[foldName(cell('donorKind'))];
      if (!donorKind) report('UNKNOWN_VALUE', 'donorKind', `ismeretlen adományozótípus: „${cell('donorKind')}” (szervezet, cég, plébánia, magánszemély)`,
        `unknown donor kind "${cell('donorKind')}" (organisation, company, parish, private)`);
      else if (donorKind === 'private' && (cell('donorName') || cell('contact'))) {
        report('PERSONAL_DATA_COLUMN', cell('donorName') ? 'donorName' : 'contact', 'magánszemély adományozó nevét és elérhetőségét nem tároljuk: hagyja üresen',
          'the name and contact of a private donor are not stored: leave them empty');
      } else if (donorKind !== 'private' && !cell('donorName')) report('VALUE_MISSING', 'donorName', 'nincs megadva az adományozó neve', 'no donor name given');
      else {
        values.donorKind = donorKind;
        values.donorName = donorKind === 'private' ? null : cell('donorName');
        values.contact = donorKind === 'private' ? null : cell('contact') || null;
      }
      values.note = cell('note') || null;
    }
    if (kind === 'stock-counts' && typeof values.warehouseId === 'number' && typeof values.item === 'string' && typeof values.quantity === 'number') {
      const reserved = stock.get(stockKey(values.warehouseId, values.item))?.reserved ?? 0;
      if (values.quantity < reserved) {
        report('INVALID_NUMBER', 'quantity', `a számolt ${values.quantity} kevesebb, mint amennyit elosztás leköt (${reserved})`,
          `the count ${values.quantity} is below what allocations hold (${reserved})`);
      }
    }
    if (problems.length === before) rows.push({ row: record.row, countyCode, values });
  }
  return { columns, problems, rows };
}

/**
 * `POST /api/donations/imports/:kind`: reads a CSV or XLSX file of offers, stock counts or
 * requests, reports every row that cannot be taken by its row number, and (not a dry run, and
 * allowed by the policy) writes the rows in one transaction with one audit entry.
 */
export async function importDonations(
  engine: Engine, actor: AuditActor,
  options: { kind: DonationImportKind; fileName: string; bytes: Uint8Array; dryRun: boolean; policy: ImportPolicy; countyScope: readonly string[] | undefined },
): Promise<DonationImportOutcome> {
  const outcome = (fields: Partial<DonationImportOutcome>): DonationImportOutcome => ({
    kind: options.kind, fileName: options.fileName, columns: {}, totalRows: 0, validRows: 0, problems: [], status: 'rejected', policy: options.policy, written: 0, ids: [], ...fields,
  });
  let table: SourceTable;
  try {
    table = await readSourceTable(options.fileName, options.bytes);
  } catch (error) {
    if (!(error instanceof ImportError) || error instanceof ArchiveTooLargeError) throw error;
    return outcome({ problems: [{ severity: 'error', code: 'FILE_UNREADABLE', row: null, location: error.location ?? 'file', column: null, message: { hu: `a fájl nem olvasható: ${error.problem}`, en: `the file cannot be read: ${error.problem}` } }] });
  }
  const { columns, problems, rows } = await readRows(engine, options.kind, table, options.countyScope);
  const read = outcome({
    columns: Object.fromEntries(Object.entries(columns).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    totalRows: table.records.length, validRows: rows.length, problems,
  });
  if (options.dryRun) return { ...read, status: 'validated' };
  const fileError = problems.some((entry) => entry.row === null);
  if (rows.length === 0 || fileError || (problems.length > 0 && options.policy === 'all-or-nothing')) return read;

  const ids = await engine.db.transaction().execute(async (trx) => {
    const written: number[] = [];
    for (const { row, values } of rows) {
      const v = values;
      if (options.kind === 'donation-requests') {
        written.push(await insertDonationRequest(trx, {
          settlementCode: v.settlementCode!, item: v.item!, quantity: v.quantity!, urgency: v.urgency!, neededBy: v.neededBy ?? null, organisation: v.organisation!,
          note: v.note ?? null, needSignalId: null, importId: null, sourceRow: row,
        }, actor.username));
      } else if (options.kind === 'donation-offers') {
        const [place] = await readDonationPlaces(trx, [v.settlementCode!]);
        written.push(await insertDonationOffer(trx, {
          donorKind: v.donorKind!, donorName: v.donorName ?? null, contact: v.contact ?? null, settlementCode: v.settlementCode!, lon: place!.lon, lat: place!.lat,
          availableFrom: v.availableFrom ?? null, availableUntil: v.availableUntil ?? null, warehouseId: v.warehouseId ?? null,
          lines: [{ item: v.item!, quantity: v.quantity! }], note: v.note ?? null, importId: null, sourceRow: row,
        }, actor.username));
      } else {
        // The level counted against, locked: a movement in between would otherwise be counted twice.
        const level = (await lockStock(trx, [{ warehouseId: v.warehouseId!, item: v.item! }])).get(stockKey(v.warehouseId!, v.item!))!.quantity;
        const change = Math.round((v.quantity! - level) * 1000) / 1000;
        if (change === 0) continue;
        written.push(await applyMovement(trx, {
          kind: 'adjusted', warehouseId: v.warehouseId!, toWarehouseId: null, item: v.item!, quantity: change, reason: `leltár / stock count: ${options.fileName}, row ${row}`,
          offerId: null, requestId: null, allocationId: null, routeScenarioId: null, date: v.date ?? null, importId: null, recordedBy: actor.username,
        }));
      }
    }
    await recordAudit(trx, { actor, action: 'import', objectKind: options.kind === 'stock-counts' ? 'stock-movement' : options.kind === 'donation-offers' ? 'donation-offer' : 'donation-request',
      objectId: null, before: null, after: { kind: options.kind, fileName: options.fileName, rows: rows.length, ids: written, policy: options.policy } });
    return written;
  });
  return { ...read, status: 'imported', written: ids.length, ids };
}
