import type { ServiceRow } from './service-row.js';
import { dbTimestampToIso, formatIsoTimestamp, MICROS_PER_SECOND, parseDbTimestamp, type Micros } from './time.js';

export type State = 'up' | 'down';

export interface Liveness {
  state: State;
  /** What Cinder shows as updated_at: ISO text, the raw stored text if unparseable, or null. */
  shownAt: string | null;
}

type Timestamps = Pick<ServiceRow, 'createdAt' | 'updatedAt' | 'modifiedAt'>;

function display(text: string | null): string | null {
  return text === null ? null : (dbTimestampToIso(text) ?? text);
}

/**
 * Cinder's services API (cinder/api/contrib/services.py, index): up when the last
 * heartbeat, or creation if there was none, is within service_down_time of now in
 * either direction. modified_at only changes what is shown.
 */
export function computeLiveness(
  row: Timestamps,
  now: Micros,
  downTimeSeconds: number,
  ref: Micros | null = lastHeartbeat(row),
): Liveness {
  if (ref === null) {
    // Cinder itself raises on such a row; svc calls it down and lists the others.
    return { state: 'down', shownAt: display(row.updatedAt) };
  }
  const delta = Math.abs(now - ref);
  const state: State = delta <= downTimeSeconds * MICROS_PER_SECOND ? 'up' : 'down';
  const modified = row.modifiedAt === null ? null : parseDbTimestamp(row.modifiedAt);
  if (modified !== null && delta >= Math.abs(now - modified)) {
    return { state, shownAt: formatIsoTimestamp(modified) };
  }
  // updated_at was parsed as ref already, unless it is null (then nothing is shown).
  return { state, shownAt: row.updatedAt === null ? null : dbTimestampToIso(row.updatedAt, ref)! };
}

/** When the service last reported: updated_at, else created_at; null if neither parses. */
export function lastHeartbeat(row: Timestamps): Micros | null {
  const text = row.updatedAt ?? row.createdAt;
  return text === null ? null : parseDbTimestamp(text);
}
