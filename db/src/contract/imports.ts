import type { LocalisedText } from './common.ts';

/** The kinds of the organisations' own data (`POST /api/imports/:kind`, `npm run import -- <kind>`). */
export type ImportKind = 'institutions' | 'warehouses' | 'segregated-areas' | 'need-signals'
  // Programmes and the helper network (issue 15).
  | 'programmes' | 'partners' | 'network-members' | 'cases' | 'activities';
export const IMPORT_KINDS: readonly ImportKind[] = ['institutions', 'warehouses', 'segregated-areas', 'need-signals',
  'programmes', 'partners', 'network-members', 'cases', 'activities'];

/**
 * 'all-or-nothing' (the default): any error in any row stops the import and nothing is written.
 * 'skip-invalid': the valid rows are imported and the rows with errors are left out, each listed in the report.
 */
export type ImportPolicy = 'all-or-nothing' | 'skip-invalid';

export type ProblemCode =
  | 'FILE_UNREADABLE'
  | 'MISSING_COLUMNS'
  | 'PERSONAL_DATA_COLUMN'
  | 'VALUE_MISSING'
  | 'INVALID_NUMBER'
  | 'INVALID_DATE'
  | 'UNKNOWN_VALUE'
  | 'UNKNOWN_KSH_CODE'
  | 'UNKNOWN_SETTLEMENT'
  | 'AMBIGUOUS_SETTLEMENT'
  | 'SETTLEMENT_RESOLVED'
  | 'COORDINATES_SWAPPED'
  | 'COORDINATES_OUTSIDE_HUNGARY'
  | 'MIXED_COORDINATE_SYSTEMS'
  | 'NO_LOCATION'
  | 'PLACED_AT_SETTLEMENT_CENTRE'
  | 'SETTLEMENT_MISMATCH'
  | 'GEOMETRY_MISSING'
  | 'GEOMETRY_NOT_POLYGON'
  | 'GEOMETRY_REPAIRED'
  | 'UNKNOWN_COUNTY'
  /** A regional user's row outside their counties (issue 11). */
  | 'OUT_OF_SCOPE'
  // Programme imports (issue 15): names of stored things that are not stored, and keys stored already or repeated.
  | 'UNKNOWN_DISTRICT'
  | 'UNKNOWN_SEGREGATED_AREA'
  | 'UNKNOWN_PARTNER'
  | 'UNKNOWN_PROJECT'
  | 'DUPLICATE_KEY';

export type Severity = 'error' | 'warning';

/** One finding of a validation, located as precisely as the file allows, in Hungarian and English. */
export interface ImportProblem {
  severity: Severity;
  code: ProblemCode;
  /** Row number in the file (line of a CSV, row of a sheet, feature number), or null for the whole file. */
  row: number | null;
  /** Where, for people: `line 7`, `header`, `file`. */
  location: string | null;
  column: string | null;
  message: LocalisedText;
}

export type ImportValue = string | number | null;

export interface ImportReport {
  kind: ImportKind;
  fileName: string;
  format: string | null;
  encoding: string | null;
  delimiter: string | null;
  /** EPSG codes of the coordinates found (4326 WGS 84, 23700 EOV). */
  coordinateSystems: number[];
  /** Which file column each field was read from. */
  columns: Record<string, string>;
  totalRows: number;
  validRows: number;
  invalidRows: number;
  problems: ImportProblem[];
  /** The first valid rows as they would be imported. */
  preview: { row: number; settlement: string; values: Record<string, ImportValue> }[];
}

/** The answer of `POST /api/imports/:kind` and of the CLI. */
export interface ImportOutcome {
  report: ImportReport;
  /** 'validated': a dry run; 'imported': rows written; 'rejected': errors under the policy, nothing written. */
  status: 'validated' | 'imported' | 'rejected';
  importId: number | null;
  written: number;
  policy: ImportPolicy;
}

/** One entry of `GET /api/imports`. */
export interface ImportRun {
  id: number;
  kind: ImportKind;
  fileName: string;
  importedBy: string;
  /** ISO 8601, UTC. */
  importedAt: string;
  rowCount: number;
  importedCount: number;
  skippedCount: number;
  warningCount: number;
  status: 'active' | 'rolled-back';
  rolledBackAt: string | null;
}

export interface ImportRunList {
  imports: ImportRun[];
}

export interface RollbackResult {
  id: number;
  removed: number;
}

/** A service type of the controlled list (`GET /api/imports/institution-types`). */
export interface InstitutionType {
  key: string;
  nameHu: string;
  nameEn: string;
  /** False for the types an admin added. */
  builtin: boolean;
}

export interface InstitutionTypeList {
  types: InstitutionType[];
}
