import type { ImportProblem, LocalisedText, ProblemCode, Severity } from '@terep/db';

export type { ImportProblem, ProblemCode, Severity };

export function problem(
  severity: Severity,
  code: ProblemCode,
  where: { row?: number | null; location?: string | null; column?: string | null },
  hu: string,
  en: string,
): ImportProblem {
  return { severity, code, row: where.row ?? null, location: where.location ?? null, column: where.column ?? null, message: { hu, en } };
}
