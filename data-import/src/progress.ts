import cliProgress from 'cli-progress';

/** Reports a long import step by step: a bar on a terminal, plain lines in logs and CI. */
export interface Progress {
  step(label: string, total: number): void;
  advance(count: number): void;
  done(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  return stream.isTTY ? barProgress(stream) : lineProgress(stream);
}

export const silentProgress: Progress = { step() {}, advance() {}, done() {} };

function barProgress(stream: NodeJS.WriteStream): Progress {
  let bar: cliProgress.SingleBar | undefined;
  return {
    step(label, total) {
      bar?.stop();
      bar = new cliProgress.SingleBar(
        { stream, format: `  {bar} {percentage}% | {value}/{total} | ${label.padEnd(34)}`, hideCursor: true, clearOnComplete: false },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
    },
    advance(count) {
      bar?.increment(count);
    },
    done() {
      bar?.stop();
      bar = undefined;
    },
  };
}

function lineProgress(stream: NodeJS.WriteStream): Progress {
  return {
    step(label, total) {
      stream.write(`  … ${label} (${total})\n`);
    },
    advance() {},
    done() {},
  };
}
