/** Stable machine-readable reasons: the API maps them to status codes, the CLI to exit codes. */
export type PlanningErrorCode =
  /** The instance itself is inconsistent (shapes, negative distances, unknown ids). */
  | 'INVALID_INSTANCE'
  /** A well-formed request that no plan can satisfy (p above the candidates, unreachable demand, too little capacity). */
  | 'INFEASIBLE'
  /** An input file that does not follow its format; the message names the line. */
  | 'MALFORMED_FILE'
  /** A combination the planner does not offer (e.g. a capacitated model beyond the exact solver's size). */
  | 'UNSUPPORTED'
  /** The solver library failed (not a proof of infeasibility). */
  | 'SOLVER_FAILED';

/**
 * The one error type the planning modules throw; messages say why, in English for API users.
 * `params.reason` names the case and the other params carry its values, so a client can word it
 * in its user's language.
 */
export class PlanningError extends Error {
  constructor(
    readonly code: PlanningErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'PlanningError';
  }
}

/** A file rejected at a precise line, so a person can open it and fix it. */
export class MalformedFileError extends PlanningError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super('MALFORMED_FILE', `${file}:${line}: ${problem}`, { reason: 'malformed-file', file, line });
    this.name = 'MalformedFileError';
  }
}
