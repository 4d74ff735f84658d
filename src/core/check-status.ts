import type { ListedService } from './service-view.js';
import { MICROS_PER_SECOND, type Micros } from './time.js';

/** Nagios plugin states; the exit code is the index (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN). */
export const CHECK_STATES = ['OK', 'WARNING', 'CRITICAL', 'UNKNOWN'] as const;
export type CheckState = (typeof CHECK_STATES)[number];

export function exitCodeOf(state: CheckState): number {
  return CHECK_STATES.indexOf(state);
}

/** up + down + disabled = every matched service: up and down count enabled services only. */
export interface CheckCounts {
  up: number;
  down: number;
  disabled: number;
}

export interface CheckStatus {
  state: CheckState;
  counts: CheckCounts;
  /** Enabled services that are down: each makes the check CRITICAL. */
  down: ListedService[];
  /** Enabled services still up whose heartbeat is older than the warning age. */
  late: ListedService[];
}

/**
 * The verdict of `svc check` on the matched services: CRITICAL when an enabled service
 * is down, WARNING when one is up but late, UNKNOWN when nothing matched, else OK. A
 * disabled service is counted but never changes the state. Lateness uses the same
 * |now - last heartbeat| as liveness, so a skewed clock warns before it turns down.
 */
export function evaluateCheck(services: ListedService[], now: Micros, warningAgeSeconds?: number): CheckStatus {
  const counts: CheckCounts = { up: 0, down: 0, disabled: 0 };
  const down: ListedService[] = [];
  const late: ListedService[] = [];
  for (const service of services) {
    if (service.view.status === 'disabled') {
      counts.disabled++;
    } else if (service.view.state === 'down') {
      counts.down++;
      down.push(service);
    } else {
      counts.up++;
      const age = service.lastHeartbeat === null ? null : Math.abs(now - service.lastHeartbeat);
      if (warningAgeSeconds !== undefined && age !== null && age > warningAgeSeconds * MICROS_PER_SECOND) {
        late.push(service);
      }
    }
  }
  const state: CheckState =
    services.length === 0 ? 'UNKNOWN' : down.length > 0 ? 'CRITICAL' : late.length > 0 ? 'WARNING' : 'OK';
  return { state, counts, down, late };
}
