import type { DistanceMethod } from './coverage.ts';
import type { NeedCategory, Urgency } from './need-signals.ts';
import type { RouteRequest } from './routing.ts';
import type { ImportPolicy, ImportProblem } from './imports.ts';

/*
 * The donation bank (issue 14): items, offers, the stock ledger, requests, allocations and the
 * reports over them. The routes and fields the issue fixes are marked "(issue 14)"; the rest are
 * Terep's own and only ever grow.
 */

// ── Items ────────────────────────────────────────────────────────────────────────────────────

/**
 * How an item is counted: 'counted' items move in whole units (parcels, bags, kits), 'measured'
 * ones in any positive amount (firewood in m³).
 */
export type ItemUnitKind = 'counted' | 'measured';

/** `GET /api/items` (issue 14) answers an array of these. */
export interface DonationItem {
  key: string;
  /** The need category the item answers (a request from a signal of this category gets this item). */
  category: NeedCategory;
  /** The unit's key: 'parcel', 'm3', 'bag', 'pack', 'box', 'kit', 'piece'. */
  unit: string;
  nameHu: string;
  nameEn: string;
  unitKind: ItemUnitKind;
  /** Van load units one unit of the item takes (a food parcel 1, a m³ of firewood 4...): route stops carry quantity × this. */
  loadUnits: number;
  /** False for the items an admin added. */
  builtin: boolean;
}

/** `POST /api/items` (admin): a new item of the controlled list. */
export interface DonationItemInput {
  key: string;
  category: NeedCategory;
  unit: string;
  nameHu: string;
  nameEn: string;
  unitKind: ItemUnitKind;
  loadUnits?: number;
}

// ── Stock ledger ─────────────────────────────────────────────────────────────────────────────

export type MovementKind = 'received' | 'distributed' | 'transferred' | 'adjusted' | 'expired';
export const MOVEMENT_KINDS: readonly MovementKind[] = ['received', 'distributed', 'transferred', 'adjusted', 'expired'];

/**
 * `POST /api/stock/movements` (issue 14) → `201 {id}`. `quantity` is positive; only an
 * 'adjusted' movement (a stock count) may carry a negative change, and it needs a `reason`.
 * A 'transferred' movement leaves `warehouseId` for `toWarehouseId`.
 * A movement that would take stock below zero (or below what committed allocations hold) is
 * refused with `409 STOCK_INSUFFICIENT` and nothing is written.
 */
export interface StockMovementInput {
  warehouseId: number;
  item: string;
  quantity: number;
  kind: MovementKind;
  toWarehouseId?: number;
  reason?: string;
  offerId?: number;
  requestId?: number;
  /** YYYY-MM-DD; today by default. */
  date?: string;
}

export interface StockMovementCreated {
  id: number;
}

/** One ledger entry (`GET /api/stock/movements?warehouseId=&item=&limit=`, newest first). */
export interface StockMovement {
  id: number;
  kind: MovementKind;
  warehouseId: number;
  warehouseName: string;
  toWarehouseId: number | null;
  toWarehouseName: string | null;
  item: string;
  /** The change at `warehouseId`: positive in, negative out (a transfer is negative here and positive at `toWarehouseId`). */
  quantity: number;
  reason: string | null;
  offerId: number | null;
  requestId: number | null;
  allocationId: number | null;
  /** The saved route scenario a delivery was confirmed for. */
  routeScenarioId: number | null;
  /** YYYY-MM-DD: when the goods moved. */
  date: string;
  recordedBy: string;
  /** ISO 8601, UTC. */
  recordedAt: string;
}

export interface StockMovementList {
  movements: StockMovement[];
}

/**
 * `GET /api/stock?warehouseId=ID` (issue 14) answers an array of these (every warehouse without
 * the parameter). `quantity` is on hand; `reserved` is held by committed allocations not yet
 * delivered; `available` = quantity − reserved is what a new allocation or movement may use.
 */
export interface StockLevel {
  warehouseId: number;
  item: string;
  quantity: number;
  reserved: number;
  available: number;
}

// ── Offers ───────────────────────────────────────────────────────────────────────────────────

export type DonorKind = 'organisation' | 'company' | 'parish' | 'private';
export const DONOR_KINDS: readonly DonorKind[] = ['organisation', 'company', 'parish', 'private'];

/** offered → accepted → collected → received, or declined (from offered or accepted). */
export type OfferStatus = 'offered' | 'accepted' | 'collected' | 'received' | 'declined';
export const OFFER_STATUSES: readonly OfferStatus[] = ['offered', 'accepted', 'collected', 'received', 'declined'];

export interface OfferLine {
  item: string;
  quantity: number;
}

/**
 * `POST /api/offers` → `201 {id}`. Where: a settlement, or a point (`lon`, `lat`) inside Hungary
 * (its settlement found by PostGIS). A private donor is stored without name or contact (sending
 * them is `400 PERSONAL_DATA_NOT_STORED`); other donors need `donorName`.
 */
export interface OfferInput {
  donorKind: DonorKind;
  donorName?: string;
  /** Contact person, phone or e-mail of an organisation, company or parish. */
  contact?: string;
  settlementCode?: string;
  lon?: number;
  lat?: number;
  /** YYYY-MM-DD. */
  availableFrom?: string;
  availableUntil?: string;
  /** The warehouse that will receive it (needed from 'accepted' on). */
  warehouseId?: number;
  lines: OfferLine[];
  note?: string;
}

export interface OfferCreated {
  id: number;
}

/** One offer (`GET /api/offers?status=&item=`, `GET /api/offers/:id`). */
export interface DonationOffer {
  id: number;
  donorKind: DonorKind;
  donorName: string | null;
  contact: string | null;
  settlementCode: string;
  settlementName: string;
  countyCode: string;
  lon: number;
  lat: number;
  availableFrom: string | null;
  availableUntil: string | null;
  status: OfferStatus;
  warehouseId: number | null;
  warehouseName: string | null;
  lines: OfferLine[];
  note: string | null;
  declineReason: string | null;
  createdBy: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  updatedAt: string | null;
}

export interface OfferList {
  offers: DonationOffer[];
}

/**
 * `POST /api/offers/:id/status` → the offer as it is now. Only the next status in the chain (or
 * 'declined' before collection) is allowed, otherwise `409 OFFER_STATUS_INVALID`. 'accepted'
 * needs a warehouse (sent here or on the offer); 'received' records a 'received' movement per
 * line into that warehouse in the same transaction; 'declined' needs a `reason`.
 */
export interface OfferStatusInput {
  status: OfferStatus;
  warehouseId?: number;
  reason?: string;
}

// ── Requests ─────────────────────────────────────────────────────────────────────────────────

/** The body of `POST /api/requests` (issue 14) → `201 {id}`. */
export interface DonationRequestInput {
  settlementCode: string;
  item: string;
  quantity: number;
  urgency: Urgency;
  /** YYYY-MM-DD. */
  neededBy?: string;
  /** The partner organisation asking (local helper service, mentor office, family support service). */
  organisation: string;
  note?: string;
}

export interface DonationRequestCreated {
  id: number;
}

/**
 * requested: nothing committed yet; committed: stock reserved by an allocation; in-transit: on a
 * dispatched route; fulfilled: delivered in full; cancelled (with a reason). Until all of it is
 * delivered, the status is the furthest step its undelivered quantity reached (a partly delivered
 * request with nothing else under way reads 'requested', with `fulfilled` above zero).
 */
export type RequestStatus = 'requested' | 'committed' | 'in-transit' | 'fulfilled' | 'cancelled';
export const REQUEST_STATUSES: readonly RequestStatus[] = ['requested', 'committed', 'in-transit', 'fulfilled', 'cancelled'];

/** One request (`GET /api/requests?status=&item=&urgency=&countyCode=`, `GET /api/requests/:id`). */
export interface DonationRequest {
  id: number;
  settlementCode: string;
  settlementName: string;
  districtCode: string;
  countyCode: string;
  item: string;
  urgency: Urgency;
  neededBy: string | null;
  organisation: string;
  note: string | null;
  status: RequestStatus;
  /** Requested. */
  quantity: number;
  /** Reserved by committed allocations, not yet on a route. */
  committed: number;
  inTransit: number;
  fulfilled: number;
  /** Still to allocate: quantity − committed − inTransit − fulfilled (0 once cancelled). */
  outstanding: number;
  /** The need signal it was created from. */
  needSignalId: number | null;
  cancelReason: string | null;
  createdBy: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  cancelledAt: string | null;
}

export interface DonationRequestList {
  requests: DonationRequest[];
}

/** `POST /api/requests/:id/cancel` → the request as it is now; its reservations are released. */
export interface RequestCancelInput {
  reason: string;
}

/**
 * `POST /api/requests/from-signals` → `201 {ids}`: one request per signal, in one transaction:
 * the signal's settlement, urgency and organisation, the item of its category (or `item`), and a
 * quantity of `perHousehold` × households (persons when households are not given, else 1).
 */
export interface RequestsFromSignalsInput {
  signalIds: number[];
  item?: string;
  /** Units per household; 1 by default. */
  perHousehold?: number;
  neededBy?: string;
}

export interface RequestsFromSignalsCreated {
  ids: number[];
}

// ── Allocations ──────────────────────────────────────────────────────────────────────────────

/** `POST /api/allocations` (issue 14): every part optional; by default all open requests and all available stock. */
export interface AllocationInput {
  warehouseIds?: number[];
  requestIds?: number[];
  items?: string[];
}

export interface AllocationAssignment {
  requestId: number;
  warehouseId: number;
  item: string;
  quantity: number;
  /** Warehouse → request settlement, by `distanceMethod`. */
  distanceKm: number;
}

/** Why part of a request stays unserved: no stock of its item left for it, or no warehouse with stock reaches it by road. */
export type UnmetReason = 'no-stock' | 'unreachable';

export interface AllocationUnmet {
  requestId: number;
  item: string;
  quantity: number;
  reason: UnmetReason;
}

/**
 * The two objectives in their order: first the served quantity by priority (critical before high
 * before medium before low, earlier needed-by first: `servedByUrgency` is that first objective
 * summed per urgency), then the least transport (Σ distance × quantity) among the allocations
 * that serve as much.
 */
export interface AllocationObjective {
  served: number;
  requested: number;
  servedByUrgency: Record<Urgency, number>;
  /** Σ distanceKm × quantity over the assignments. */
  transport: number;
}

export interface AllocationSolver {
  /** 'highs': served quantities by priority found by augmenting paths, transport minimised by HiGHS's simplex over them. */
  name: 'highs';
  /** True: proven optimal for both objectives. */
  optimal: boolean;
  seconds: number;
}

export type AllocationStatus = 'proposed' | 'committed';

/** The answer of `POST /api/allocations` (issue 14: `id, assignments, unmet, objective, solver, distanceMethod`) and of `GET /api/allocations/:id`. */
export interface Allocation {
  id: number;
  assignments: AllocationAssignment[];
  unmet: AllocationUnmet[];
  objective: AllocationObjective;
  solver: AllocationSolver;
  distanceMethod: DistanceMethod;
  status: AllocationStatus;
  createdBy: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  committedAt: string | null;
}

/** `GET /api/allocations` (newest first). */
export interface AllocationSummary {
  id: number;
  status: AllocationStatus;
  assignments: number;
  quantity: number;
  unmet: number;
  createdBy: string;
  createdAt: string;
  committedAt: string | null;
}

export interface AllocationList {
  allocations: AllocationSummary[];
}

/**
 * `POST /api/allocations/:id/commit` (issue 14) → the allocation, now 'committed', with its
 * assignments as reserved stock and committed request quantities. Committing again answers the
 * same (200, nothing written twice). A movement or another commit that touched its stock or its
 * requests after it was computed makes it `409 ALLOCATION_STALE` (compute it again).
 */
export type AllocationCommitted = Allocation;

// ── From allocation to the road ──────────────────────────────────────────────────────────────

/** One stop of a warehouse's route problem, tied back to the requests and offers it serves. */
export interface AllocationRouteStop {
  /** Index into `route.stops`. */
  stop: number;
  settlementCode: string;
  /** Delivered here: the requests' quantities in their own units. */
  requests: { requestId: number; item: string; quantity: number }[];
  /** Collected here: accepted offers whose goods go to this warehouse. */
  offers: { offerId: number; lines: OfferLine[] }[];
}

/**
 * `GET /api/allocations/:id/routes`: for a committed allocation, one route problem per warehouse
 * for `POST /api/routes` (depot = the warehouse; stop deliveries and pickups in van load units).
 */
export interface AllocationRouteProblem {
  warehouseId: number;
  warehouseName: string;
  route: RouteRequest;
  stops: AllocationRouteStop[];
}

export interface AllocationRouteProblems {
  allocationId: number;
  problems: AllocationRouteProblem[];
}

/**
 * `POST /api/allocations/:id/dispatch` `{warehouseId, routeScenarioId?}`: the warehouse's committed
 * quantities of this allocation go on the road (committed → in-transit).
 */
export interface AllocationDispatchInput {
  warehouseId: number;
  routeScenarioId?: number;
}

/**
 * `POST /api/allocations/:id/deliveries`: confirms what a warehouse's route delivered. Each line
 * records a 'distributed' movement (releasing its reservation) and fulfils the request by that
 * much; a partial delivery records what was delivered, the rest stays committed. Lines default to
 * everything the allocation holds for the warehouse. `collectedOfferIds` marks accepted offers
 * collected on the way.
 */
/** The answer of `POST /api/allocations/:id/dispatch`: the requests now (partly) in transit. */
export interface AllocationDispatched {
  requestIds: number[];
}

export interface DeliveryInput {
  warehouseId: number;
  routeScenarioId?: number;
  lines?: { requestId: number; quantity: number }[];
  collectedOfferIds?: number[];
  /** YYYY-MM-DD; today by default. */
  date?: string;
}

export interface DeliveryRecorded {
  movementIds: number[];
  fulfilledRequestIds: number[];
  collectedOfferIds: number[];
}

// ── Reports ──────────────────────────────────────────────────────────────────────────────────

export type AreaLevel = 'county' | 'district' | 'settlement';

/**
 * `GET /api/donations/reports/distributed?level=county|district|settlement&from=&to=&item=`
 * (`&format=csv` for the Hungarian Excel CSV): distributed quantities per area and item over the period.
 */
export interface DistributedReportRow {
  areaCode: string;
  areaName: string;
  item: string;
  quantity: number;
  /** Requests served; null below the small-count threshold for those who see aggregates only. */
  requests: number | null;
  requestsBelowThreshold: boolean;
}

export interface DistributedReport {
  level: AreaLevel;
  from: string | null;
  to: string | null;
  rows: DistributedReportRow[];
}

/** `GET /api/donations/reports/stock`: stock per warehouse and item. */
export interface StockReportRow {
  warehouseId: number;
  warehouseName: string;
  countyCode: string;
  item: string;
  quantity: number;
  reserved: number;
  available: number;
}

export interface StockReport {
  rows: StockReportRow[];
}

/** `GET /api/donations/reports/requests`: open (not fulfilled, not cancelled) requests by urgency and item. */
export interface RequestReportRow {
  urgency: Urgency;
  item: string;
  /** Null below the small-count threshold for those who see aggregates only. */
  requests: number | null;
  requestsBelowThreshold: boolean;
  quantity: number;
  /** Not yet allocated. */
  unmet: number;
}

export interface RequestReport {
  rows: RequestReportRow[];
}

/** `GET /api/donations/reports/offers`: offers by status and item. */
export interface OfferReportRow {
  status: OfferStatus;
  item: string;
  offers: number;
  quantity: number;
}

export interface OfferReport {
  rows: OfferReportRow[];
}

// ── Map layers ───────────────────────────────────────────────────────────────────────────────

/** Every warehouse with its stock per item (for bars/donuts). */
export interface WarehouseStockFeature {
  warehouseId: number;
  name: string;
  lon: number;
  lat: number;
  items: { item: string; quantity: number; available: number }[];
}

/** Open requests per settlement by urgency. */
export interface RequestSettlementFeature {
  settlementCode: string;
  settlementName: string;
  lon: number;
  lat: number;
  /** Open quantity per urgency. */
  quantityByUrgency: Record<Urgency, number>;
  /** Null below the small-count threshold for those who see aggregates only. */
  requests: number | null;
  requestsBelowThreshold: boolean;
}

/** Offers waiting for collection (offered, accepted), or of the `offerStatus` asked for. */
export interface OfferFeature {
  offerId: number;
  status: OfferStatus;
  donorKind: DonorKind;
  settlementCode: string;
  lon: number;
  lat: number;
  lines: OfferLine[];
}

/** `GET /api/donations/layers?item=&urgency=&offerStatus=`: the three donation map layers in one answer. */
export interface DonationLayers {
  stock: WarehouseStockFeature[];
  requests: RequestSettlementFeature[];
  offers: OfferFeature[];
}

// ── Errors ───────────────────────────────────────────────────────────────────────────────────

/**
 * The stable codes the donation routes answer beside the project's common ones (`INVALID_PARAMETER`
 * with `params.field`, `UNKNOWN_SETTLEMENT`, `FORBIDDEN`, `OUT_OF_SCOPE`...); each is worded in
 * web/src/lib/i18n/messages/api-errors.ts, and listed again in the API's `ApiErrorCode`
 * (api/src/http/api-error.ts), where the catalogue test reads the codes from.
 */
export type DonationErrorCode =
  /** 409: the movement would take stock (available = on hand − reserved) below zero; params {warehouseId, item, available, requested}. */
  | 'STOCK_INSUFFICIENT'
  /** 400: params {id} (the warehouse id); unknown settlements answer the routes' UNKNOWN_SETTLEMENT, params {codes}. */
  | 'UNKNOWN_WAREHOUSE'
  /** 400: params {item}. */
  | 'UNKNOWN_ITEM'
  /** 400: not a positive number, or not whole for a counted item; params {item, quantity, reason: 'not-positive' | 'not-whole'}. */
  | 'INVALID_QUANTITY'
  /** 404: params {id}. */
  | 'OFFER_NOT_FOUND'
  | 'REQUEST_NOT_FOUND'
  | 'ALLOCATION_NOT_FOUND'
  /** 400: a private donor sent with a name or contact. */
  | 'PERSONAL_DATA_NOT_STORED'
  /** 409: params {from, to}. */
  | 'OFFER_STATUS_INVALID'
  /** 409: the request is fulfilled or cancelled; params {id, status}. */
  | 'REQUEST_CLOSED'
  /** 409: stock or requests changed after the allocation was computed; params {warehouseId?, item?, requestId?}. */
  | 'ALLOCATION_STALE'
  /** 409: routes, dispatch or delivery of an allocation not committed yet. */
  | 'ALLOCATION_NOT_COMMITTED'
  /** 409: a delivery line above what the allocation holds for that request at that warehouse; params {requestId, held, quantity}. */
  | 'DELIVERY_EXCEEDS_COMMITTED'
  /** 409: `POST /api/items` with a key already in the list. */
  | 'ITEM_EXISTS';

// ── Imports ──────────────────────────────────────────────────────────────────────────────────

/**
 * `POST /api/donations/imports/:kind` (multipart: `file` CSV or XLSX, `dryRun` "true" | "false"
 * (default "true", as the organisations' imports), `policy`): 'donation-offers' (one offer of one
 * item per row), 'stock-counts' (an opening balance or a stock count: the counted level per
 * warehouse and item, booked as one 'adjusted' movement by the difference), 'donation-requests'.
 * Columns are found by their Hungarian or English headers; every row that cannot be read is a
 * problem with its row number, in both languages, and nothing is written under 'all-or-nothing'.
 */
export type DonationImportKind = 'donation-offers' | 'stock-counts' | 'donation-requests';
export const DONATION_IMPORT_KINDS: readonly DonationImportKind[] = ['donation-offers', 'stock-counts', 'donation-requests'];

export interface DonationImportOutcome {
  kind: DonationImportKind;
  fileName: string;
  /** Which file column each field was read from. */
  columns: Record<string, string>;
  totalRows: number;
  validRows: number;
  problems: ImportProblem[];
  /** 'validated': a dry run; 'imported': rows written; 'rejected': errors under the policy, nothing written. */
  status: 'validated' | 'imported' | 'rejected';
  policy: ImportPolicy;
  written: number;
  /** Ids of the offers, requests or movements written, in row order. */
  ids: number[];
}
