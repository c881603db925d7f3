/**
 * Where the start-up time goes, printed with `--verbose` or TEREP_VERBOSE=1: each step with the
 * seconds since the process started, the CPU seconds this process used by then (on a loaded
 * machine the wall clock mostly measures the others' load; the CPU time is this process's own
 * work) and its resident memory (the launcher's own steps print the same way).
 */
export function startupLog(verbose: boolean): (step: string) => void {
  return (step) => {
    if (verbose) console.log(`[start ${startupFigures()}] ${step}`);
  };
}

/** `wall s, cpu s, rss MB`, e.g. `  2.41 s, cpu  1.90 s,  512 MB`. */
export function startupFigures(): string {
  const { user, system } = process.cpuUsage();
  const cpu = (user + system) / 1e6;
  return `${(performance.now() / 1000).toFixed(2).padStart(6)} s, cpu ${cpu.toFixed(2).padStart(5)} s, ${String(Math.round(process.memoryUsage.rss() / 1e6)).padStart(4)} MB`;
}
