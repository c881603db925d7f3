import { validateRecord } from '@terep/data-import';
import type { Database, ImportProblem, Kysely, NeedCategory, NeedSignalInput, NeedSignalValues, Urgency } from '@terep/db';
import { ApiError } from '../http/api-error.ts';

/** A signal that passed the import's checks, with the county its settlement lies in (for the scope check). */
export interface CheckedNeedSignal extends NeedSignalValues {
  countyCode: string;
}

/** The JSON field each of the import's fields (and `ksh`, the settlement's code) arrives in. */
const FIELD_OF_COLUMN: Record<string, keyof NeedSignalInput> = {
  ksh: 'settlementCode', category: 'category', urgency: 'urgency', households: 'households', persons: 'persons', date: 'date', organisation: 'organisation',
};

/** Problems about no one column: where the form should point. */
const FIELD_OF_CODE: Partial<Record<ImportProblem['code'], keyof NeedSignalInput>> = { NO_LOCATION: 'settlementCode', VALUE_MISSING: 'households' };

const fieldOf = (problem: ImportProblem): string =>
  (problem.column ? FIELD_OF_COLUMN[problem.column] ?? problem.column : FIELD_OF_CODE[problem.code]) ?? 'body';

const cell = (value: string | number | null | undefined): string => (value === null || value === undefined ? '' : String(value));

/**
 * Checks a signal typed into the form (or sent as JSON) by the very rules a
 * row of an imported file goes through, so a form and a file are judged
 * alike. A problem answers 400 with the import's problem code, the field, and
 * the message in both languages.
 */
export async function checkNeedSignal(db: Kysely<Database>, input: NeedSignalInput): Promise<CheckedNeedSignal> {
  const { problems, row } = await validateRecord(db, 'need-signals', {
    ksh: cell(input.settlementCode),
    category: cell(input.category),
    urgency: cell(input.urgency),
    households: cell(input.households),
    persons: cell(input.persons),
    date: cell(input.date),
    organisation: cell(input.organisation),
  });
  const errors = problems.filter((problem) => problem.severity === 'error');
  const first = errors[0];
  if (first || !row || row.settlementCode === null || row.countyCode === null) {
    const fields = [...new Set(errors.map(fieldOf))];
    throw new ApiError(400, first?.code ?? 'VALUE_MISSING', errors.map((problem) => `${fieldOf(problem)}: ${problem.message.en}`).join('; '), {
      field: fields[0] ?? 'body',
      fields: fields.join(','),
      hu: errors.map((problem) => problem.message.hu).join('; '),
      en: errors.map((problem) => problem.message.en).join('; '),
    });
  }
  const value = (field: string) => row.values[field] ?? null;
  return {
    settlementCode: row.settlementCode,
    countyCode: row.countyCode,
    category: value('category') as NeedCategory,
    urgency: value('urgency') as Urgency,
    households: value('households') as number | null,
    persons: value('persons') as number | null,
    date: value('date') as string,
    organisation: value('organisation') as string,
  };
}
