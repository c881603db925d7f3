export type {
  ImportKind,
  ImportOutcome,
  ImportPolicy,
  ImportProblem,
  ImportReport,
  ImportRun,
  ImportRunList,
  ImportValue,
  InstitutionType,
  InstitutionTypeList,
  RollbackResult,
} from '@terep/db/contract';
export { IMPORT_KINDS } from '@terep/db/contract';

export type ImportEncoding = 'utf-8' | 'windows-1250';
export type ImportDelimiter = ';' | ',' | '\t';

