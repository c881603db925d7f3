import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocationInstance, type LocationInstance } from '../location-instance.ts';
import { MalformedFileError } from '../planning-error.ts';
import { columnIndex, numberCell, parseCsv } from './csv.ts';

export const SAN_FRANCISCO_FILES = {
  distances: 'SF_network_distance_candidateStore_16_censusTract_205_new.csv',
  demand: 'SF_demand_205_centroid_uniform_weight.csv',
  sites: 'SF_store_site_16_longlat.csv',
} as const;

export const SCHOOLS_FILES = {
  journeys: 'example_subject_student_school_journeys.csv',
  students: 'example_subject_students.csv',
  schools: 'example_subject_schools.csv',
} as const;

/** Travel time spopt assumes for a student–school pair missing from the journeys file. */
export const MISSING_JOURNEY_MINUTES = 10000;

/**
 * The San Francisco test data of PySAL spopt: 205 census tracts (demand
 * POP2000, in the demand file's order) × 16 candidate stores (in the site
 * file's order), network distances in metres from a long-format file. Ids are
 * the tract and store names. Every pair must be present.
 */
export function readSanFrancisco(directory: string): LocationInstance {
  const demandFile = SAN_FRANCISCO_FILES.demand;
  const demand = parseCsv(readFileSync(join(directory, demandFile), 'utf8'), demandFile);
  const nameColumn = columnIndex(demand, 'NAME', demandFile);
  const populationColumn = columnIndex(demand, 'POP2000', demandFile);
  const demandIds = demand.rows.map((row) => row.cells[nameColumn]!);
  const weights = Float64Array.from(demand.rows, (row) => numberCell(row, populationColumn, demandFile, 'POP2000'));

  const siteFile = SAN_FRANCISCO_FILES.sites;
  const sites = parseCsv(readFileSync(join(directory, siteFile), 'utf8'), siteFile);
  const siteColumn = columnIndex(sites, 'NAME', siteFile);
  const candidateIds = sites.rows.map((row) => row.cells[siteColumn]!);

  const distanceFile = SAN_FRANCISCO_FILES.distances;
  const long = parseCsv(readFileSync(join(directory, distanceFile), 'utf8'), distanceFile);
  const distanceColumn = columnIndex(long, 'distance', distanceFile);
  const storeColumn = columnIndex(long, 'name', distanceFile);
  const tractColumn = columnIndex(long, 'DestinationName', distanceFile);
  const demandIndex = indexOf(demandIds);
  const siteIndex = indexOf(candidateIds);
  const m = candidateIds.length;
  const distances = new Float64Array(demandIds.length * m).fill(NaN);
  for (const row of long.rows) {
    const i = demandIndex.get(row.cells[tractColumn]!);
    const j = siteIndex.get(row.cells[storeColumn]!);
    if (i === undefined) throw new MalformedFileError(distanceFile, row.line, `Tract "${row.cells[tractColumn]}" is not in ${demandFile}.`);
    if (j === undefined) throw new MalformedFileError(distanceFile, row.line, `Store "${row.cells[storeColumn]}" is not in ${siteFile}.`);
    distances[i * m + j] = numberCell(row, distanceColumn, distanceFile, 'distance');
  }
  const missing = distances.findIndex(Number.isNaN);
  if (missing >= 0) {
    throw new MalformedFileError(distanceFile, long.rows.length + 1, `No distance from ${demandIds[Math.floor(missing / m)]} to ${candidateIds[missing % m]}.`);
  }
  return createLocationInstance({ demandIds, candidateIds, weights, distances });
}

/**
 * spopt's capacitated school-assignment example: 10 students (demand 1 each) ×
 * 74 schools, travel times in minutes (missing pairs cost 10,000 as in spopt),
 * capacity = the schools' Count, and the priority-1 schools fixed open.
 */
export function readSchools(directory: string): LocationInstance {
  const studentFile = SCHOOLS_FILES.students;
  const students = parseCsv(readFileSync(join(directory, studentFile), 'utf8'), studentFile);
  const studentColumn = columnIndex(students, 'ST: ID', studentFile);
  const demandIds = students.rows.map((row) => row.cells[studentColumn]!);

  const schoolFile = SCHOOLS_FILES.schools;
  const schools = parseCsv(readFileSync(join(directory, schoolFile), 'utf8'), schoolFile);
  const codeColumn = columnIndex(schools, 'SE2 PP: Code', schoolFile);
  const countColumn = columnIndex(schools, 'Count', schoolFile);
  const priorityColumn = columnIndex(schools, 'priority', schoolFile);
  const candidateIds = schools.rows.map((row) => row.cells[codeColumn]!);
  const capacities = Float64Array.from(schools.rows, (row) => numberCell(row, countColumn, schoolFile, 'Count'));
  const fixedOpen = schools.rows.flatMap((row, j) => (numberCell(row, priorityColumn, schoolFile, 'priority') === 1 ? [j] : []));

  const journeyFile = SCHOOLS_FILES.journeys;
  const journeys = parseCsv(readFileSync(join(directory, journeyFile), 'utf8'), journeyFile);
  const fromColumn = columnIndex(journeys, 'student', journeyFile);
  const toColumn = columnIndex(journeys, 'school', journeyFile);
  const timeColumn = columnIndex(journeys, 'time', journeyFile);
  const demandIndex = indexOf(demandIds);
  const schoolIndex = indexOf(candidateIds);
  const m = candidateIds.length;
  const distances = new Float64Array(demandIds.length * m).fill(MISSING_JOURNEY_MINUTES);
  for (const row of journeys.rows) {
    const i = demandIndex.get(row.cells[fromColumn]!);
    const j = schoolIndex.get(row.cells[toColumn]!);
    if (i === undefined) throw new MalformedFileError(journeyFile, row.line, `Student "${row.cells[fromColumn]}" is not in ${studentFile}.`);
    if (j === undefined) throw new MalformedFileError(journeyFile, row.line, `School "${row.cells[toColumn]}" is not in ${schoolFile}.`);
    distances[i * m + j] = numberCell(row, timeColumn, journeyFile, 'time');
  }
  return createLocationInstance({ demandIds, candidateIds, weights: new Float64Array(demandIds.length).fill(1), distances, fixedOpen, capacities });
}

function indexOf(ids: readonly string[]): Map<string, number> {
  return new Map(ids.map((id, index) => [id, index]));
}
