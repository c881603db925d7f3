/** A benchmark file that cannot be read; the message starts with `file:line:`. */
export class InstanceFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'InstanceFormatError';
  }
}
