import { Command } from 'commander';
import { selectTarget } from '../core/select-target.js';
import { validateName } from '../core/validate.js';
import type { Context } from '../context.js';
import type { CommandRunner } from './command-runner.js';

export function makeRemoveCommand(run: CommandRunner): Command {
  return new Command('remove')
    .description('soft-delete a service, as cinder-manage service remove; a later heartbeat recreates it')
    .argument('<host>', 'the service host')
    .argument('<binary>', 'the service binary')
    .action(
      run(async (ctx: Context, _options: object, host, binary) => {
        validateName('host', host!);
        validateName('binary', binary!);
        const now = ctx.now();
        const [row] = await ctx.withStore((store) =>
          store.removeServices({ host, binary }, (rows) => [selectTarget(rows, host!, binary!)], now),
        );
        ctx.io.stdout.write(`Service ${row!.binary} on host ${row!.host} removed.\n`);
      }),
    );
}
