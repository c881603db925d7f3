/**
 * Where the start-up time goes, printed with `--verbose` or TEREP_VERBOSE=1: each step with the
 * seconds since the process started (the launcher's own steps print the same way).
 */
export function startupLog(verbose: boolean): (step: string) => void {
  return (step) => {
    if (verbose) console.log(`[start ${(performance.now() / 1000).toFixed(2).padStart(6)} s] ${step}`);
  };
}
