import { spawn, type ChildProcess } from 'node:child_process';

/** Given to the server's own command line: load the base data into the embedded database, then exit. */
export const BASE_LOAD_FLAG = '--load-base-data-only';

/**
 * Runs the embedded base load in a process of its own: this same program (`npm start`'s launcher or
 * `tsx` with its loader, through the same arguments) with BASE_LOAD_FLAG, its output beside ours.
 * The load passes some 400 MB through PGlite and the parsers; in this process that memory would stay
 * resident for good (WebAssembly memory never shrinks, and freed native memory is rarely given
 * back), so the server would idle at well over its working size. Rejects when the load fails.
 */
export class BaseLoadProcess {
  #child: ChildProcess | null = null;

  run(): Promise<void> {
    const [, script, ...args] = process.argv;
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [...process.execArgv, script!, ...args, BASE_LOAD_FLAG], { stdio: 'inherit' });
      this.#child = child;
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        this.#child = null;
        if (code === 0) resolve();
        else reject(new Error(`the base data load stopped (${signal ?? `exit code ${code}`}); see its messages above`));
      });
    });
  }

  /** Stops a load under way (the server is stopping); its transaction leaves the data as it was. */
  stop(): void {
    this.#child?.kill('SIGTERM');
  }
}
