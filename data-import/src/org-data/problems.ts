import type { LocalisedText } from '@terep/db';

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
  | 'UNKNOWN_COUNTY';

export type Severity = 'error' | 'warning';

/** One finding of a validation, located as precisely as the file allows, in Hungarian and English. */
export interface ImportProblem {
  severity: Severity;
  code: ProblemCode;
  /** Row number in the file (line of a CSV, row of a sheet, feature number), or null for the whole file. */
  row: number | null;
  location: string | null;
  column: string | null;
  message: LocalisedText;
}

export function problem(
  severity: Severity,
  code: ProblemCode,
  where: { row?: number | null; location?: string | null; column?: string | null },
  hu: string,
  en: string,
): ImportProblem {
  return { severity, code, row: where.row ?? null, location: where.location ?? null, column: where.column ?? null, message: { hu, en } };
}
