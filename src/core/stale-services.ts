import { lastHeartbeat } from './liveness.js';
import type { ServiceRow } from './service-row.js';
import { MICROS_PER_SECOND, type Micros } from './time.js';

export interface StaleSelection {
  /** Rows whose last heartbeat is more than the age before now. */
  stale: ServiceRow[];
  /** Rows whose last heartbeat cannot be read, so their age is unknown; never chosen. */
  unreadable: ServiceRow[];
}

/**
 * The services prune removes: last heartbeat (updated_at, else created_at) strictly older
 * than `olderThanSeconds`. A heartbeat in the future (clock skew) is not old. A row
 * whose timestamps do not parse is left alone: prune only removes what it can show is stale.
 */
export function selectStaleServices(rows: ServiceRow[], now: Micros, olderThanSeconds: number): StaleSelection {
  const selection: StaleSelection = { stale: [], unreadable: [] };
  const cutoff = now - olderThanSeconds * MICROS_PER_SECOND;
  for (const row of rows) {
    const last = lastHeartbeat(row);
    if (last === null) selection.unreadable.push(row);
    else if (last < cutoff) selection.stale.push(row);
  }
  return selection;
}
