import { Command, Option } from 'commander';
import { toServiceView, type ServiceView } from '../core/service-view.js';
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
): Promise<ServiceView[]> {
  const rows = await store.listServices(filter);
  return rows.map((row) => toServiceView(row, now, downTimeSeconds));
}

/**
 * listServices, lazily where the store can: views are made as they are iterated, which
 * must happen before the store is closed, so that a long listing can stream.
 */
export async function scanServices(
  store: ServiceStore,
  filter: ServiceFilter,
  now: Micros,
  downTimeSeconds: number,
): Promise<Iterable<ServiceView>> {
  if (!store.scanServicesToShow) return listServices(store, filter, now, downTimeSeconds);
  const rows = await store.scanServicesToShow(filter);
  return (function* views() {
    for (const row of rows) yield toServiceView(row, now, downTimeSeconds);
  })();
}

interface ServiceListOptions {
  host?: string;
  binary?: string;
  withreplication?: boolean;
  format: ListFormat;
  column: string[];
}

export function makeServiceListCommand(run: CommandRunner): Command {
  return new Command('service-list')
    .description('list services and whether each is up or down')
    .option('--host <host>', 'only this host, its backends (host@...) and pools (host#...)')
    .option('--binary <binary>', 'only this binary, e.g. cinder-volume')
    .option('--withreplication', 'add Replication Status, Active Backend ID and Frozen')
    .addOption(
      new Option('-f, --format <format>', 'table, json, csv or value')
        .default('table')
        .argParser(parseListFormat),
    )
    .option('-c, --column <column>', 'print only this column (repeatable)', collect, [])
    .action(
      run(async (ctx: Context, options: ServiceListOptions) => {
        const filter: ServiceFilter = {};
        if (options.host !== undefined) filter.host = validateName('host', options.host);
        if (options.binary !== undefined) filter.binary = validateName('binary', options.binary);
        const columns = chooseColumns(options.withreplication === true, options.column);
        const now = ctx.now();
        const paintState =
          options.format === 'table' && ctx.useColour() ? await loadStatePainter() : undefined;
        await ctx.withStore(async (store) => {
          const views = await scanServices(store, filter, now, ctx.downTimeSeconds);
          const chunks = renderServiceListChunks(views, {
            format: options.format,
            columns,
            columnsRequested: options.column.length > 0,
            paintState,
          });
          for (const chunk of chunks) ctx.io.stdout.write(chunk);
        });
      }),
    );
}
