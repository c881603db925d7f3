import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type {
  ActionAreaFeatureProperties,
  ActivityInput,
  ActivityPointProperties,
  AreaLevel,
  CaseDensityProperties,
  CaseDomain,
  GapAnswer,
  HelperAreaProperties,
  PartnerInput,
  PartnerList,
  PartnerSeatProperties,
  ProgrammeCreated,
  ProgrammeDetail,
  ProgrammeInput,
  ProgrammeList,
  ProgrammeServiceList,
  ProjectInput,
  ProjectTargetsInput,
} from '@terep/db/contract';
import { buildApiUrl, fetchJson } from '$lib/api/fetch-json';
import { sendJson } from '$lib/api/send-json';

export type AreaCollection = FeatureCollection<Polygon | MultiPolygon, ActionAreaFeatureProperties>;

/** The GeoJSON each programme layer answers (`GET /api/layers/<id>`). */
export interface ProgrammeLayerCollections {
  'programme-areas': AreaCollection;
  'partner-seats': FeatureCollection<Point, PartnerSeatProperties>;
  'helper-areas': FeatureCollection<Polygon | MultiPolygon, HelperAreaProperties>;
  'case-density': FeatureCollection<Point, CaseDensityProperties>;
  'programme-activities': FeatureCollection<Point, ActivityPointProperties>;
}

export interface LayerFilter {
  programme?: number;
  network?: number;
  domain?: CaseDomain;
}

// Programmes change with every import and edit: never cached by the browser.
const fresh = { cache: 'no-store' as const };

export const fetchProgrammes = (signal?: AbortSignal) => fetchJson<ProgrammeList>('/api/programmes', { ...fresh, signal });

export const fetchProgramme = (id: number, signal?: AbortSignal) => fetchJson<ProgrammeDetail>(`/api/programmes/${id}`, { ...fresh, signal });

export const fetchProgrammeAreas = (id: number, signal?: AbortSignal) => fetchJson<AreaCollection>(`/api/programmes/${id}/areas`, { ...fresh, signal });

export const fetchServices = () => fetchJson<ProgrammeServiceList>('/api/programmes/services');

export const fetchPartners = () => fetchJson<PartnerList>('/api/partners', fresh);

export function fetchProgrammeLayer<K extends keyof ProgrammeLayerCollections>(
  id: K,
  filter: LayerFilter = {},
  signal?: AbortSignal,
): Promise<ProgrammeLayerCollections[K]> {
  return fetchJson<ProgrammeLayerCollections[K]>(`/api/layers/${id}`, { query: { ...filter }, ...fresh, signal });
}

export interface GapQuery {
  level: AreaLevel;
  /** An indicator key (a need index is one) or `need_signals`. */
  need: string;
  radiusKm: number;
  limit?: number;
}

export const fetchGaps = (query: GapQuery, signal?: AbortSignal) =>
  fetchJson<GapAnswer>('/api/gaps', { query: { ...query }, ...fresh, signal });

/** The address of a programme's CSV export (a plain link: the browser downloads it with the session cookie). */
export const programmeCsvUrl = (id: number) => buildApiUrl(`/api/programmes/${id}/export.csv`);

export const createProgramme = (input: ProgrammeInput) => sendJson<ProgrammeCreated>('/api/programmes', input);

export const updateProgramme = (id: number, input: Partial<ProgrammeInput>) =>
  sendJson<unknown>(`/api/programmes/${id}`, input, { method: 'PATCH' });

export const createProject = (programmeId: number, input: ProjectInput) =>
  sendJson<ProgrammeCreated>(`/api/programmes/${programmeId}/projects`, input);

export const updateProject = (id: number, input: Partial<ProjectInput>) => sendJson<unknown>(`/api/projects/${id}`, input, { method: 'PATCH' });

export const replaceTargets = (projectId: number, input: ProjectTargetsInput) =>
  sendJson<unknown>(`/api/projects/${projectId}/targets`, input, { method: 'PUT' });

export const createActivity = (projectId: number, input: ActivityInput) =>
  sendJson<ProgrammeCreated>(`/api/projects/${projectId}/activities`, input);

export const createPartner = (input: PartnerInput) => sendJson<ProgrammeCreated>('/api/partners', input);
