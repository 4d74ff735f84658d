import { Command, Option } from 'commander';
import { UsageError } from '../core/errors.js';
import { toListedService, type ListedService } from '../core/service-view.js';
import { validateName } from '../core/validate.js';
import type { Micros } from '../core/time.js';
import type { Context } from '../context.js';
import { loadStatePainter } from '../output/colour.js';
import {
  chooseColumns,
  parseListFormat,
  renderServiceListChunks,
  type ListFormat,
} from '../output/service-list-output.js';
import type { ServiceFilter, ServiceStore } from '../store/store.js';
import { collect, type CommandRunner } from './command-runner.js';

/** Cinder's GET /os-services: live services matching the filter, with state computed now. */
export async function listServices(
  store: ServiceStore,
  filter: ServiceFilter,
  now: Micros,
  downTimeSeconds: number,
): Promise<ListedService[]> {
  const rows = await store.listServices(filter);
  return rows.map((row) => toListedService(row, now, downTimeSeconds));
}

/** The --host and --binary options as a store filter, validated. */
export function filterFromOptions(options: { host?: string; binary?: string }): ServiceFilter {
  const filter: ServiceFilter = {};
  if (options.host !== undefined) filter.host = validateName('host', options.host);
  if (options.binary !== undefined) filter.binary = validateName('binary', options.binary);
  return filter;
}

/**
 * listServices, lazily where the store can: services are made as they are iterated, which
 * must happen before the store is closed, so that a long listing can stream.
 */
export async function scanServices(
  store: ServiceStore,
  filter: ServiceFilter,
  now: Micros,
  downTimeSeconds: number,
): Promise<Iterable<ListedService>> {
  if (!store.scanServicesToShow) return listServices(store, filter, now, downTimeSeconds);
  const rows = await store.scanServicesToShow(filter);
  return (function* listed() {
    for (const row of rows) yield toListedService(row, now, downTimeSeconds);
  })();
}

interface ServiceListOptions {
  host?: string;
  binary?: string;
  withreplication?: boolean;
  format: ListFormat;
  column: string[];
  output?: string;
}

export function makeServiceListCommand(run: CommandRunner): Command {
  return new Command('service-list')
    .description('list services and whether each is up or down')
    .option('--host <host>', 'only this host, its backends (host@...) and pools (host#...)')
    .option('--binary <binary>', 'only this binary, e.g. cinder-volume')
    .option('--withreplication', 'add Replication Status, Active Backend ID and Frozen')
    .addOption(
      new Option('-f, --format <format>', 'table, json, csv, value or prometheus')
        .default('table')
        .argParser(parseListFormat),
    )
    .option('-c, --column <column>', 'print only this column (repeatable)', collect, [])
    .option('-o, --output <file>', 'write to this file instead of stdout, atomically (temporary file, then rename)')
    .action(
      run(async (ctx: Context, options: ServiceListOptions) => {
        const filter = filterFromOptions(options);
        if (options.format === 'prometheus' && options.column.length > 0) {
          throw new UsageError('-c does not apply to -f prometheus: its metrics are fixed');
        }
        if (options.output === '') throw new UsageError('invalid --output: give a file name');
        const columns = chooseColumns(options.withreplication === true, options.column);
        const now = ctx.now();
        const toTerminal = options.output === undefined;
        const paintState =
          options.format === 'table' && toTerminal && ctx.useColour() ? await loadStatePainter() : undefined;
        const text = await ctx.withStore(async (store) => {
          const services = await scanServices(store, filter, now, ctx.downTimeSeconds);
          const chunks = renderServiceListChunks(services, {
            format: options.format,
            columns,
            columnsRequested: options.column.length > 0,
            paintState,
          });
          if (toTerminal) {
            for (const chunk of chunks) ctx.io.stdout.write(chunk);
            return '';
          }
          return [...chunks].join('');
        });
        if (!toTerminal) {
          // Loaded only for --output: it brings node:crypto, which a plain listing need not load.
          const { writeFileAtomic } = await import('../write-file-atomic.js');
          await writeFileAtomic(options.output!, text);
        }
      }),
    );
}
