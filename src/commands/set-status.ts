import { Command, Option } from 'commander';
import { validateName, validateReason } from '../core/validate.js';
import type { Context } from '../context.js';
import { parseStatusFormat, renderStatusChange, type StatusFormat } from '../output/status-output.js';
import type { StatusChange } from '../store/store.js';
import type { CommandRunner } from './command-runner.js';

interface StatusOptions {
  reason?: string;
  format: StatusFormat;
}

function formatOption(): Option {
  return new Option('-f, --format <format>', 'table or json').default('table').argParser(parseStatusFormat);
}

async function changeStatus(ctx: Context, host: string, binary: string, change: StatusChange, format: StatusFormat): Promise<void> {
  validateName('host', host);
  validateName('binary', binary);
  const now = ctx.now();
  const row = await ctx.withStore((store) => store.setStatus(host, binary, change, now));
  ctx.io.stdout.write(renderStatusChange({ row, withReason: typeof change.reason === 'string' }, format));
}

export function makeDisableCommand(run: CommandRunner): Command {
  return new Command('disable')
    .description('disable a service (it keeps its heartbeat; only its status changes)')
    .argument('<host>', 'the service host')
    .argument('<binary>', 'the service binary')
    .option('--reason <text>', 'why, 1-255 characters')
    .addOption(formatOption())
    .action(
      run(async (ctx: Context, options: StatusOptions, host, binary) => {
        const change: StatusChange = { disabled: true };
        if (options.reason !== undefined) change.reason = validateReason(options.reason);
        await changeStatus(ctx, host!, binary!, change, options.format);
      }),
    );
}

export function makeEnableCommand(run: CommandRunner): Command {
  return new Command('enable')
    .description('enable a service and clear its disabled reason')
    .argument('<host>', 'the service host')
    .argument('<binary>', 'the service binary')
    .addOption(formatOption())
    .action(
      run(async (ctx: Context, options: StatusOptions, host, binary) => {
        await changeStatus(ctx, host!, binary!, { disabled: false, reason: null }, options.format);
      }),
    );
}
