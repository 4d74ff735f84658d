import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface Command {
  label: string;
  argv: string[];
  env?: Record<string, string>;
}

export interface Measurement {
  medianMs: number;
  peakRssMb: number;
}

const TIME = '/usr/bin/time';

function run(argv: string[], env: Record<string, string> | undefined, stdoutFd: number | 'pipe'): ReturnType<typeof spawnSync> {
  const [file, ...args] = argv;
  const result = spawnSync(file!, args, {
    stdio: ['ignore', stdoutFd, 'pipe'],
    env: { ...process.env, ...env },
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${argv.join(' ')} exited ${result.status}: ${String(result.stderr).slice(0, 500)}`);
  }
  return result;
}

/** Bytes a command writes to stdout; also proves that it runs and exits 0. */
export function outputOf(command: Command): Buffer {
  return run(command.argv, command.env, 'pipe').stdout as Buffer;
}

/** Peak resident memory of one run, as GNU time reads it from wait4's rusage. */
export function peakRssMb(command: Command, scratch: string): number {
  const report = join(scratch, 'time.out');
  const devNull = openSync('/dev/null', 'w');
  try {
    run([TIME, '-f', '%M', '-o', report, ...command.argv], command.env, devNull);
  } finally {
    closeSync(devNull);
  }
  const kilobytes = Number(readFileSync(report, 'utf8').trim().split('\n').at(-1));
  rmSync(report);
  return kilobytes / 1024;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Whole-process wall time (spawn to exit, stdout to /dev/null), `runs` times each,
 * interleaved so that a burst of load on the machine hits every command alike.
 */
export function medianWallTimes(commands: Command[], runs: number): number[] {
  const times = commands.map(() => [] as number[]);
  const devNull = openSync('/dev/null', 'w');
  try {
    for (const command of commands) run(command.argv, command.env, devNull); // Warm the page cache.
    for (let round = 0; round < runs; round++) {
      commands.forEach((command, index) => {
        const started = process.hrtime.bigint();
        run(command.argv, command.env, devNull);
        times[index]!.push(Number(process.hrtime.bigint() - started) / 1e6);
      });
    }
  } finally {
    closeSync(devNull);
  }
  return times.map(median);
}

export function hasGnuTime(): boolean {
  return spawnSync(TIME, ['-f', '%M', 'true'], { stdio: 'ignore' }).status === 0;
}
