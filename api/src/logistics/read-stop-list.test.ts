import { readSourceTable, SettlementLocator } from '@terep/data-import';
import { foldName, type SettlementKey } from '@terep/db';
import { describe, expect, it } from 'vitest';
import { readStopRows } from './read-stop-list.ts';

const settlement = (code: string, name: string, countyCode: string, countyName: string, postcodes: string[]): SettlementKey => ({
  code, name, nameFolded: foldName(name), countyCode, countyName, postcodes, point: [0, 0],
});
/** Three real gazetteer entries; Komló and Kömlő fold to the same name. */
const locator = new SettlementLocator([
  settlement('30456', 'Miskolc', '05', 'Borsod-Abaúj-Zemplén', ['3500']),
  settlement('26408', 'Komló', '02', 'Baranya', ['7300']),
  settlement('14535', 'Kömlő', '10', 'Heves', ['3372']),
]);

async function read(csv: string) {
  const table = await readSourceTable('megallok.csv', new TextEncoder().encode(csv));
  return readStopRows('megallok.csv', table, locator);
}

describe('readStopRows', () => {
  it('reads stops by KSH code or name, with amounts, windows and service minutes', async () => {
    const reading = await read([
      'KSH kód;Település;Megálló;Kiszállítás;Felvétel;Időablak;Kiszolgálási idő',
      '30456;;Miskolci Családsegítő;12;3;8:00-12:00;20',
      ';Kömlő;;4,5;;;',
      ';Komlo;;2;;;',
    ].join('\n'));
    expect(reading.rows).toBe(3);
    expect(reading.stops).toEqual([
      { row: 2, settlementCode: '30456', name: 'Miskolci Családsegítő', lon: 0, lat: 0, delivery: 12, pickup: 3, serviceMinutes: 20, window: { from: '08:00', to: '12:00' } },
      { row: 3, settlementCode: '14535', name: 'Kömlő', lon: 0, lat: 0, delivery: 4.5 },
    ]);
    expect(reading.problems).toHaveLength(1);
    expect(reading.problems[0]).toMatchObject({ code: 'AMBIGUOUS_SETTLEMENT', row: 4, column: 'Település' });
    expect(reading.problems[0]!.message.en).toContain('Komló (Baranya, 26408)');
  });

  it('reports every bad row by its line number, and reads from/to columns', async () => {
    const reading = await read([
      'település,csomag,ettől,eddig',
      'Sehonnan,1,,',
      'Miskolc,sok,,',
      'Miskolc,1,12:00,9:00',
      'Miskolc,1,9:00,délután',
      ',1,,',
      'Miskolc,2,10:00,',
    ].join('\n'));
    expect(reading.problems.map((entry) => [entry.row, entry.code])).toEqual([
      [2, 'UNKNOWN_SETTLEMENT'],
      [3, 'INVALID_NUMBER'],
      [4, 'INVALID_TIME_WINDOW'],
      [5, 'INVALID_TIME_WINDOW'],
      [6, 'NO_LOCATION'],
    ]);
    expect(reading.stops).toEqual([{ row: 7, settlementCode: '30456', name: 'Miskolc', lon: 0, lat: 0, delivery: 2, window: { from: '10:00', to: '24:00' } }]);
  });

  it('says which columns are missing', async () => {
    const reading = await read('név;darab\nMiskolc;3\n');
    expect(reading.stops).toEqual([]);
    expect(reading.problems.map((entry) => entry.code)).toEqual(['MISSING_COLUMNS', 'MISSING_COLUMNS']);
    expect(reading.problems[0]!.message.hu).toContain('nincs település oszlop');
  });
});
