import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { evaluateCheck, exitCodeOf } from '../core/check-status.js';
import { SvcError, UsageError } from '../core/errors.js';
import { parseWholeNumber } from '../core/validate.js';
import type { Context } from '../context.js';
import { isMysqlUrl } from '../store/open-store.js';
import type { CommandRunner } from './command-runner.js';
import { filterFromOptions, listServices } from './service-list.js';

interface CheckOptions {
  host?: string;
  binary?: string;
  warningAge?: number;
}

export function makeCheckCommand(run: CommandRunner): Command {
  return new Command('check')
    .description(
      'Nagios/Icinga plugin: one status line; exit 0 OK, 1 WARNING, 2 CRITICAL (an enabled service is down), ' +
        '3 UNKNOWN (nothing matches, bad arguments, unreadable database)',
    )
    .option('--host <host>', 'only this host, its backends (host@...) and pools (host#...)')
    .option('--binary <binary>', 'only this binary, e.g. cinder-volume')
    .addOption(
      new Option('-w, --warning-age <seconds>', 'WARNING when an up service last reported longer ago than this')
        .argParser((text) => parseWholeNumber('--warning-age', text, 1)),
    )
    .action(
      run(async (ctx: Context, options: CheckOptions) => {
        const filter = filterFromOptions(options);
        const { warningAge } = options;
        if (warningAge !== undefined && warningAge >= ctx.downTimeSeconds) {
          throw new UsageError(
            `--warning-age ${warningAge} is not less than service_down_time ${ctx.downTimeSeconds}: ` +
              'an up service can never be that late',
          );
        }
        const now = ctx.now();
        const location = ctx.dbLocation;
        // A monitoring check must not create an empty database where it expected one.
        if (!isMysqlUrl(location) && !existsSync(location)) throw new SvcError(`database not found: ${location}`);
        const services = await ctx.withStore((store) => listServices(store, filter, now, ctx.downTimeSeconds));
        const status = evaluateCheck(services, now, warningAge);
        const { renderCheckLine } = await import('../output/check-line.js');
        ctx.io.stdout.write(renderCheckLine(status, filter, now));
        return exitCodeOf(status.state);
      }),
    );
}
