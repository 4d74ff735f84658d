import { UsageError } from '../core/errors.js';
import type { ListedService, ServiceView } from '../core/service-view.js';
import { csvLine, valueLine } from './delimited.js';
import { joinInChunks } from './join-in-chunks.js';
import { renderPrometheus } from './prometheus.js';
import { quotePythonJson, toPythonJson } from './python-json.js';
import { compareRows, renderTableChunks, type CellPainter } from './table.js';

export const LIST_FORMATS = ['table', 'json', 'csv', 'value', 'prometheus'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export interface Column {
  title: string;
  field: keyof ServiceView;
}

const BASE_COLUMNS: Column[] = [
  { title: 'Binary', field: 'binary' },
  { title: 'Host', field: 'host' },
  { title: 'Zone', field: 'zone' },
  { title: 'Status', field: 'status' },
  { title: 'State', field: 'state' },
  { title: 'Updated_at', field: 'updated_at' },
  { title: 'Cluster', field: 'cluster' },
];
const REPLICATION_COLUMNS: Column[] = [
  { title: 'Replication Status', field: 'replication_status' },
  { title: 'Active Backend ID', field: 'active_backend_id' },
  { title: 'Frozen', field: 'frozen' },
];
const REASON_COLUMN: Column = { title: 'Disabled Reason', field: 'disabled_reason' };
const ALL_COLUMNS = [...BASE_COLUMNS, ...REPLICATION_COLUMNS, REASON_COLUMN];

export function parseListFormat(text: string): ListFormat {
  const format = LIST_FORMATS.find((name) => name === text.toLowerCase());
  if (!format) throw new UsageError(`unknown format '${text}': use ${LIST_FORMATS.join(', ')}`);
  return format;
}

/**
 * The columns to print: cinder service-list's, or those named with -c (by title or
 * field name, any case), in the table's order.
 */
export function chooseColumns(withReplication: boolean, requested: string[]): Column[] {
  if (requested.length === 0) {
    return [...BASE_COLUMNS, ...(withReplication ? REPLICATION_COLUMNS : []), REASON_COLUMN];
  }
  const wanted = new Set<Column>();
  for (const name of requested) {
    const key = name.trim().toLowerCase();
    const column = ALL_COLUMNS.find((c) => c.title.toLowerCase() === key || c.field === key);
    if (!column) {
      const known = ALL_COLUMNS.map((c) => c.title).join(', ');
      throw new UsageError(`unknown column '${name}': use one of ${known}`);
    }
    wanted.add(column);
  }
  return ALL_COLUMNS.filter((column) => wanted.has(column));
}

/** A cell as cinderclient prints it: NULL as '-', a field the row lacks as '', booleans as Python does. */
function displayCell(value: ServiceView[keyof ServiceView] | undefined, nullText: string): string {
  if (value === undefined) return '';
  if (value === null) return nullText;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return value.includes('\r') ? value.replace(/\r/g, ' ') : value;
}

function cells(view: ServiceView, columns: Column[], nullText: string): string[] {
  return columns.map((column) => displayCell(view[column.field], nullText));
}

export interface ListOutputOptions {
  format: ListFormat;
  columns: Column[];
  /** Whether the columns were named with -c (then they are kept as asked). */
  columnsRequested: boolean;
  paintState?: (text: string) => string;
}

function jsonText(value: string | null): string {
  return value === null ? 'null' : quotePythonJson(value);
}

/**
 * toPythonJson(view), written out field by field: the same text, without walking the
 * object's keys for every one of 100k rows.
 */
export function serviceViewJson(view: ServiceView): string {
  let json =
    `{"binary": ${jsonText(view.binary)}, "host": ${jsonText(view.host)}, "zone": ${jsonText(view.zone)}, ` +
    `"status": "${view.status}", "state": "${view.state}", "updated_at": ${jsonText(view.updated_at)}, ` +
    `"cluster": ${jsonText(view.cluster)}, "disabled_reason": ${jsonText(view.disabled_reason)}`;
  if (view.replication_status !== undefined) json += `, "replication_status": ${jsonText(view.replication_status)}`;
  if (view.active_backend_id !== undefined) json += `, "active_backend_id": ${jsonText(view.active_backend_id)}`;
  if (view.frozen !== undefined) json += `, "frozen": ${view.frozen === null ? 'null' : String(view.frozen)}`;
  return `${json}}`;
}

function* viewsOf(listed: Iterable<ListedService>): Generator<ServiceView> {
  for (const service of listed) yield service.view;
}

/**
 * The output of service-list for services in id order, in pieces of about 64 KiB. Only
 * the table (sorted) and prometheus (grouped by metric) hold all rows at once; the other
 * formats stream.
 */
export function* renderServiceListChunks(listed: Iterable<ListedService>, options: ListOutputOptions): Generator<string> {
  const { format, columnsRequested } = options;
  let { columns } = options;
  const views = viewsOf(listed);
  switch (format) {
    case 'prometheus':
      yield renderPrometheus([...listed]);
      return;
    case 'json': {
      const fields = columnsRequested ? new Set<string>(columns.map((c) => c.field)) : null;
      const render = fields
        ? (view: ServiceView): string =>
            toPythonJson(Object.fromEntries(Object.entries(view).filter(([key]) => fields.has(key))))
        : serviceViewJson;
      yield '{"services": [';
      yield* joinInChunks(views, render, ', ');
      yield ']}\n';
      return;
    }
    case 'csv':
      yield csvLine(columns.map((c) => c.title));
      yield* joinInChunks(views, (view) => csvLine(cells(view, columns, '')));
      return;
    case 'value':
      yield* joinInChunks(views, (view) => valueLine(cells(view, columns, '-')));
      return;
    case 'table': {
      const tableColumns = columns;
      const rows = Array.from(views, (view) => cells(view, tableColumns, '-')).sort(compareRows);
      // cinderclient adds Disabled Reason only when the first result has one.
      if (rows.length === 0 && !columnsRequested) columns = columns.filter((c) => c !== REASON_COLUMN);
      const stateColumn = columns.findIndex((c) => c.field === 'state');
      const { paintState } = options;
      const paint: CellPainter | undefined = paintState
        ? (column, text) => (column === stateColumn ? paintState(text) : text)
        : undefined;
      yield* renderTableChunks(columns.map((c) => c.title), rows, paint);
    }
  }
}

/** The whole output of service-list for views in id order. */
export function renderServiceList(listed: Iterable<ListedService>, options: ListOutputOptions): string {
  return [...renderServiceListChunks(listed, options)].join('');
}
