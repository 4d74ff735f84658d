import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Command, Option } from 'commander';
import { SvcError } from '../core/errors.js';
import { formatIsoTimestamp, parseDbTimestamp } from '../core/time.js';
import { parseSeconds, validateHost, validateName } from '../core/validate.js';
import type { Context } from '../context.js';
import { errorLine } from '../output/error-line.js';
import type { Heartbeat, HeartbeatResult } from '../store/store.js';
import type { CommandRunner } from './command-runner.js';

interface HeartbeatOptions {
  binary: string;
  host?: string;
  topic?: string;
  zone: string;
  cluster?: string;
  check?: string;
  checkTimeout: number;
  interval?: number;
  verbose?: boolean;
}

export function buildHeartbeat(options: HeartbeatOptions, defaultHost = hostname()): Heartbeat {
  const binary = validateName('binary', options.binary);
  const beat: Heartbeat = {
    host: validateHost(options.host ?? defaultHost),
    binary,
    topic: validateName('topic', options.topic ?? binary),
    zone: validateName('zone', options.zone),
  };
  if (options.cluster !== undefined) beat.cluster = validateName('cluster', options.cluster);
  return beat;
}

function describeBeat({ created, row }: HeartbeatResult): string {
  const updated = row.updatedAt === null ? null : parseDbTimestamp(row.updatedAt);
  const when = updated === null ? row.updatedAt : formatIsoTimestamp(updated);
  const what = created ? 'created' : 'updated';
  return `${what} ${row.binary} on host ${row.host}: report_count ${row.reportCount}, updated_at ${when}\n`;
}

/**
 * One beat: the health check, then the write. Throws SvcError when nothing was written;
 * returns false, having written nothing, when `signal` aborted the check.
 */
async function beatOnce(ctx: Context, beat: Heartbeat, options: HeartbeatOptions, signal?: AbortSignal): Promise<boolean> {
  if (options.check !== undefined) {
    // Loaded only here: child processes are not needed by a plain beat.
    const { runHealthCheck } = await import('../health-check.js');
    const result = await runHealthCheck(options.check, options.checkTimeout, signal);
    if (signal?.aborted) return false;
    if (!result.ok) {
      throw new SvcError(
        `health check ${result.reason}; no heartbeat sent, ${beat.binary} on host ${beat.host} will appear down`,
      );
    }
  }
  const result = await ctx.withStore((store) => store.recordHeartbeat(beat, ctx.now()));
  if (options.verbose) ctx.io.stdout.write(describeBeat(result));
  return true;
}

/**
 * Runs `work` with a signal that SIGINT or SIGTERM aborts. The check runs in its own
 * process group, so without this a signal to svc would leave it running.
 */
async function untilInterrupted<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const stopping = new AbortController();
  const stop = (): void => stopping.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await work(stopping.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/** Cinder's report_interval loop: beat every `interval` seconds until SIGINT or SIGTERM. */
async function beatEvery(ctx: Context, beat: Heartbeat, options: HeartbeatOptions, interval: number): Promise<void> {
  if (interval >= ctx.downTimeSeconds) {
    ctx.io.stderr.write(
      errorLine(
        `--interval ${interval} is not less than service_down_time ${ctx.downTimeSeconds}: ` +
          'the service will look down between beats',
        'warning',
      ),
    );
  }
  await untilInterrupted(async (stopping) => {
    while (!stopping.aborted) {
      const started = performance.now();
      try {
        await beatOnce(ctx, beat, options, stopping);
      } catch (error) {
        if (!(error instanceof SvcError)) throw error;
        ctx.io.stderr.write(errorLine(error.message)); // Retried at the next tick.
      }
      const wait = interval * 1000 - (performance.now() - started);
      await sleep(Math.max(0, wait), undefined, { signal: stopping }).catch(() => undefined);
    }
  });
}

export function makeHeartbeatCommand(run: CommandRunner): Command {
  return new Command('heartbeat')
    .description("record that a service is alive (Cinder's report_state), for cron or systemd")
    .requiredOption('--binary <binary>', 'the service binary, e.g. cinder-volume')
    .option('--host <host>', 'the service host (default: this machine\'s hostname)')
    .option('--topic <topic>', 'the RPC topic stored with a new service (default: the binary)')
    .option('--zone <zone>', 'availability zone', 'nova')
    .option('--cluster <cluster>', 'cluster name')
    .option('--check <command>', 'send the beat only if this shell command succeeds')
    .addOption(
      new Option('--check-timeout <seconds>', 'give the check up to this long')
        .default(30)
        .argParser((text) => parseSeconds('--check-timeout', text)),
    )
    .addOption(
      new Option('--interval <seconds>', 'keep beating every this many seconds until SIGINT/SIGTERM')
        .argParser((text) => parseSeconds('--interval', text)),
    )
    .option('--verbose', 'print what was written')
    .action(
      run(async (ctx: Context, options: HeartbeatOptions) => {
        const beat = buildHeartbeat(options);
        ctx.now(); // A bad SVC_NOW is a usage error before anything runs.
        if (options.interval !== undefined) return beatEvery(ctx, beat, options, options.interval);
        const written = await untilInterrupted((signal) => beatOnce(ctx, beat, options, signal));
        if (!written) {
          throw new SvcError(
            `interrupted during the health check; no heartbeat sent, ${beat.binary} on host ${beat.host} will appear down`,
          );
        }
      }),
    );
}
