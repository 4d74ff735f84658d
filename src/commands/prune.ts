import { Command, Option } from 'commander';
import { parseDuration } from '../core/duration.js';
import { UsageError } from '../core/errors.js';
import { lastHeartbeat } from '../core/liveness.js';
import type { ServiceRow } from '../core/service-row.js';
import { selectStaleServices } from '../core/stale-services.js';
import { formatIsoTimestamp } from '../core/time.js';
import type { Context } from '../context.js';
import { errorLine } from '../output/error-line.js';
import type { CommandRunner } from './command-runner.js';
import { filterFromOptions } from './service-list.js';

interface PruneOptions {
  olderThan: number;
  host?: string;
  binary?: string;
  dryRun?: boolean;
}

function describePruned(row: ServiceRow, dryRun: boolean): string {
  const last = lastHeartbeat(row);
  const when = last === null ? '-' : formatIsoTimestamp(last);
  const done = dryRun ? 'would be removed' : 'removed';
  return `Service ${row.binary ?? '-'} on host ${row.host ?? '-'} ${done}: last heartbeat ${when}.\n`;
}

function describeUnreadable(row: ServiceRow): string {
  const stored = row.updatedAt ?? row.createdAt;
  const why = stored === null ? 'it has no heartbeat time' : `its last heartbeat '${stored}' is not a time`;
  return errorLine(
    `kept ${row.binary ?? '-'} on host ${row.host ?? '-'} (id ${row.id}): ${why}; ` +
      'svc remove HOST BINARY removes it',
    'warning',
  );
}

export function makePruneCommand(run: CommandRunner): Command {
  return new Command('prune')
    .description('soft-delete services that have not reported for longer than a duration, as remove does')
    .addOption(
      new Option('--older-than <duration>', 'last heartbeat older than this: 90s, 15m, 12h, 7d')
        .makeOptionMandatory()
        .argParser((text) => parseDuration('--older-than', text)),
    )
    .option('--host <host>', 'only this host, its backends (host@...) and pools (host#...)')
    .option('--binary <binary>', 'only this binary, e.g. cinder-volume')
    .option('--dry-run', 'only print what would be removed')
    .action(
      run(async (ctx: Context, options: PruneOptions) => {
        const filter = filterFromOptions(options);
        if (options.olderThan <= ctx.downTimeSeconds) {
          throw new UsageError(
            `--older-than ${options.olderThan}s is not longer than service_down_time ` +
              `${ctx.downTimeSeconds}s: such a service could still be up`,
          );
        }
        const now = ctx.now();
        let unreadable: ServiceRow[] = [];
        const pick = (rows: ServiceRow[]): ServiceRow[] => {
          const selection = selectStaleServices(rows, now, options.olderThan);
          unreadable = selection.unreadable;
          return selection.stale;
        };
        const pruned = await ctx.withStore(async (store) =>
          options.dryRun ? pick(await store.listServices(filter)) : store.removeServices(filter, pick, now),
        );
        for (const row of unreadable) ctx.io.stderr.write(describeUnreadable(row));
        ctx.io.stdout.write(pruned.map((row) => describePruned(row, options.dryRun === true)).join(''));
      }),
    );
}
