import { sql, type Kysely } from 'kysely';

/**
 * The donation bank (issue 14): the controlled list of donation items, offers from donors,
 * the stock ledger with its maintained per-warehouse aggregate, requests from partner
 * organisations, and allocations of stock to requests.
 *
 * Stock is the ledger (`stock_movement`, never updated or deleted); `stock_level` is its sum per
 * warehouse and item, kept in the same transaction as each movement so that a write can lock the
 * one row it changes (two writers racing for the last parcels queue on that row) and refuse to go
 * below zero by a CHECK as well as by the code. Tests compare the aggregate with the ledger.
 * Quantities are numeric(14,3): measured items (firewood in m³) take fractions, sums stay exact.
 * A private donor is stored without name or contact (a CHECK, not only the API, says so).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE donation_item (
      key text PRIMARY KEY CHECK (key ~ '^[a-z0-9][a-z0-9-]*$'),
      category text NOT NULL CHECK (category IN ('food', 'heating', 'clothing', 'health', 'housing', 'child-welfare', 'debt', 'other')),
      unit text NOT NULL,
      unit_kind text NOT NULL CHECK (unit_kind IN ('counted', 'measured')),
      name_hu text NOT NULL,
      name_en text NOT NULL,
      load_units double precision NOT NULL CHECK (load_units > 0),
      builtin boolean NOT NULL DEFAULT false,
      sort_order integer NOT NULL
    )`.execute(db);
  // Load units: one food parcel (a banana box) is 1; the others as many boxes' room in a van.
  await sql`
    INSERT INTO donation_item (key, category, unit, unit_kind, name_hu, name_en, load_units, builtin, sort_order) VALUES
      ('food-parcel', 'food', 'parcel', 'counted', 'Élelmiszercsomag', 'Food parcel', 1, true, 10),
      ('firewood', 'heating', 'm3', 'measured', 'Tűzifa', 'Firewood', 4, true, 20),
      ('clothing-bag', 'clothing', 'bag', 'counted', 'Ruhacsomag', 'Clothing bag', 1, true, 30),
      ('hygiene-pack', 'health', 'pack', 'counted', 'Tisztálkodási csomag', 'Hygiene pack', 1, true, 40),
      ('medicine', 'health', 'box', 'counted', 'Gyógyszer', 'Medicine', 1, true, 50),
      ('school-kit', 'child-welfare', 'kit', 'counted', 'Iskolacsomag', 'School kit', 1, true, 60),
      ('baby-pack', 'child-welfare', 'pack', 'counted', 'Babacsomag', 'Baby pack', 1, true, 70),
      ('furniture', 'housing', 'piece', 'counted', 'Bútordarab', 'Piece of furniture', 6, true, 80),
      ('bedding', 'housing', 'pack', 'counted', 'Ágyneműcsomag', 'Bedding pack', 1, true, 90),
      ('other', 'other', 'piece', 'counted', 'Egyéb adomány', 'Other donation', 1, true, 100)
  `.execute(db);

  await sql`
    CREATE TABLE donation_offer (
      id serial PRIMARY KEY,
      donor_kind text NOT NULL CHECK (donor_kind IN ('organisation', 'company', 'parish', 'private')),
      donor_name text,
      contact text,
      settlement_code char(5) NOT NULL REFERENCES settlement (code),
      geom geometry(Point, 4326) NOT NULL,
      available_from date,
      available_until date,
      status text NOT NULL DEFAULT 'offered' CHECK (status IN ('offered', 'accepted', 'collected', 'received', 'declined')),
      warehouse_id integer REFERENCES warehouse (id),
      note text,
      decline_reason text,
      import_id integer REFERENCES import_run (id),
      source_row integer,
      created_by_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz,
      CHECK (donor_kind <> 'private' OR (donor_name IS NULL AND contact IS NULL)),
      CHECK (donor_kind = 'private' OR donor_name IS NOT NULL),
      CHECK (available_until IS NULL OR available_from IS NULL OR available_until >= available_from),
      CHECK (status IN ('offered', 'declined') OR warehouse_id IS NOT NULL)
    )`.execute(db);
  await sql`
    CREATE TABLE donation_offer_line (
      offer_id integer NOT NULL REFERENCES donation_offer (id) ON DELETE CASCADE,
      item text NOT NULL REFERENCES donation_item (key),
      quantity numeric(14, 3) NOT NULL CHECK (quantity > 0),
      PRIMARY KEY (offer_id, item)
    )`.execute(db);

  await sql`
    CREATE TABLE donation_request (
      id serial PRIMARY KEY,
      settlement_code char(5) NOT NULL REFERENCES settlement (code),
      item text NOT NULL REFERENCES donation_item (key),
      quantity numeric(14, 3) NOT NULL CHECK (quantity > 0),
      urgency text NOT NULL CHECK (urgency IN ('low', 'medium', 'high', 'critical')),
      needed_by date,
      organisation text NOT NULL,
      note text,
      committed numeric(14, 3) NOT NULL DEFAULT 0 CHECK (committed >= 0),
      in_transit numeric(14, 3) NOT NULL DEFAULT 0 CHECK (in_transit >= 0),
      fulfilled numeric(14, 3) NOT NULL DEFAULT 0 CHECK (fulfilled >= 0),
      -- A request made from a signal stands on its own: rolling back the signals' import keeps it and drops the link.
      need_signal_id integer REFERENCES need_signal (id) ON DELETE SET NULL,
      cancelled_at timestamptz,
      cancel_reason text,
      import_id integer REFERENCES import_run (id),
      source_row integer,
      created_by_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (committed + in_transit + fulfilled <= quantity),
      CHECK ((cancelled_at IS NULL) = (cancel_reason IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX donation_request_open_idx ON donation_request (item) WHERE cancelled_at IS NULL`.execute(db);
  await sql`CREATE INDEX donation_request_settlement_idx ON donation_request (settlement_code)`.execute(db);

  await sql`
    CREATE TABLE donation_allocation (
      id serial PRIMARY KEY,
      status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'committed')),
      -- The newest ledger entry when it was computed: a later movement on its stock makes it stale.
      based_on_movement bigint NOT NULL,
      input jsonb NOT NULL,
      objective jsonb NOT NULL,
      solver jsonb NOT NULL,
      distance_method jsonb NOT NULL,
      unmet jsonb NOT NULL,
      created_by_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      committed_at timestamptz
    )`.execute(db);
  await sql`
    CREATE TABLE allocation_assignment (
      allocation_id integer NOT NULL REFERENCES donation_allocation (id) ON DELETE CASCADE,
      request_id integer NOT NULL REFERENCES donation_request (id),
      warehouse_id integer NOT NULL REFERENCES warehouse (id),
      item text NOT NULL REFERENCES donation_item (key),
      quantity numeric(14, 3) NOT NULL CHECK (quantity > 0),
      distance_km double precision NOT NULL,
      -- Once committed: still held at the warehouse (on the road included), of which on the road, and delivered.
      reserved numeric(14, 3) NOT NULL DEFAULT 0 CHECK (reserved >= 0),
      in_transit numeric(14, 3) NOT NULL DEFAULT 0 CHECK (in_transit >= 0 AND in_transit <= reserved),
      delivered numeric(14, 3) NOT NULL DEFAULT 0 CHECK (delivered >= 0),
      PRIMARY KEY (allocation_id, request_id, warehouse_id),
      CHECK (reserved + delivered <= quantity)
    )`.execute(db);
  await sql`CREATE INDEX allocation_assignment_request_idx ON allocation_assignment (request_id)`.execute(db);
  await sql`CREATE INDEX allocation_assignment_stock_idx ON allocation_assignment (warehouse_id, item) WHERE reserved > 0`.execute(db);

  await sql`
    CREATE TABLE stock_movement (
      id bigserial PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('received', 'distributed', 'transferred', 'adjusted', 'expired')),
      warehouse_id integer NOT NULL REFERENCES warehouse (id),
      to_warehouse_id integer REFERENCES warehouse (id),
      item text NOT NULL REFERENCES donation_item (key),
      -- The change at warehouse_id; a transfer adds its opposite at to_warehouse_id.
      quantity numeric(14, 3) NOT NULL CHECK (quantity <> 0),
      reason text,
      offer_id integer REFERENCES donation_offer (id),
      request_id integer REFERENCES donation_request (id),
      allocation_id integer REFERENCES donation_allocation (id),
      route_scenario_id integer,
      moved_on date NOT NULL,
      import_id integer REFERENCES import_run (id),
      recorded_by_name text NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((kind = 'transferred') = (to_warehouse_id IS NOT NULL)),
      CHECK (to_warehouse_id IS NULL OR to_warehouse_id <> warehouse_id),
      CHECK (kind <> 'adjusted' OR reason IS NOT NULL),
      CHECK (CASE kind WHEN 'received' THEN quantity > 0 WHEN 'adjusted' THEN true ELSE quantity < 0 END)
    )`.execute(db);
  await sql`CREATE INDEX stock_movement_stock_idx ON stock_movement (warehouse_id, item)`.execute(db);
  await sql`CREATE INDEX stock_movement_to_idx ON stock_movement (to_warehouse_id, item) WHERE to_warehouse_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX stock_movement_request_idx ON stock_movement (request_id) WHERE request_id IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE stock_level (
      warehouse_id integer NOT NULL REFERENCES warehouse (id),
      item text NOT NULL REFERENCES donation_item (key),
      quantity numeric(14, 3) NOT NULL DEFAULT 0,
      reserved numeric(14, 3) NOT NULL DEFAULT 0,
      PRIMARY KEY (warehouse_id, item),
      CHECK (reserved >= 0 AND quantity >= reserved)
    )`.execute(db);

  await sql`ALTER TABLE import_run DROP CONSTRAINT import_run_kind_check`.execute(db);
  await sql`ALTER TABLE import_run ADD CONSTRAINT import_run_kind_check CHECK (kind IN ('institutions', 'warehouses', 'segregated-areas', 'need-signals', 'donation-offers', 'stock-counts', 'donation-requests'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['stock_level', 'stock_movement', 'allocation_assignment', 'donation_allocation', 'donation_request', 'donation_offer_line', 'donation_offer', 'donation_item']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
  await sql`DELETE FROM import_run WHERE kind IN ('donation-offers', 'stock-counts', 'donation-requests')`.execute(db);
  await sql`ALTER TABLE import_run DROP CONSTRAINT import_run_kind_check`.execute(db);
  await sql`ALTER TABLE import_run ADD CONSTRAINT import_run_kind_check CHECK (kind IN ('institutions', 'warehouses', 'segregated-areas', 'need-signals'))`.execute(db);
}
