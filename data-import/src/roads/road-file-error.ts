import { ImportError } from '../import-error.ts';

/**
 * A faulty road file, worded in both languages: the English `problem` for the
 * command line and API users, the Hungarian one for the web (an office uploads
 * its roads in Hungarian). The location names the feature or record.
 */
export class RoadFileError extends ImportError {
  constructor(file: string, location: string | undefined, problem: string, readonly problemHu: string) {
    super(file, location, problem);
    this.name = 'RoadFileError';
  }
}
