import {
  distributedByArea, listDonationItems, offerPoints, offersByStatus, openRequestsBySettlement, openRequestsByUrgency, stockByWarehouse, suppressSmallCount,
  isSmallCount, warehouseStock,
  type ReportLevel, type DistributedReport, type DonationLayers, type Engine, type OfferReport, type OfferStatus, type RequestReport, type Role, type StockReport, type Urgency,
} from '@terep/db';
import { excelCsv } from '../csv/excel-csv.ts';

/**
 * The donation reports and map layers. Every role reads them: they are aggregates. A viewer sees
 * aggregates only, so counts of requests (each one a family or a few) below the small-count
 * threshold are withheld from viewers (null and a flag, shown as "<5"); the other roles see the
 * requests themselves anyway.
 */
function counted(count: number, role: Role): { requests: number | null; requestsBelowThreshold: boolean } {
  if (role !== 'viewer') return { requests: count, requestsBelowThreshold: false };
  return { requests: suppressSmallCount(count), requestsBelowThreshold: isSmallCount(count) };
}

export async function distributedReport(
  engine: Engine, role: Role, filter: { level: ReportLevel; from: string | null; to: string | null; item: string | null },
): Promise<DistributedReport> {
  const rows = await distributedByArea(engine.db, filter);
  return { level: filter.level, from: filter.from, to: filter.to, rows: rows.map((row) => ({ ...row, ...counted(row.requests, role) })) };
}

export async function stockReport(engine: Engine): Promise<StockReport> {
  return { rows: await stockByWarehouse(engine.db) };
}

export async function requestReport(engine: Engine, role: Role, counties: readonly string[] | undefined): Promise<RequestReport> {
  const rows = await openRequestsByUrgency(engine.db, counties ?? null);
  return { rows: rows.map((row) => ({ ...row, ...counted(row.requests, role) })) };
}

export async function offerReport(engine: Engine): Promise<OfferReport> {
  return { rows: await offersByStatus(engine.db) };
}

export async function donationLayers(
  engine: Engine, role: Role, filter: { item: string | null; urgency: Urgency | null; offerStatuses: readonly OfferStatus[] },
): Promise<DonationLayers> {
  const [stock, requests, offers] = await Promise.all([
    warehouseStock(engine.db, filter.item),
    openRequestsBySettlement(engine.db, filter),
    offerPoints(engine.db, { statuses: filter.offerStatuses, item: filter.item }),
  ]);
  return { stock, requests: requests.map((row) => ({ ...row, ...counted(row.requests, role) })), offers };
}

/** A report table in the shared Hungarian Excel form; a count withheld from the viewer (null) reads "<5". */
function reportTable(headers: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return excelCsv([headers, ...rows.map((row) => row.map((cell) => cell ?? '<5'))]);
}

const LEVEL_HU: Record<ReportLevel, string> = { county: 'Vármegye', district: 'Járás', settlement: 'Település' };
const URGENCY_HU: Record<Urgency, string> = { critical: 'kritikus', high: 'magas', medium: 'közepes', low: 'alacsony' };
const STATUS_HU: Record<OfferStatus, string> = { offered: 'felajánlva', accepted: 'elfogadva', collected: 'begyűjtve', received: 'beérkezett', declined: 'elutasítva' };

/** The reports as CSV, Hungarian headers and item names. */
export async function reportCsv(engine: Engine, report: DistributedReport | StockReport | RequestReport | OfferReport, kind: 'distributed' | 'stock' | 'requests' | 'offers'): Promise<string> {
  const names = new Map((await listDonationItems(engine.db)).map((item) => [item.key, `${item.nameHu} (${item.unit})`]));
  const item = (key: string) => names.get(key) ?? key;
  switch (kind) {
    case 'distributed': {
      const { level, rows } = report as DistributedReport;
      return reportTable([`${LEVEL_HU[level]} kódja`, LEVEL_HU[level], 'Adomány', 'Kiosztott mennyiség', 'Kérések'],
        rows.map((row) => [row.areaCode, row.areaName, item(row.item), row.quantity, row.requests]));
    }
    case 'stock':
      return reportTable(['Raktár azonosító', 'Raktár', 'Vármegye kódja', 'Adomány', 'Készlet', 'Lekötve', 'Szabad'],
        (report as StockReport).rows.map((row) => [row.warehouseId, row.warehouseName, row.countyCode, item(row.item), row.quantity, row.reserved, row.available]));
    case 'requests':
      return reportTable(['Sürgősség', 'Adomány', 'Nyitott kérések', 'Kiszállítandó mennyiség', 'Elosztásra vár'],
        (report as RequestReport).rows.map((row) => [URGENCY_HU[row.urgency], item(row.item), row.requests, row.quantity, row.unmet]));
    case 'offers':
      return reportTable(['Állapot', 'Adomány', 'Felajánlások', 'Mennyiség'],
        (report as OfferReport).rows.map((row) => [STATUS_HU[row.status], item(row.item), row.offers, row.quantity]));
  }
}
