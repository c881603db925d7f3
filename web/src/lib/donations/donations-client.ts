import { buildApiUrl, fetchJson } from '$lib/api/fetch-json';
import { sendJson } from '$lib/api/send-json';
import type {
  Allocation,
  AllocationInput,
  AllocationList,
  AllocationRouteProblems,
  ReportLevel,
  DeliveryInput,
  DeliveryRecorded,
  DistributedReport,
  DonationItem,
  DonationLayers,
  DonationOffer,
  DonationRequest,
  DonationRequestCreated,
  DonationRequestInput,
  DonationRequestList,
  OfferCreated,
  OfferInput,
  OfferList,
  OfferReport,
  OfferStatus,
  OfferStatusInput,
  RequestReport,
  RequestsFromSignalsCreated,
  RequestsFromSignalsInput,
  StockLevel,
  StockMovementCreated,
  StockMovementInput,
  StockMovementList,
  StockReport,
  Urgency,
} from '@terep/db/contract';

/*
 * The donation bank's calls (db/src/contract/donations.ts). Nothing is cached: every write on one
 * page changes what the others show.
 */

const fresh = { cache: 'no-store' } as const;

export function fetchItems(signal?: AbortSignal): Promise<DonationItem[]> {
  return fetchJson<DonationItem[]>('/api/items', { signal });
}

export function fetchStock(signal?: AbortSignal): Promise<StockLevel[]> {
  return fetchJson<StockLevel[]>('/api/stock', { signal, ...fresh });
}

export function fetchMovements(query: { warehouseId?: number; item?: string; limit?: number }, signal?: AbortSignal): Promise<StockMovementList> {
  return fetchJson<StockMovementList>('/api/stock/movements', { query, signal, ...fresh });
}

export function recordMovement(input: StockMovementInput): Promise<StockMovementCreated> {
  return sendJson<StockMovementCreated>('/api/stock/movements', input);
}

export function fetchOffers(query: { status?: OfferStatus; item?: string }, signal?: AbortSignal): Promise<OfferList> {
  return fetchJson<OfferList>('/api/offers', { query, signal, ...fresh });
}

export function createOffer(input: OfferInput): Promise<OfferCreated> {
  return sendJson<OfferCreated>('/api/offers', input);
}

export function setOfferStatus(id: number, input: OfferStatusInput): Promise<DonationOffer> {
  return sendJson<DonationOffer>(`/api/offers/${id}/status`, input);
}

export function fetchRequests(query: { status?: string; item?: string; urgency?: Urgency }, signal?: AbortSignal): Promise<DonationRequestList> {
  return fetchJson<DonationRequestList>('/api/requests', { query, signal, ...fresh });
}

export function createRequest(input: DonationRequestInput): Promise<DonationRequestCreated> {
  return sendJson<DonationRequestCreated>('/api/requests', input);
}

export function createRequestsFromSignals(input: RequestsFromSignalsInput): Promise<RequestsFromSignalsCreated> {
  return sendJson<RequestsFromSignalsCreated>('/api/requests/from-signals', input);
}

export function cancelRequest(id: number, reason: string): Promise<DonationRequest> {
  return sendJson<DonationRequest>(`/api/requests/${id}/cancel`, { reason });
}

export function computeAllocation(input: AllocationInput, signal?: AbortSignal): Promise<Allocation> {
  return sendJson<Allocation>('/api/allocations', input, { signal });
}

export function fetchAllocations(signal?: AbortSignal): Promise<AllocationList> {
  return fetchJson<AllocationList>('/api/allocations', { signal, ...fresh });
}

export function fetchAllocation(id: number, signal?: AbortSignal): Promise<Allocation> {
  return fetchJson<Allocation>(`/api/allocations/${id}`, { signal, ...fresh });
}

export function commitAllocation(id: number): Promise<Allocation> {
  return sendJson<Allocation>(`/api/allocations/${id}/commit`, {});
}

export function fetchAllocationRoutes(id: number, signal?: AbortSignal): Promise<AllocationRouteProblems> {
  return fetchJson<AllocationRouteProblems>(`/api/allocations/${id}/routes`, { signal, ...fresh });
}

export function dispatchAllocation(id: number, warehouseId: number, routeScenarioId?: number): Promise<unknown> {
  return sendJson<unknown>(`/api/allocations/${id}/dispatch`, { warehouseId, routeScenarioId });
}

export function recordDelivery(id: number, input: DeliveryInput): Promise<DeliveryRecorded> {
  return sendJson<DeliveryRecorded>(`/api/allocations/${id}/deliveries`, input);
}

export interface DistributedQuery {
  level: ReportLevel;
  from?: string;
  to?: string;
  item?: string;
}

export function fetchDistributedReport(query: DistributedQuery, signal?: AbortSignal): Promise<DistributedReport> {
  return fetchJson<DistributedReport>('/api/donations/reports/distributed', { query: { ...query }, signal, ...fresh });
}

export function fetchStockReport(signal?: AbortSignal): Promise<StockReport> {
  return fetchJson<StockReport>('/api/donations/reports/stock', { signal, ...fresh });
}

export function fetchRequestReport(signal?: AbortSignal): Promise<RequestReport> {
  return fetchJson<RequestReport>('/api/donations/reports/requests', { signal, ...fresh });
}

export function fetchOfferReport(signal?: AbortSignal): Promise<OfferReport> {
  return fetchJson<OfferReport>('/api/donations/reports/offers', { signal, ...fresh });
}

export type DonationReportKind = 'distributed' | 'stock' | 'requests' | 'offers';

/** The address of a report as the API's Hungarian Excel CSV (the browser downloads it with the session cookie). */
export function reportCsvUrl(kind: DonationReportKind, query: Partial<DistributedQuery> = {}): string {
  return buildApiUrl(`/api/donations/reports/${kind}`, { ...query, format: 'csv' });
}

export interface DonationLayerFilter {
  item?: string;
  urgency?: Urgency;
  offerStatus?: OfferStatus;
}

export function fetchDonationLayers(filter: DonationLayerFilter, signal?: AbortSignal): Promise<DonationLayers> {
  return fetchJson<DonationLayers>('/api/donations/layers', { query: { ...filter }, signal, ...fresh });
}
