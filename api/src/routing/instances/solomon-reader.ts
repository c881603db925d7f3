import { readFileSync } from 'node:fs';
import { createProblemData } from '../model.ts';
import type { BenchmarkInstance } from './benchmark-instance.ts';
import { InstanceFormatError } from './instance-format-error.ts';

/**
 * Solomon (1987) VRPTW text files: VEHICLE NUMBER/CAPACITY, then one row per customer
 * (CUST NO., XCOORD., YCOORD., DEMAND, READY TIME, DUE DATE, SERVICE TIME), customer 0 the depot.
 *
 * DIMACS convention: distances are Euclidean truncated to one decimal and travel times equal them.
 * Everything time-like is scaled by 10 so the search works in exact integers; costs are divided
 * back on the way out (`costScale`).
 */

export const SOLOMON_SCALE = 10;

export interface SolomonCustomer {
  id: number;
  x: number;
  y: number;
  demand: number;
  ready: number;
  due: number;
  service: number;
  line: number;
}

export interface SolomonInstance {
  name: string;
  vehicles: number;
  capacity: number;
  depot: SolomonCustomer;
  customers: SolomonCustomer[];
}

export function parseSolomon(text: string, file: string): SolomonInstance {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const fail = (line: number, reason: string): never => {
    throw new InstanceFormatError(file, line, reason);
  };
  let index = 0;
  const nextContent = (): { line: number; text: string } | null => {
    while (index < lines.length) {
      const text = lines[index]!.trim();
      index += 1;
      if (text !== '') return { line: index, text };
    }
    return null;
  };
  const expect = (pattern: RegExp, what: string): { line: number; text: string } => {
    const row = nextContent();
    if (!row) return fail(lines.length, `file ends where ${what} was expected`);
    if (!pattern.test(row.text)) fail(row.line, `expected ${what}, got "${row.text.slice(0, 60)}"`);
    return row;
  };
  const numbers = (row: { line: number; text: string }, count: number, what: string): number[] => {
    const tokens = row.text.split(/\s+/);
    if (tokens.length !== count) fail(row.line, `${what} needs ${count} values, this line has ${tokens.length}`);
    return tokens.map((token) => {
      const value = Number(token);
      if (!Number.isFinite(value)) fail(row.line, `"${token}" is not a number`);
      return value;
    });
  };

  const nameRow = nextContent();
  if (!nameRow) return fail(1, 'the file is empty');
  const name = nameRow.text;
  expect(/^VEHICLE$/i, 'VEHICLE');
  expect(/^NUMBER\s+CAPACITY$/i, 'the NUMBER CAPACITY header');
  const fleetRow = nextContent();
  if (!fleetRow) return fail(lines.length, 'file ends before the vehicle number and capacity');
  const [vehicles, capacity] = numbers(fleetRow, 2, 'the vehicle line') as [number, number];
  if (!Number.isInteger(vehicles) || vehicles < 1) fail(fleetRow.line, `vehicle number must be a whole number >= 1, got ${vehicles}`);
  if (capacity <= 0) fail(fleetRow.line, `capacity must be positive, got ${capacity}`);
  expect(/^CUSTOMER$/i, 'CUSTOMER');
  expect(/^CUST\s+NO\./i, 'the customer column header');

  const rows: SolomonCustomer[] = [];
  for (let row = nextContent(); row; row = nextContent()) {
    const [id, x, y, demand, ready, due, service] = numbers(row, 7, 'a customer line') as [number, number, number, number, number, number, number];
    if (!Number.isInteger(id) || id !== rows.length) fail(row.line, `customer number ${id} out of sequence: expected ${rows.length}`);
    if (demand < 0) fail(row.line, `customer ${id} has a negative demand (${demand})`);
    if (service < 0) fail(row.line, `customer ${id} has a negative service time (${service})`);
    if (ready > due) fail(row.line, `customer ${id} is ready at ${ready}, after its due date ${due}`);
    rows.push({ id, x, y, demand, ready, due, service, line: row.line });
  }
  if (rows.length < 2) fail(lines.length, 'no customers after the depot line');
  const [depot, ...customers] = rows as [SolomonCustomer, ...SolomonCustomer[]];
  return { name, vehicles, capacity, depot, customers };
}

export function solomonToInstance(parsed: SolomonInstance): BenchmarkInstance {
  const all = [parsed.depot, ...parsed.customers];
  const size = all.length;
  const distances = new Float64Array(size * size);
  for (let from = 0; from < size; from += 1) {
    for (let to = 0; to < size; to += 1) {
      const dx = all[from]!.x - all[to]!.x;
      const dy = all[from]!.y - all[to]!.y;
      // floor(10 d) computed as floor(sqrt(100 d^2)): exact for every square, so no 0.1 is lost to rounding.
      distances[from * size + to] = Math.floor(Math.sqrt(SOLOMON_SCALE * SOLOMON_SCALE * (dx * dx + dy * dy)));
    }
  }
  const data = createProblemData({
    name: parsed.name,
    depots: [{ name: String(parsed.depot.id), x: parsed.depot.x, y: parsed.depot.y, twEarly: parsed.depot.ready * SOLOMON_SCALE, twLate: parsed.depot.due * SOLOMON_SCALE }],
    clients: parsed.customers.map((customer) => ({
      name: String(customer.id),
      x: customer.x,
      y: customer.y,
      delivery: customer.demand,
      serviceDuration: customer.service * SOLOMON_SCALE,
      twEarly: customer.ready * SOLOMON_SCALE,
      twLate: customer.due * SOLOMON_SCALE,
    })),
    vehicleTypes: [{ count: parsed.vehicles, capacity: parsed.capacity }],
    distances,
  });
  return { name: parsed.name, data, labels: parsed.customers.map((customer) => String(customer.id)), costScale: SOLOMON_SCALE, costDecimals: 1 };
}

export function readSolomonFile(path: string): BenchmarkInstance {
  return solomonToInstance(parseSolomon(readFileSync(path, 'utf8'), path));
}
