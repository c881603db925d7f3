import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createProblemData } from '../model.ts';
import type { BenchmarkInstance } from './benchmark-instance.ts';
import { InstanceFormatError } from './instance-format-error.ts';

/**
 * TSPLIB/CVRPLIB `.vrp` files (Augerat A/B/P, Christofides, Uchoa X, ...) and their `.sol` files.
 * EUC_2D distances are rounded to the nearest integer (TSPLIB nint), CEIL_2D rounded up, EXPLICIT
 * matrices read as given. Clients are numbered 1..n in file order, depots skipped: the numbering
 * of CVRPLIB's `.sol` files (node id - 1 when the depot is node 1).
 */

export interface CvrplibInstance {
  name: string;
  dimension: number;
  capacity: number;
  /** Node ids are 1..dimension; index = id - 1. */
  coordinates: Array<[number, number]> | null;
  demands: number[];
  depots: number[];
  distances: Float64Array;
  /** From VEHICLES, else the k in a name like A-n32-k5, else null (no limit). */
  vehicles: number | null;
  /** DISTANCE: maximum route length (as duration, with service times). */
  maxRouteLength: number | null;
  serviceTime: number;
}

const HEADER_KEYS = new Set([
  'NAME', 'COMMENT', 'TYPE', 'DIMENSION', 'CAPACITY', 'EDGE_WEIGHT_TYPE', 'EDGE_WEIGHT_FORMAT',
  'NODE_COORD_TYPE', 'DISPLAY_DATA_TYPE', 'DISTANCE', 'SERVICE_TIME', 'VEHICLES',
]);
const SECTIONS = new Set(['NODE_COORD_SECTION', 'DEMAND_SECTION', 'DEPOT_SECTION', 'EDGE_WEIGHT_SECTION', 'DISPLAY_DATA_SECTION']);
const EDGE_WEIGHT_TYPES = new Set(['EUC_2D', 'CEIL_2D', 'EXPLICIT']);
const EDGE_WEIGHT_FORMATS = new Set(['FULL_MATRIX', 'LOWER_ROW', 'UPPER_ROW', 'LOWER_DIAG_ROW', 'UPPER_DIAG_ROW']);

export function parseCvrplib(text: string, file: string): CvrplibInstance {
  const lines = text.split(/\r?\n/);
  const fail = (line: number, reason: string): never => {
    throw new InstanceFormatError(file, line, reason);
  };
  const header = new Map<string, { value: string; line: number }>();
  let coordinates: Array<[number, number]> | null = null;
  let demands: number[] | null = null;
  let depots: number[] | null = null;
  let weights: number[] | null = null;
  let weightsLine = 0;

  const headerNumber = (key: string): number | null => {
    const entry = header.get(key);
    if (!entry) return null;
    const value = Number(entry.value);
    if (!Number.isFinite(value)) fail(entry.line, `${key} must be a number, got "${entry.value}"`);
    return value;
  };
  const dimensionNow = (line: number): number => {
    const dimension = headerNumber('DIMENSION');
    if (dimension === null) return fail(line, 'a section comes before DIMENSION');
    if (!Number.isInteger(dimension) || dimension < 2) fail(header.get('DIMENSION')!.line, `DIMENSION must be a whole number >= 2, got ${dimension}`);
    return dimension;
  };
  const numbersOf = (line: number, content: string, expected: number, section: string): number[] => {
    const tokens = content.trim().split(/\s+/);
    if (tokens.length !== expected) fail(line, `${section} rows have ${expected} values, this one has ${tokens.length}`);
    return tokens.map((token) => {
      const value = Number(token);
      if (!Number.isFinite(value)) fail(line, `"${token}" is not a number`);
      return value;
    });
  };
  const nodeIdOf = (line: number, value: number, dimension: number, seen: Uint8Array, section: string): number => {
    if (!Number.isInteger(value) || value < 1 || value > dimension) fail(line, `node ${value} in ${section} is outside 1..${dimension}`);
    if (seen[value - 1]) fail(line, `node ${value} appears twice in ${section}`);
    seen[value - 1] = 1;
    return value - 1;
  };

  let index = 0;
  let ended = false;
  while (index < lines.length && !ended) {
    const lineNumber = index + 1;
    const raw = lines[index]!.trim();
    index += 1;
    if (raw === '') continue;
    if (raw === 'EOF') {
      ended = true;
      continue;
    }
    const keyword = raw.split(/[\s:]/)[0]!;
    if (SECTIONS.has(keyword)) {
      const dimension = dimensionNow(lineNumber);
      // A section runs until the next line that starts with a keyword.
      const rows: Array<{ line: number; text: string }> = [];
      while (index < lines.length) {
        const text = lines[index]!.trim();
        const first = text.split(/[\s:]/)[0]!;
        if (text === 'EOF' || SECTIONS.has(first) || HEADER_KEYS.has(first)) break;
        if (text !== '') rows.push({ line: index + 1, text });
        index += 1;
      }
      const lastRowLine = rows.length > 0 ? rows[rows.length - 1]!.line : lineNumber;
      if (keyword === 'NODE_COORD_SECTION') {
        const seen = new Uint8Array(dimension);
        coordinates = new Array<[number, number]>(dimension);
        for (const row of rows) {
          const values = numbersOf(row.line, row.text, 3, keyword);
          coordinates[nodeIdOf(row.line, values[0]!, dimension, seen, keyword)] = [values[1]!, values[2]!];
        }
        if (rows.length !== dimension) fail(lineNumber, `NODE_COORD_SECTION has ${rows.length} nodes, DIMENSION says ${dimension}`);
      } else if (keyword === 'DEMAND_SECTION') {
        const seen = new Uint8Array(dimension);
        demands = new Array<number>(dimension).fill(0);
        for (const row of rows) {
          const values = numbersOf(row.line, row.text, 2, keyword);
          const node = nodeIdOf(row.line, values[0]!, dimension, seen, keyword);
          if (values[1]! < 0) fail(row.line, `node ${values[0]} has a negative demand (${values[1]})`);
          demands[node] = values[1]!;
        }
        if (rows.length !== dimension) fail(lineNumber, `DEMAND_SECTION has ${rows.length} nodes, DIMENSION says ${dimension}`);
      } else if (keyword === 'DEPOT_SECTION') {
        const seen = new Uint8Array(dimension);
        depots = [];
        let terminated = false;
        for (const row of rows) {
          for (const token of row.text.split(/\s+/)) {
            const value = Number(token);
            if (terminated) fail(row.line, `"${token}" after the -1 that ends DEPOT_SECTION`);
            if (value === -1) terminated = true;
            else depots.push(nodeIdOf(row.line, value, dimension, seen, keyword));
          }
        }
        if (!terminated) fail(lastRowLine, 'DEPOT_SECTION must end with -1');
        if (depots.length === 0) fail(lineNumber, 'DEPOT_SECTION names no depot');
      } else if (keyword === 'EDGE_WEIGHT_SECTION') {
        weights = [];
        weightsLine = lineNumber;
        for (const row of rows) {
          for (const token of row.text.split(/\s+/)) {
            const value = Number(token);
            if (!Number.isFinite(value) || value < 0) fail(row.line, `"${token}" is not a distance`);
            weights.push(value);
          }
        }
      }
      continue;
    }
    const match = /^([A-Z_]+)\s*:\s*(.*)$/.exec(raw);
    if (!match) fail(lineNumber, `expected "KEY : value" or a section name, got "${raw.slice(0, 60)}"`);
    const key = match![1]!;
    if (!HEADER_KEYS.has(key)) fail(lineNumber, `unknown keyword ${key}`);
    header.set(key, { value: match![2]!.trim(), line: lineNumber });
  }
  // Problems found only at the end (a missing section) point at the file's last line.
  const lastLine = lines.length > 1 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;

  const type = header.get('TYPE');
  if (type && type.value !== 'CVRP') fail(type.line, `TYPE ${type.value} is not supported (only CVRP)`);
  const dimension = dimensionNow(lastLine);
  const capacity = headerNumber('CAPACITY');
  if (capacity === null) fail(lastLine, 'CAPACITY is missing');
  if (capacity! <= 0) fail(header.get('CAPACITY')!.line, `CAPACITY must be positive, got ${capacity}`);
  const weightType = header.get('EDGE_WEIGHT_TYPE');
  if (!weightType) fail(lastLine, 'EDGE_WEIGHT_TYPE is missing');
  if (!EDGE_WEIGHT_TYPES.has(weightType!.value)) fail(weightType!.line, `EDGE_WEIGHT_TYPE ${weightType!.value} is not supported (EUC_2D, CEIL_2D, EXPLICIT)`);
  if (!demands) fail(lastLine, 'DEMAND_SECTION is missing');
  if (!depots) depots = [0];

  let distances: Float64Array;
  if (weightType!.value === 'EXPLICIT') {
    const format = header.get('EDGE_WEIGHT_FORMAT');
    if (!format) fail(lastLine, 'EDGE_WEIGHT_FORMAT is missing for EXPLICIT weights');
    if (!EDGE_WEIGHT_FORMATS.has(format!.value)) fail(format!.line, `EDGE_WEIGHT_FORMAT ${format!.value} is not supported`);
    if (!weights) fail(lastLine, 'EDGE_WEIGHT_SECTION is missing');
    distances = explicitMatrix(weights!, dimension, format!.value, (reason) => fail(weightsLine, reason));
  } else {
    if (!coordinates) fail(lastLine, `NODE_COORD_SECTION is missing (needed for ${weightType!.value})`);
    const round = weightType!.value === 'EUC_2D' ? (value: number) => Math.floor(value + 0.5) : Math.ceil;
    distances = new Float64Array(dimension * dimension);
    for (let from = 0; from < dimension; from += 1) {
      for (let to = 0; to < dimension; to += 1) {
        const [x1, y1] = coordinates![from]!;
        const [x2, y2] = coordinates![to]!;
        distances[from * dimension + to] = round(Math.hypot(x1 - x2, y1 - y2));
      }
    }
  }

  const name = header.get('NAME')?.value ?? basename(file).replace(/\.vrp$/i, '');
  const vehiclesHeader = headerNumber('VEHICLES');
  const fromName = /-k(\d+)/i.exec(name);
  const vehicles = vehiclesHeader ?? (fromName ? Number(fromName[1]) : null);
  return {
    name,
    dimension,
    capacity: capacity!,
    coordinates,
    demands: demands!,
    depots: depots!,
    distances,
    vehicles,
    maxRouteLength: headerNumber('DISTANCE'),
    serviceTime: headerNumber('SERVICE_TIME') ?? 0,
  };
}

function explicitMatrix(weights: number[], dimension: number, format: string, fail: (reason: string) => never): Float64Array {
  const matrix = new Float64Array(dimension * dimension);
  const pairs: Array<[number, number]> = [];
  for (let row = 0; row < dimension; row += 1) {
    for (let column = 0; column < dimension; column += 1) {
      const keep =
        format === 'FULL_MATRIX' ||
        (format === 'LOWER_ROW' && column < row) ||
        (format === 'UPPER_ROW' && column > row) ||
        (format === 'LOWER_DIAG_ROW' && column <= row) ||
        (format === 'UPPER_DIAG_ROW' && column >= row);
      if (keep) pairs.push([row, column]);
    }
  }
  if (weights.length !== pairs.length) fail(`EDGE_WEIGHT_SECTION has ${weights.length} values, ${format} of dimension ${dimension} needs ${pairs.length}`);
  pairs.forEach(([row, column], index) => {
    matrix[row * dimension + column] = weights[index]!;
    if (format !== 'FULL_MATRIX') matrix[column * dimension + row] = weights[index]!;
  });
  return matrix;
}

/** The problem of a CVRPLIB instance: `vehicles` identical vehicles (default: the instance's k, else one per client). */
export function cvrplibToInstance(parsed: CvrplibInstance, options: { vehicles?: number } = {}): BenchmarkInstance {
  const depotSet = new Set(parsed.depots);
  const order = [...parsed.depots];
  for (let node = 0; node < parsed.dimension; node += 1) if (!depotSet.has(node)) order.push(node);
  const size = parsed.dimension;
  const distances = new Float64Array(size * size);
  for (let from = 0; from < size; from += 1) {
    for (let to = 0; to < size; to += 1) distances[from * size + to] = parsed.distances[order[from]! * size + order[to]!]!;
  }
  const clients = order.slice(parsed.depots.length);
  const numClients = clients.length;
  const vehicles = options.vehicles ?? parsed.vehicles ?? numClients;
  const data = createProblemData({
    name: parsed.name,
    depots: parsed.depots.map((node) => ({ name: `node ${node + 1}`, x: parsed.coordinates?.[node]?.[0], y: parsed.coordinates?.[node]?.[1] })),
    clients: clients.map((node) => ({
      name: `node ${node + 1}`,
      x: parsed.coordinates?.[node]?.[0],
      y: parsed.coordinates?.[node]?.[1],
      delivery: parsed.demands[node],
      serviceDuration: parsed.serviceTime,
    })),
    vehicleTypes: parsed.depots.map((_, depot) => ({
      count: depot === 0 ? vehicles : 0,
      capacity: parsed.capacity,
      startDepot: depot,
      maxDuration: parsed.maxRouteLength ?? undefined,
    })).filter((type) => type.count > 0),
    distances,
  });
  return { name: parsed.name, data, labels: clients.map((_, index) => String(index + 1)), costScale: 1, costDecimals: 0 };
}

export function readCvrplibFile(path: string, options: { vehicles?: number } = {}): BenchmarkInstance {
  return cvrplibToInstance(parseCvrplib(readFileSync(path, 'utf8'), path), options);
}

export interface ParsedSolution {
  /** Routes as client labels, as written in the file. */
  routes: string[][];
  cost: number | null;
}

/** Reads a CVRPLIB-layout `.sol` file (`Route #1: 3 7 12` lines, then `Cost N`); Solomon `.sol` files share it. */
export function parseSolutionFile(text: string, file: string): ParsedSolution {
  const routes: string[][] = [];
  let cost: number | null = null;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const route = /^Route\s*#\s*\d+\s*:(.*)$/i.exec(line);
    if (route) {
      routes.push(route[1]!.trim().split(/\s+/).filter((token) => token !== ''));
      return;
    }
    const costMatch = /^Cost\s+(\S+)$/i.exec(line);
    if (costMatch) {
      cost = Number(costMatch[1]);
      if (!Number.isFinite(cost)) throw new InstanceFormatError(file, index + 1, `"${costMatch[1]}" is not a cost`);
      return;
    }
    throw new InstanceFormatError(file, index + 1, `expected "Route #N: ..." or "Cost N", got "${line.slice(0, 60)}"`);
  });
  return { routes, cost };
}
