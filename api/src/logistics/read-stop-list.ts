import { ArchiveTooLargeError, ImportError, LOCATION_FIELDS, mapColumns, parseDecimal, readSourceTable, SettlementLocator, type FieldSpec } from '@terep/data-import';
import { listSettlementKeys, type Engine, type StopListProblem, type StopListProblemCode, type StopListReading } from '@terep/db';
import { parseClockTime, parseWindowText } from './clock-time.ts';

type SourceTable = Awaited<ReturnType<typeof readSourceTable>>;

/** Columns of a stop list besides where a stop is, by their Hungarian and English headers (compared accent-insensitively). */
export const STOP_FIELDS = {
  name: { aliases: ['megallo', 'megallo neve', 'cimzett', 'partner', 'szervezet', 'stop', 'stop name', 'name'] },
  delivery: { aliases: ['kiszallitas', 'szallitas', 'mennyiseg', 'csomag', 'csomagok', 'haztartas', 'haztartasok', 'delivery', 'amount', 'parcels', 'households'] },
  pickup: { aliases: ['felvetel', 'begyujtes', 'gyujtes', 'adomany', 'pickup', 'collection'] },
  window: { aliases: ['idoablak', 'ablak', 'idosav', 'window', 'time window'] },
  from: { aliases: ['ettol', 'nyitas', 'kezdes', 'window from', 'from'] },
  to: { aliases: ['eddig', 'zaras', 'window to', 'until', 'to'] },
  service: { aliases: ['kiszolgalasi ido', 'szolgaltatasi ido', 'allasido', 'service minutes', 'service time', 'service'] },
} satisfies Record<string, FieldSpec>;

const problem = (code: StopListProblemCode, row: number | null, column: string | null, hu: string, en: string): StopListProblem => ({ code, row, column, message: { hu, en } });

/**
 * Reads a stop list (CSV or Excel) into stops: a settlement by KSH code or by name (a postcode or
 * county column settles ambiguous names, as in the imports), amounts to deliver and collect, a
 * window ("8:00-12:00", or from/to columns) and minutes at the stop. Every row that cannot be read
 * is reported with its row number and why; the others are returned.
 */
export function readStopRows(fileName: string, table: SourceTable, locator: SettlementLocator): StopListReading {
  const reading: StopListReading = { fileName, rows: table.records.length, stops: [], problems: [] };
  const columns = mapColumns(table.columns, { ...STOP_FIELDS, ksh: LOCATION_FIELDS.ksh, settlement: LOCATION_FIELDS.settlement, postcode: LOCATION_FIELDS.postcode, county: LOCATION_FIELDS.county });
  if (!columns.ksh && !columns.settlement) {
    reading.problems.push(problem('MISSING_COLUMNS', null, null,
      `nincs település oszlop: KSH kód vagy településnév kell; a fájl oszlopai: ${table.columns.join(', ')}`,
      `no settlement column: a KSH code or a settlement name is needed; the file's columns: ${table.columns.join(', ')}`));
  }
  if (!columns.delivery && !columns.pickup) {
    reading.problems.push(problem('MISSING_COLUMNS', null, null,
      `nincs mennyiség oszlop (pl. „Kiszállítás”, „Csomag”, „Felvétel”); a fájl oszlopai: ${table.columns.join(', ')}`,
      `no amount column (e.g. "Delivery", "Parcels", "Pickup"); the file's columns: ${table.columns.join(', ')}`));
  }
  if (reading.problems.length > 0) return reading;

  for (const record of table.records) {
    const cell = (field: keyof typeof columns) => (columns[field] ? (record.fields[columns[field]!] ?? '').trim() : '');
    const before = reading.problems.length;
    const report = (code: StopListProblemCode, column: string | undefined, hu: string, en: string) => reading.problems.push(problem(code, record.row, column ?? null, hu, en));

    let settlement = cell('ksh') ? locator.byKshCode(cell('ksh')) : undefined;
    if (cell('ksh') && !settlement) report('UNKNOWN_KSH_CODE', columns.ksh, `ismeretlen KSH kód: „${cell('ksh')}”`, `unknown KSH code "${cell('ksh')}"`);
    if (!cell('ksh') && cell('settlement')) {
      const match = locator.byName(cell('settlement'), { postcode: cell('postcode'), county: cell('county') });
      if (match.kind === 'found') settlement = match.settlement;
      else if (match.kind === 'ambiguous') {
        const candidates = match.candidates.map((candidate) => `${candidate.name} (${candidate.countyName}, ${candidate.code})`).join('; ');
        report('AMBIGUOUS_SETTLEMENT', columns.settlement, `több település is „${cell('settlement')}”: ${candidates}; adjon meg KSH-kódot, irányítószámot vagy vármegyét`,
          `more than one settlement is called "${cell('settlement')}": ${candidates}; give a KSH code, postcode or county`);
      } else {
        const hint = match.suggestions.length > 0 ? match.suggestions.map((entry) => entry.name).join(', ') : '';
        report('UNKNOWN_SETTLEMENT', columns.settlement, `ismeretlen település: „${cell('settlement')}”${hint ? ` (talán: ${hint})` : ''}`,
          `unknown settlement "${cell('settlement')}"${hint ? ` (perhaps: ${hint})` : ''}`);
      }
    }
    if (!cell('ksh') && !cell('settlement')) report('NO_LOCATION', undefined, 'a sorban nincs település (KSH kód vagy név)', 'the row names no settlement (KSH code or name)');

    const amount = (field: 'delivery' | 'pickup' | 'service'): number | undefined => {
      const text = cell(field);
      if (text === '') return undefined;
      const value = parseDecimal(text);
      if (value === undefined || value < 0) {
        report('INVALID_NUMBER', columns[field], `„${text}” nem nemnegatív szám`, `"${text}" is not a non-negative number`);
        return undefined;
      }
      return value;
    };
    const delivery = amount('delivery');
    const pickup = amount('pickup');
    const service = amount('service');

    let window: { from: string; to: string } | undefined;
    const windowText = cell('window');
    const fromText = cell('from');
    const toText = cell('to');
    if (windowText) {
      window = parseWindowText(windowText);
      if (!window) report('INVALID_TIME_WINDOW', columns.window, `„${windowText}” nem időablak (pl. 8:00-12:00)`, `"${windowText}" is not a time window (e.g. 8:00-12:00)`);
    } else if (fromText || toText) {
      const from = parseClockTime(fromText || '00:00');
      const to = parseClockTime(toText || '24:00');
      if (from === undefined || to === undefined) {
        report('INVALID_TIME_WINDOW', from === undefined ? columns.from : columns.to, `„${from === undefined ? fromText : toText}” nem időpont (ÓÓ:PP)`, `"${from === undefined ? fromText : toText}" is not a time of day (HH:MM)`);
      } else window = { from: fromText || '00:00', to: toText || '24:00' };
    }
    if (window && parseClockTime(window.to)! < parseClockTime(window.from)!) {
      report('INVALID_TIME_WINDOW', columns.window ?? columns.to, `az időablak vége (${window.to}) korábbi, mint a kezdete (${window.from})`, `the window closes (${window.to}) before it opens (${window.from})`);
    }

    if (reading.problems.length > before || !settlement) continue;
    reading.stops.push({
      row: record.row,
      settlementCode: settlement.code,
      name: cell('name') || settlement.name,
      lon: settlement.point[0],
      lat: settlement.point[1],
      delivery: delivery ?? 0,
      ...(pickup !== undefined ? { pickup } : {}),
      ...(service !== undefined ? { serviceMinutes: service } : {}),
      ...(window ? { window } : {}),
    });
  }
  return reading;
}

/** Above this a stop list is refused: a day's stops fit in a few kilobytes. */
export const MAX_STOP_LIST_BYTES = 5 * 1024 * 1024;

/** Reads an uploaded stop list against the settlements of the database; an unreadable file is one problem without a row. */
export async function readStopListFile(engine: Engine, fileName: string, bytes: Uint8Array): Promise<StopListReading> {
  let table: SourceTable;
  try {
    table = await readSourceTable(fileName, bytes, { maxBytes: MAX_STOP_LIST_BYTES });
  } catch (error) {
    // A zip bomb is refused as a whole (413 from the error handler), not reported as a row problem.
    if (!(error instanceof ImportError) || error instanceof ArchiveTooLargeError) throw error;
    return {
      fileName,
      rows: 0,
      stops: [],
      problems: [problem('FILE_UNREADABLE', null, null, `a fájl nem olvasható: ${error.problem}`, `the file cannot be read: ${error.problem}`)],
    };
  }
  return readStopRows(fileName, table, new SettlementLocator(await listSettlementKeys(engine.db)));
}
