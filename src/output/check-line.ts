import { formatDistanceStrict } from 'date-fns/formatDistanceStrict';
import type { CheckStatus } from '../core/check-status.js';
import type { ListedService } from '../core/service-view.js';
import type { Micros } from '../core/time.js';
import { pluginText } from './plugin-line.js';

/** How many services a summary names before it says "and N more". */
export const MAX_NAMED_SERVICES = 5;


function describeAge(lastHeartbeat: Micros | null, now: Micros): string {
  if (lastHeartbeat === null) return 'no readable heartbeat';
  const age = formatDistanceStrict(new Date(lastHeartbeat / 1000), new Date(now / 1000), { addSuffix: true });
  return `last heartbeat ${age}`;
}

function nameServices(services: ListedService[], now: Micros): string {
  const named = services.slice(0, MAX_NAMED_SERVICES).map(
    ({ view, lastHeartbeat }) =>
      `${view.binary ?? '-'} on ${view.host ?? '-'} (${describeAge(lastHeartbeat, now)})`,
  );
  const more = services.length - named.length;
  return named.join(', ') + (more > 0 ? `, and ${more} more` : '');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** What `svc check` was asked about, for the UNKNOWN line when nothing matched. */
export interface CheckScope {
  host?: string;
  binary?: string;
}

function summarise(status: CheckStatus, scope: CheckScope, now: Micros): string {
  const { counts } = status;
  const enabled = counts.up + counts.down;
  switch (status.state) {
    case 'UNKNOWN': {
      const limits = [
        scope.binary === undefined ? null : `binary ${scope.binary}`,
        scope.host === undefined ? null : `host ${scope.host}`,
      ].filter((limit) => limit !== null);
      return limits.length === 0 ? 'no services found' : `no services found for ${limits.join(', ')}`;
    }
    case 'CRITICAL':
      return `${counts.down} of ${plural(enabled, 'enabled service')} down: ${nameServices(status.down, now)}`;
    case 'WARNING':
      return `${status.late.length} of ${plural(enabled, 'enabled service')} reporting late: ${nameServices(status.late, now)}`;
    case 'OK': {
      const disabled = counts.disabled > 0 ? `, ${counts.disabled} disabled` : '';
      return enabled === 0 ? `no enabled services${disabled}` : `${plural(enabled, 'enabled service')} up${disabled}`;
    }
  }
}

/** The plugin's one line: `SVC <STATE> - <summary> | up=N down=N disabled=N`. */
export function renderCheckLine(status: CheckStatus, scope: CheckScope, now: Micros): string {
  const { up, down, disabled } = status.counts;
  return `SVC ${status.state} - ${pluginText(summarise(status, scope, now))} | up=${up} down=${down} disabled=${disabled}\n`;
}
