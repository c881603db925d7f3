/**
 * A problem with an input file, located precisely enough for a person to open
 * the file and fix it: which file, which row or feature, what is wrong.
 */
export class ImportError extends Error {
  readonly file: string;
  readonly location: string | undefined;
  readonly problem: string;

  constructor(file: string, location: string | undefined, problem: string) {
    super(`${file}${location ? `: ${location}` : ''}: ${problem}`);
    this.name = 'ImportError';
    this.file = file;
    this.location = location;
    this.problem = problem;
  }
}
