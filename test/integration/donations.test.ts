import { stockMismatches, type DistributedReport, type ImportRun, type DonationItem, type DonationLayers, type DonationImportOutcome, type DonationOffer, type OfferList, type RequestReport, type DonationRequest, type DonationRequestList, type StockLevel, type StockMovementList } from '@terep/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSuite } from '../src/api-suite.ts';
import { clearDonations, DONATION_WAREHOUSES, donationWarehouseIds } from '../src/donation-fixtures.ts';
import { engineCases } from '../src/engines.ts';
import { utf8 } from '../src/org-fixtures.ts';
import { xlsxFile } from '../src/vector-fixtures.ts';

interface ErrorAnswer {
  error: { code: string; message: string; params: Record<string, string | number> };
}

const ORGANISATION = 'Teszt adomány';
/** Sajószentpéter and Kazincbarcika (Borsod, 05); Bakonybánk (Komárom-Esztergom, 11). */
const BORSOD = ['16054', '06691'] as const;
const KOMAROM = '24244';

describe.each(engineCases())('donation bank: items, ledger and requests on $name', ({ open }) => {
  const suite = apiSuite(open, [DONATION_WAREHOUSES]);
  let miskolc = 0;
  let ozd = 0;

  beforeAll(async () => {
    [miskolc, ozd] = await donationWarehouseIds(suite);
  });
  afterAll(async () => {
    await clearDonations(suite.engine, await donationWarehouseIds(suite), ORGANISATION);
    await sql`DELETE FROM need_signal WHERE import_id IS NULL AND organisation LIKE ${`${ORGANISATION}%`}`.execute(suite.engine.db);
  });

  const move = (body: Record<string, unknown>, status = 201) => suite.send<{ id: number } & ErrorAnswer>('POST', '/api/stock/movements', body, status);
  const stockOf = async (warehouseId: number, item: string) =>
    (await suite.send<StockLevel[]>('GET', `/api/stock?warehouseId=${warehouseId}`)).find((row) => row.item === item);
  const ledgerAgrees = async () => expect(await stockMismatches(suite.engine.db)).toEqual([]);

  it('lists the controlled items with their categories and units', async () => {
    const items = await suite.as('viewer').send<DonationItem[]>('GET', '/api/items');
    expect(items.find((item) => item.key === 'food-parcel')).toMatchObject({ category: 'food', unit: 'parcel', nameHu: 'Élelmiszercsomag', nameEn: 'Food parcel', unitKind: 'counted' });
    expect(items.find((item) => item.key === 'firewood')).toMatchObject({ category: 'heating', unit: 'm3', unitKind: 'measured' });
    expect(new Set(items.map((item) => item.category))).toEqual(new Set(['food', 'heating', 'clothing', 'health', 'child-welfare', 'housing', 'other']));
  });

  it('keeps stock as the sum of the ledger and refuses to go below zero with nothing written', async () => {
    const { id } = await move({ warehouseId: miskolc, item: 'food-parcel', quantity: 30, kind: 'received' });
    expect(id).toBeGreaterThan(0);
    await move({ warehouseId: miskolc, item: 'food-parcel', quantity: 5, kind: 'distributed' });
    await move({ warehouseId: miskolc, item: 'food-parcel', quantity: 10, kind: 'transferred', toWarehouseId: ozd });
    await move({ warehouseId: miskolc, item: 'food-parcel', quantity: -2, kind: 'adjusted', reason: 'leltár: sérült dobozok' });
    await move({ warehouseId: miskolc, item: 'firewood', quantity: 2.5, kind: 'received' });
    expect(await stockOf(miskolc, 'food-parcel')).toEqual({ warehouseId: miskolc, item: 'food-parcel', quantity: 13, reserved: 0, available: 13 });
    expect(await stockOf(ozd, 'food-parcel')).toMatchObject({ quantity: 10 });
    expect(await stockOf(miskolc, 'firewood')).toMatchObject({ quantity: 2.5 });

    const before = await suite.send<StockMovementList>('GET', `/api/stock/movements?warehouseId=${miskolc}`);
    const refused = await move({ warehouseId: miskolc, item: 'food-parcel', quantity: 14, kind: 'distributed' }, 409);
    expect(refused.error).toMatchObject({ code: 'STOCK_INSUFFICIENT', params: { warehouseId: miskolc, item: 'food-parcel', available: 13, requested: 14 } });
    expect((await move({ warehouseId: ozd, item: 'food-parcel', quantity: -11, kind: 'adjusted', reason: 'leltár' }, 409)).error.code).toBe('STOCK_INSUFFICIENT');
    expect((await suite.send<StockMovementList>('GET', `/api/stock/movements?warehouseId=${miskolc}`)).movements).toEqual(before.movements);
    expect(await stockOf(miskolc, 'food-parcel')).toMatchObject({ quantity: 13 });
    // Everyone sees stock levels; the ledger (who moved what) is not for viewers.
    expect(await suite.as('viewer').send<StockLevel[]>('GET', `/api/stock?warehouseId=${miskolc}`)).toContainEqual(expect.objectContaining({ item: 'food-parcel', quantity: 13 }));
    expect((await suite.as('viewer').send<ErrorAnswer>('GET', '/api/stock/movements', undefined, 403)).error.code).toBe('FORBIDDEN');
    await ledgerAgrees();

    // The warehouses' import cannot be rolled back under their ledger history: a clear 409, nothing removed.
    const imports = (await suite.send<{ imports: ImportRun[] }>('GET', '/api/imports')).imports;
    const warehouseImport = imports.find((run) => run.kind === 'warehouses' && run.fileName === DONATION_WAREHOUSES.fileName && run.status === 'active')!;
    const inUse = await suite.send<ErrorAnswer>('DELETE', `/api/imports/${warehouseImport.id}`, undefined, 409);
    expect(inUse.error).toMatchObject({ code: 'IMPORT_IN_USE', params: { id: warehouseImport.id, referencedBy: expect.stringMatching(/^(stock_movement|stock_level)$/) } });
    expect(await donationWarehouseIds(suite)).toEqual([miskolc, ozd, expect.any(Number)]);
    expect(await stockOf(miskolc, 'food-parcel')).toMatchObject({ quantity: 13 });
  });

  it('lets one of two writers racing for the last parcels win; the other gets 409', async () => {
    await move({ warehouseId: ozd, item: 'hygiene-pack', quantity: 3, kind: 'received' });
    for (let round = 0; round < 3; round += 1) {
      const answers = await Promise.all([2, 2].map((quantity) => suite.request('/api/stock/movements', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ warehouseId: ozd, item: 'hygiene-pack', quantity, kind: 'distributed' }),
      })));
      expect(answers.map((answer) => answer.status).sort()).toEqual(round === 0 ? [201, 409] : [409, 409]);
    }
    // Many writers at once: exactly as many succeed as the stock allows, and it ends at zero, never below.
    await move({ warehouseId: ozd, item: 'hygiene-pack', quantity: 4, kind: 'received' });
    const many = await Promise.all(Array.from({ length: 8 }, () => suite.request('/api/stock/movements', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ warehouseId: ozd, item: 'hygiene-pack', quantity: 1, kind: 'distributed' }),
    })));
    expect(many.filter((answer) => answer.status === 201)).toHaveLength(5);
    expect(many.filter((answer) => answer.status === 409)).toHaveLength(3);
    expect(await stockOf(ozd, 'hygiene-pack')).toBeUndefined();
    await ledgerAgrees();
  });

  it('refuses bad movements with stable codes and writes nothing', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ warehouseId: 999_999, item: 'food-parcel', quantity: 1, kind: 'received' }, 400, 'UNKNOWN_WAREHOUSE'],
      [{ warehouseId: miskolc, item: 'gold-bars', quantity: 1, kind: 'received' }, 400, 'UNKNOWN_ITEM'],
      [{ warehouseId: miskolc, item: 'food-parcel', quantity: -3, kind: 'received' }, 400, 'INVALID_QUANTITY'],
      [{ warehouseId: miskolc, item: 'food-parcel', quantity: 1.5, kind: 'received' }, 400, 'INVALID_QUANTITY'],
      [{ warehouseId: miskolc, item: 'food-parcel', quantity: 0, kind: 'adjusted', reason: 'x' }, 400, 'INVALID_QUANTITY'],
      [{ warehouseId: miskolc, item: 'firewood', quantity: 1.0001, kind: 'received' }, 400, 'INVALID_QUANTITY'],
      [{ warehouseId: miskolc, item: 'food-parcel', quantity: '3', kind: 'received' }, 400, 'INVALID_PARAMETER'],
      [{ warehouseId: miskolc, item: 'food-parcel', quantity: 3, kind: 'stolen' }, 400, 'INVALID_PARAMETER'],
      [{ warehouseId: miskolc, item: 'food-parcel', quantity: 3, kind: 'transferred' }, 400, 'INVALID_PARAMETER'],
      [{ warehouseId: miskolc, item: 'food-parcel', quantity: 3, kind: 'adjusted' }, 400, 'INVALID_PARAMETER'],
      [{ warehouseId: miskolc, item: 'food-parcel', quantity: 3, kind: 'received', requestId: 999_999 }, 404, 'REQUEST_NOT_FOUND'],
    ];
    const before = await suite.send<StockMovementList>('GET', '/api/stock/movements');
    for (const [body, status, code] of cases) expect((await move(body, status)).error.code, JSON.stringify(body)).toBe(code);
    expect((await move({ warehouseId: miskolc, item: 'food-parcel', quantity: 1.5, kind: 'received' }, 400)).error.params).toMatchObject({ reason: 'not-whole' });
    expect((await suite.send<StockMovementList>('GET', '/api/stock/movements')).movements).toEqual(before.movements);
    for (const role of ['viewer', 'planner', 'regional'] as const) {
      expect((await suite.as(role, role === 'regional' ? ['05'] : []).send<ErrorAnswer>('POST', '/api/stock/movements', cases[0]![0], 403)).error.code).toBe('FORBIDDEN');
    }
    await suite.as('logistics').send('POST', '/api/stock/movements', { warehouseId: miskolc, item: 'medicine', quantity: 1, kind: 'received' }, 201);
  });

  it('records requests, in their counties for regional staff, and cancels them with a reason', async () => {
    const regional = suite.as('regional', ['05']);
    const body = { settlementCode: BORSOD[0], item: 'food-parcel', quantity: 4, urgency: 'high', neededBy: '2026-12-20', organisation: `${ORGANISATION} Családsegítő` };
    const { id } = await regional.send<{ id: number }>('POST', '/api/requests', body, 201);
    const request = await suite.send<DonationRequest>('GET', `/api/requests/${id}`);
    expect(request).toMatchObject({ id, settlementCode: BORSOD[0], countyCode: '05', item: 'food-parcel', quantity: 4, urgency: 'high', neededBy: '2026-12-20',
      status: 'requested', committed: 0, inTransit: 0, fulfilled: 0, outstanding: 4, createdBy: 'test-regional-05' });
    expect((await regional.send<ErrorAnswer>('POST', '/api/requests', { ...body, settlementCode: KOMAROM }, 403)).error.code).toBe('OUT_OF_SCOPE');
    expect((await suite.as('regional', ['11']).send<DonationRequestList>('GET', '/api/requests')).requests.some((row) => row.id === id)).toBe(false);
    expect((await suite.as('viewer').send<ErrorAnswer>('POST', '/api/requests', body, 403)).error.code).toBe('FORBIDDEN');
    expect((await suite.as('viewer').send<ErrorAnswer>('GET', '/api/requests', undefined, 403)).error.code).toBe('FORBIDDEN');

    const bad: [Record<string, unknown>, string][] = [
      [{ ...body, settlementCode: '99999' }, 'UNKNOWN_SETTLEMENT'],
      [{ ...body, item: 'gold-bars' }, 'UNKNOWN_ITEM'],
      [{ ...body, quantity: 2.5 }, 'INVALID_QUANTITY'],
      [{ ...body, quantity: -1 }, 'INVALID_QUANTITY'],
      [{ ...body, urgency: 'whenever' }, 'INVALID_PARAMETER'],
      [{ ...body, neededBy: '2026-02-30' }, 'INVALID_PARAMETER'],
    ];
    for (const [input, code] of bad) expect((await suite.send<ErrorAnswer>('POST', '/api/requests', input, 400)).error.code, JSON.stringify(input)).toBe(code);

    const cancelled = await regional.send<DonationRequest>('POST', `/api/requests/${id}/cancel`, { reason: 'a család elköltözött' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'a család elköltözött', outstanding: 0 });
    expect((await regional.send<ErrorAnswer>('POST', `/api/requests/${id}/cancel`, { reason: 'még egyszer' }, 409)).error.code).toBe('REQUEST_CLOSED');
  });

  it('takes an offer from offered to received, booking it into the warehouse; a private donor without name or contact', async () => {
    const offer = { donorKind: 'parish', donorName: 'Teszt Plébánia', contact: 'plebania@example.org', settlementCode: BORSOD[1], availableFrom: '2026-12-01',
      availableUntil: '2026-12-24', lines: [{ item: 'clothing-bag', quantity: 12 }, { item: 'firewood', quantity: 1.5 }], note: `${ORGANISATION} felajánlás` };
    const { id } = await suite.as('logistics').send<{ id: number }>('POST', '/api/offers', offer, 201);
    expect(await suite.send<DonationOffer>('GET', `/api/offers/${id}`)).toMatchObject({ id, status: 'offered', donorName: 'Teszt Plébánia', settlementCode: BORSOD[1],
      countyCode: '05', warehouseId: null, lines: [{ item: 'firewood', quantity: 1.5 }, { item: 'clothing-bag', quantity: 12 }] });
    const step = (status: string, extra: Record<string, unknown> = {}, code = 200) => suite.send<DonationOffer & ErrorAnswer>('POST', `/api/offers/${id}/status`, { status, ...extra }, code);
    expect((await step('received', {}, 409)).error).toMatchObject({ code: 'OFFER_STATUS_INVALID', params: { from: 'offered', to: 'received' } });
    expect((await step('accepted', {}, 400)).error.params).toMatchObject({ field: 'warehouseId' });
    expect(await step('accepted', { warehouseId: miskolc })).toMatchObject({ status: 'accepted', warehouseId: miskolc, warehouseName: 'Miskolci raktár (adomány teszt)' });
    expect((await suite.send<OfferList>('GET', '/api/offers?status=accepted')).offers.map((row) => row.id)).toContain(id);
    await step('collected');
    const before = (await stockOf(miskolc, 'clothing-bag'))?.quantity ?? 0;
    expect(await step('received')).toMatchObject({ status: 'received' });
    expect((await stockOf(miskolc, 'clothing-bag'))?.quantity).toBe(before + 12);
    const ledger = await suite.send<StockMovementList>('GET', `/api/stock/movements?warehouseId=${miskolc}&item=firewood`);
    expect(ledger.movements[0]).toMatchObject({ kind: 'received', quantity: 1.5, offerId: id });
    expect((await step('declined', { reason: 'késő' }, 409)).error.code).toBe('OFFER_STATUS_INVALID');

    const privateOffer = { donorKind: 'private', settlementCode: BORSOD[0], lines: [{ item: 'food-parcel', quantity: 2 }], note: `${ORGANISATION} magán` };
    expect((await suite.send<ErrorAnswer>('POST', '/api/offers', { ...privateOffer, donorName: 'Kovács János' }, 400)).error.code).toBe('PERSONAL_DATA_NOT_STORED');
    expect((await suite.send<ErrorAnswer>('POST', '/api/offers', { ...privateOffer, contact: '+36 30 123 4567' }, 400)).error.code).toBe('PERSONAL_DATA_NOT_STORED');
    const { id: privateId } = await suite.send<{ id: number }>('POST', '/api/offers', { ...privateOffer, settlementCode: undefined, lon: 20.6994, lat: 48.09281 }, 201);
    expect(await suite.send<DonationOffer>('GET', `/api/offers/${privateId}`)).toMatchObject({ donorKind: 'private', donorName: null, contact: null, settlementCode: '30456' });
    expect((await suite.send<ErrorAnswer>('POST', '/api/offers', { ...privateOffer, donorKind: 'company' }, 400)).error.params).toMatchObject({ field: 'donorName' });
    expect((await suite.send<ErrorAnswer>('POST', '/api/offers', { ...privateOffer, lines: [{ item: 'food-parcel', quantity: 0.5 }] }, 400)).error.code).toBe('INVALID_QUANTITY');
    expect((await suite.send<DonationOffer>('POST', `/api/offers/${privateId}/status`, { status: 'declined', reason: 'nem tudjuk elhozni' })).status).toBe('declined');
    expect((await suite.as('viewer').send<ErrorAnswer>('GET', '/api/offers', undefined, 403)).error.code).toBe('FORBIDDEN');
    // Regional staff read the offers of their counties only (Borsod is 05).
    expect((await suite.as('regional', ['05']).send<OfferList>('GET', '/api/offers')).offers.map((row) => row.id)).toEqual(expect.arrayContaining([id, privateId]));
    const elsewhere = suite.as('regional', ['11']);
    expect((await elsewhere.send<OfferList>('GET', '/api/offers')).offers.filter((row) => row.countyCode !== '11')).toEqual([]);
    expect((await elsewhere.send<ErrorAnswer>('GET', `/api/offers/${id}`, undefined, 403)).error.code).toBe('OUT_OF_SCOPE');
    await ledgerAgrees();
  });

  it('creates requests from need signals in one step, and reports distributions by area with small counts withheld from viewers', async () => {
    const signal = await suite.send<{ id: number }>('POST', '/api/need-signals',
      { settlementCode: BORSOD[0], category: 'food', urgency: 'critical', households: 3, date: '2026-11-30', organisation: `${ORGANISATION} jelzés` }, 201);
    const heating = await suite.send<{ id: number }>('POST', '/api/need-signals',
      { settlementCode: BORSOD[0], category: 'heating', urgency: 'high', persons: 2, date: '2026-11-30', organisation: `${ORGANISATION} jelzés` }, 201);
    const { ids } = await suite.as('regional', ['05']).send<{ ids: number[] }>('POST', '/api/requests/from-signals', { signalIds: [signal.id, heating.id], neededBy: '2026-12-18' }, 201);
    const [food, wood] = await Promise.all(ids.map((id) => suite.send<DonationRequest>('GET', `/api/requests/${id}`)));
    expect(food).toMatchObject({ item: 'food-parcel', quantity: 3, urgency: 'critical', needSignalId: signal.id, settlementCode: BORSOD[0], neededBy: '2026-12-18' });
    expect(wood).toMatchObject({ item: 'firewood', quantity: 2, urgency: 'high', needSignalId: heating.id });
    expect((await suite.as('regional', ['11']).send<ErrorAnswer>('POST', '/api/requests/from-signals', { signalIds: [signal.id] }, 404)).error.code).toBe('NEED_SIGNAL_NOT_FOUND');
    // Signal rows are for admins and regional staff only, so the logistics role cannot name them either.
    expect((await suite.as('logistics').send<ErrorAnswer>('POST', '/api/requests/from-signals', { signalIds: [signal.id] }, 403)).error.code).toBe('FORBIDDEN');

    await move({ warehouseId: ozd, item: 'food-parcel', quantity: 3, kind: 'received' });
    await move({ warehouseId: ozd, item: 'food-parcel', quantity: 3, kind: 'distributed', requestId: food!.id, date: '2025-06-15' });
    const report = await suite.send<DistributedReport>('GET', '/api/donations/reports/distributed?level=settlement&from=2025-06-15&to=2025-06-15&item=food-parcel');
    expect(report.rows.find((row) => row.areaCode === BORSOD[0])).toEqual({ areaCode: BORSOD[0], areaName: 'Sajószentpéter', item: 'food-parcel', quantity: 3, requests: 1, requestsBelowThreshold: false });
    const county = await suite.as('viewer').send<DistributedReport>('GET', '/api/donations/reports/distributed?level=county&from=2025-06-15&to=2025-06-15');
    expect(county.rows.find((row) => row.areaCode === '05' && row.item === 'food-parcel')).toMatchObject({ quantity: 3, requests: null, requestsBelowThreshold: true });
    expect((await suite.send<DistributedReport>('GET', '/api/donations/reports/distributed?level=county&from=2025-06-16&to=2025-07-01')).rows.some((row) => row.areaCode === '05')).toBe(false);

    const csv = await suite.request('/api/donations/reports/distributed?level=county&from=2025-06-15&to=2025-06-15&format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // UTF-8 with a byte-order mark, so that Excel reads the accents.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('Vármegye kódja;Vármegye;Adomány;Kiosztott mennyiség;Kérések\r\n')).toBe(true);
    expect(text).toContain('05;Borsod-Abaúj-Zemplén;Élelmiszercsomag (parcel);3;1');

    const requests = await suite.as('viewer').send<RequestReport>('GET', '/api/donations/reports/requests');
    expect(requests.rows.find((row) => row.urgency === 'high' && row.item === 'firewood')).toMatchObject({ requests: null, requestsBelowThreshold: true });
    const layers = await suite.as('viewer').send<DonationLayers>('GET', '/api/donations/layers?item=firewood');
    expect(layers.requests.find((row) => row.settlementCode === BORSOD[0])).toMatchObject({ quantityByUrgency: { critical: 0, high: 2, medium: 0, low: 0 }, requests: null, requestsBelowThreshold: true });
    expect(layers.stock.find((row) => row.warehouseId === miskolc)!.items).toEqual([expect.objectContaining({ item: 'firewood' })]);
    for (const kind of ['stock', 'offers']) await suite.as('viewer').send('GET', `/api/donations/reports/${kind}`);
  });

  it('imports requests, offers and stock counts from CSV with row-numbered problems; nothing written under all-or-nothing', async () => {
    const upload = async (sender: Pick<typeof suite, 'request'>, kind: string, csv: string | Uint8Array, fields: Record<string, string> = {}) => {
      const form = new FormData();
      form.set('file', typeof csv === 'string' ? new File([utf8(csv)], `${kind}.csv`) : new File([csv], `${kind}.xlsx`));
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      const response = await sender.request(`/api/donations/imports/${kind}`, { method: 'POST', body: form });
      return { status: response.status, outcome: (await response.json()) as DonationImportOutcome };
    };
    const organisation = `${ORGANISATION} import`;
    const requests = [
      'KSH kód;Adomány;Mennyiség;Sürgősség;Határidő;Szervezet',
      `${BORSOD[0]};Élelmiszercsomag;3;kritikus;2026.12.20.;${organisation}`,
      `${BORSOD[1]};aranyrúd;1;magas;;${organisation}`,
      `${BORSOD[1]};Élelmiszercsomag;1,5;magas;;${organisation}`,
      `99999;Tűzifa;2,5;alacsony;;${organisation}`,
      `${BORSOD[1]};Tűzifa;2,5;sürgős;2026-02-30;${organisation}`,
    ].join('\n');
    const listed = async () => (await suite.send<DonationRequestList>('GET', '/api/requests')).requests.filter((row) => row.organisation === organisation);
    const dry = await upload(suite, 'donation-requests', requests);
    expect(dry.outcome).toMatchObject({ status: 'validated', totalRows: 5, validRows: 1, written: 0 });
    expect(dry.outcome.problems.map((entry) => [entry.row, entry.code, entry.column])).toEqual([
      [3, 'UNKNOWN_VALUE', 'Adomány'], [4, 'INVALID_NUMBER', 'Mennyiség'], [5, 'UNKNOWN_KSH_CODE', 'KSH kód'], [6, 'INVALID_DATE', 'Határidő'],
    ]);
    expect(dry.outcome.problems[0]!.message).toEqual({ hu: 'ismeretlen adomány: „aranyrúd”', en: 'unknown item "aranyrúd"' });
    expect((await upload(suite, 'donation-requests', requests, { dryRun: 'false' })).outcome).toMatchObject({ status: 'rejected', written: 0 });
    expect(await listed()).toEqual([]);
    const skipped = await upload(suite, 'donation-requests', requests, { dryRun: 'false', policy: 'skip-invalid' });
    expect(skipped.status).toBe(201);
    expect(skipped.outcome).toMatchObject({ status: 'imported', written: 1 });
    expect(await listed()).toEqual([expect.objectContaining({ id: skipped.outcome.ids[0], settlementCode: BORSOD[0], item: 'food-parcel', quantity: 3, urgency: 'critical', neededBy: '2026-12-20' })]);
    // A regional user's rows outside their counties are row errors.
    const outside = await upload(suite.as('regional', ['11']), 'donation-requests', requests.split('\n').slice(0, 2).join('\n'));
    expect(outside.outcome.problems.map((entry) => [entry.row, entry.code])).toEqual([[2, 'OUT_OF_SCOPE']]);

    const counts = ['Raktár;Adomány;Mennyiség;Dátum', `Pécsi raktár (adomány teszt);Iskolacsomag;40;2026-12-01`, `Pécsi raktár (adomány teszt);Tűzifa;3,25;2026-12-01`, 'Sehol raktár;Tűzifa;1;'].join('\n');
    const counted = await upload(suite.as('logistics'), 'stock-counts', counts, { dryRun: 'false', policy: 'skip-invalid' });
    expect(counted.outcome).toMatchObject({ status: 'imported', written: 2 });
    expect(counted.outcome.problems.map((entry) => [entry.row, entry.code])).toEqual([[4, 'UNKNOWN_VALUE']]);
    const [, , pecs] = await donationWarehouseIds(suite);
    expect(await stockOf(pecs, 'school-kit')).toMatchObject({ quantity: 40 });
    // Counting again books only the difference.
    await upload(suite, 'stock-counts', ['Raktár;Adomány;Mennyiség', `${pecs};school-kit;35`].join('\n'), { dryRun: 'false' });
    expect(await stockOf(pecs, 'school-kit')).toMatchObject({ quantity: 35 });
    const ledger = await suite.send<StockMovementList>('GET', `/api/stock/movements?warehouseId=${pecs}&item=school-kit`);
    expect(ledger.movements.map((movement) => [movement.kind, movement.quantity])).toEqual([['adjusted', -5], ['adjusted', 40]]);

    const offers = ['Adományozó típusa;Adományozó;Kapcsolattartó;Település;Adomány;Mennyiség;Raktár;Megjegyzés',
      `cég;Teszt Kft.;info@example.org;Ózd;Ruhacsomag;10;${ozd};${ORGANISATION} import`,
      `magánszemély;Kovács János;;Ózd;Ruhacsomag;2;;${ORGANISATION} import`].join('\n');
    const offered = await upload(suite, 'donation-offers', offers, { dryRun: 'false', policy: 'skip-invalid' });
    expect(offered.outcome).toMatchObject({ status: 'imported', written: 1 });
    expect(offered.outcome.problems.map((entry) => [entry.row, entry.code])).toEqual([[3, 'PERSONAL_DATA_COLUMN']]);
    expect(await suite.send<DonationOffer>('GET', `/api/offers/${offered.outcome.ids[0]}`)).toMatchObject({ donorKind: 'company', donorName: 'Teszt Kft.', warehouseId: ozd, lines: [{ item: 'clothing-bag', quantity: 10 }] });

    // The same from an Excel workbook.
    const workbook = await xlsxFile([['Raktár', 'Adomány', 'Mennyiség'], [pecs, 'Babacsomag', 7], [pecs, 'Babacsomag', 2.5]]);
    const fromExcel = await upload(suite, 'stock-counts', workbook, { dryRun: 'false', policy: 'skip-invalid' });
    expect(fromExcel.outcome.problems.map((entry) => [entry.row, entry.code])).toEqual([[3, 'INVALID_NUMBER']]);
    expect(await stockOf(pecs, 'baby-pack')).toMatchObject({ quantity: 7 });

    const missing = await upload(suite, 'stock-counts', 'Adomány;Mennyiség\nTűzifa;1\n');
    expect(missing.outcome.problems).toEqual([expect.objectContaining({ row: null, code: 'MISSING_COLUMNS' })]);
    expect((await upload(suite.as('viewer'), 'stock-counts', counts)).status).toBe(403);
    expect((await upload(suite, 'gold-bars', counts)).status).toBe(400);
    await ledgerAgrees();
  });
});
