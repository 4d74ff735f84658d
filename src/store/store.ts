import type { ServiceRow } from '../core/service-row.js';
import type { ListedRow } from '../core/service-view.js';
import type { Micros } from '../core/time.js';

/** The 19 columns of Cinder's services table, in the order of the seed's `desc services`. */
export const SERVICE_COLUMNS = [
  'created_at', 'updated_at', 'deleted_at', 'deleted', 'id', 'host', 'binary', 'topic',
  'report_count', 'disabled', 'availability_zone', 'disabled_reason', 'modified_at',
  'rpc_current_version', 'object_current_version', 'replication_status', 'frozen',
  'active_backend_id', 'cluster_name',
] as const;

export interface ServiceFilter {
  host?: string;
  binary?: string;
}

export interface Heartbeat {
  host: string;
  binary: string;
  topic: string;
  zone: string;
  cluster?: string;
}

export interface HeartbeatResult {
  created: boolean;
  row: ServiceRow;
}

export interface StatusChange {
  disabled: boolean;
  /** A new reason, null to clear it, undefined to keep the stored one. */
  reason?: string | null;
}

/** Where services live. Async so that a networked engine can stand behind it. */
export interface ServiceStore {
  /** Live rows (deleted = 0) in id order. */
  listServices(filter: ServiceFilter): Promise<ServiceRow[]>;
  /**
   * listServices with only the fields service-list shows, read lazily as the result is
   * iterated, which must happen before the store is closed. Optional: for an engine where
   * this costs much less than listServices (SQLite lists 100k rows in a fraction of the
   * time and memory).
   */
  scanServicesToShow?(filter: ServiceFilter): Promise<Iterable<ListedRow>>;
  /** Cinder's report_state in one write transaction: create the row or count the beat. */
  recordHeartbeat(beat: Heartbeat, now: Micros): Promise<HeartbeatResult>;
  /** Enable or disable one service; sets modified_at, never updated_at. */
  setStatus(host: string, binary: string, change: StatusChange, now: Micros): Promise<ServiceRow>;
  /**
   * Soft-delete (deleted = 1, deleted_at = now), in one write transaction, the live rows
   * matching `filter` that `pick` chooses; returns them as they were before. `pick` may
   * throw to refuse, and then nothing is written.
   */
  removeServices(filter: ServiceFilter, pick: (rows: ServiceRow[]) => ServiceRow[], now: Micros): Promise<ServiceRow[]>;
  close(): Promise<void>;
}

export function missingColumns(present: Iterable<string>): string[] {
  const names = new Set(present);
  return SERVICE_COLUMNS.filter((column) => !names.has(column));
}

/**
 * The columns a first heartbeat writes (Cinder's _create_service_ref); the rest stay NULL.
 * A Cinder-made table has a unique uuid column, and a new row gets a fresh one, as in Cinder.
 */
export function firstBeatValues(
  beat: Heartbeat,
  stamps: { createdAt: string; updatedAt: string },
  withUuid: boolean,
): Record<string, unknown> {
  const values: Record<string, unknown> = {
    created_at: stamps.createdAt,
    updated_at: stamps.updatedAt,
    deleted: 0,
    host: beat.host,
    binary: beat.binary,
    topic: beat.topic,
    report_count: 1,
    disabled: 0,
    availability_zone: beat.zone,
    replication_status: 'not-capable',
    frozen: 0,
    cluster_name: beat.cluster ?? null,
  };
  if (withUuid) values['uuid'] = crypto.randomUUID();
  return values;
}
