import { Command, CommanderError, Option } from 'commander';
import { SvcError, UsageError } from './core/errors.js';
import { MAX_WAIT_MS, parseSeconds, parseWholeNumber } from './core/validate.js';
import { Context, type GlobalOptions, type Io } from './context.js';
import type { CommandRunner } from './commands/command-runner.js';
import { makeCheckCommand } from './commands/check.js';
import { makeHeartbeatCommand } from './commands/heartbeat.js';
import { makePruneCommand } from './commands/prune.js';
import { makeRemoveCommand } from './commands/remove.js';
import { makeServiceListCommand } from './commands/service-list.js';
import { makeDisableCommand, makeEnableCommand } from './commands/set-status.js';
import { errorLine } from './output/error-line.js';
import { renderUnknownLine } from './output/plugin-line.js';
import { VERSION } from './version.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
/** Nagios UNKNOWN: how a plugin reports that it could not check (monitoring-plugins guidelines). */
export const EXIT_PLUGIN_UNKNOWN = 3;

/** Subcommands that are monitoring plugins: any failure is one UNKNOWN line on stdout. */
const PLUGIN_COMMANDS = new Set(['check']);

function buildProgram(io: Io, setExitCode: (code: number) => void): Command {
  const run: CommandRunner = (body) => async (...actionArgs) => {
    const command = actionArgs.at(-1) as Command;
    const options = actionArgs.at(-2) as Parameters<typeof body>[1];
    const args = actionArgs.slice(0, -2) as string[];
    const ctx = new Context(io, command.optsWithGlobals<GlobalOptions>());
    const code = await body(ctx, options, ...args);
    if (typeof code === 'number') setExitCode(code);
  };

  const program = new Command('svc')
    .description('Cinder-style service heartbeats: which services are up, which are down')
    .version(VERSION, '--version', 'print the version')
    .option('--db <path>', 'SQLite file or mysql:// URL (env SVC_DB; default $XDG_DATA_HOME/svc/services.db)')
    .addOption(
      new Option('--service-down-time <seconds>', 'a service whose last beat is older is down (env SVC_SERVICE_DOWN_TIME; default 60)')
        .argParser((text) => parseWholeNumber('service_down_time', text)),
    )
    .addOption(
      new Option('--busy-timeout <ms>', 'how long to wait for a locked database (env SVC_BUSY_TIMEOUT; default 5000)')
        .argParser((text) => parseWholeNumber('busy timeout', text, 0, MAX_WAIT_MS)),
    )
    .addOption(
      new Option('--connect-timeout <seconds>', 'mysql:// only: give up connecting after this long (env SVC_CONNECT_TIMEOUT; default 10)')
        .argParser((text) => parseSeconds('connect timeout', text)),
    )
    .option('--no-color', 'never colour the output')
    .showSuggestionAfterError(false);

  for (const command of [
    makeServiceListCommand(run),
    makeHeartbeatCommand(run),
    makeDisableCommand(run),
    makeEnableCommand(run),
    makeRemoveCommand(run),
    makePruneCommand(run),
    makeCheckCommand(run),
  ]) {
    program.addCommand(command);
  }
  for (const command of [program, ...program.commands]) {
    command
      .exitOverride()
      .configureOutput({
        writeOut: (text) => io.stdout.write(text),
        writeErr: (text) => io.stderr.write(text),
        outputError: () => undefined, // Printed once, by main.
      });
  }
  return program;
}

function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT_USAGE;
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  return EXIT_FAILED;
}

/**
 * The subcommand `argv` names, found as commander finds it: the first operand after the
 * global options. Known before parsing, so that even a bad global option fails as the
 * subcommand's kind of failure.
 */
function subcommandOf(program: Command, argv: string[]): string | undefined {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--') return argv[index + 1];
    if (!arg.startsWith('-')) return arg;
    const option = program.options.find((candidate) => candidate.long === arg || candidate.short === arg);
    if (option?.required) index++; // Its value is the next argument.
  }
  return undefined;
}

/** SVC_DEBUG=1 adds the stack trace under the one-line error. */
function writeDebugStack(error: unknown, io: Io): void {
  if (io.env['SVC_DEBUG'] === '1' && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
}

/** A plugin's failure: Nagios reads only stdout and the exit code; 2 would claim CRITICAL. */
function reportPluginFailure(error: unknown, io: Io): number {
  if (error instanceof CommanderError && error.exitCode === 0) return EXIT_OK; // --help
  const known = error instanceof SvcError || error instanceof UsageError || error instanceof CommanderError;
  const message = error instanceof Error ? error.message.replace(/^error: /, '') : String(error);
  io.stdout.write(renderUnknownLine(known ? message : `unexpected failure: ${message}`));
  writeDebugStack(error, io);
  return EXIT_PLUGIN_UNKNOWN;
}

/** Runs svc with `argv` (without node and script); returns the exit code. The only catch. */
export async function main(argv: string[], io: Io = process): Promise<number> {
  let exitCode = EXIT_OK;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (PLUGIN_COMMANDS.has(subcommandOf(program, argv) ?? '')) return reportPluginFailure(error, io);
    const code = exitCodeOf(error);
    if (error instanceof CommanderError) {
      // Help and --version were printed already; a bare `svc` printed its help to stderr.
      if (code !== EXIT_OK && error.code !== 'commander.help' && error.code !== 'commander.helpDisplayed') {
        io.stderr.write(errorLine(error.message.replace(/^error: /, '')));
      }
      return code;
    }
    const known = error instanceof SvcError || error instanceof UsageError;
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(errorLine(known ? message : `unexpected failure: ${message}`));
    writeDebugStack(error, io);
    return code;
  }
}
