import { UsageError } from '../core/errors.js';
import type { ServiceRow } from '../core/service-row.js';
import { toPythonJson } from './python-json.js';
import { renderTable } from './table.js';

export type StatusFormat = 'table' | 'json';

export function parseStatusFormat(text: string): StatusFormat {
  const format = text.toLowerCase();
  if (format !== 'table' && format !== 'json') throw new UsageError(`unknown format '${text}': use table, json`);
  return format;
}

export interface StatusReport {
  row: ServiceRow;
  /** Whether a reason was given (cinderclient then adds a Disabled Reason column). */
  withReason: boolean;
}

/** What cinder service-disable/enable print, or the body Cinder's PUT /os-services returns. */
export function renderStatusChange({ row, withReason }: StatusReport, format: StatusFormat): string {
  const status = row.disabled ? 'disabled' : 'enabled';
  if (format === 'json') {
    const body: Record<string, unknown> = { host: row.host, binary: row.binary, status, disabled: row.disabled };
    // Cinder answers disable-log-reason with the reason and enable with a cleared one.
    if (withReason || !row.disabled) body['disabled_reason'] = row.disabledReason;
    return `${toPythonJson(body)}\n`;
  }
  const headers = ['Host', 'Binary', 'Status'];
  const cells = [row.host ?? '-', row.binary ?? '-', status];
  if (withReason) {
    headers.push('Disabled Reason');
    cells.push(row.disabledReason ?? '-');
  }
  return renderTable(headers, [cells]);
}
