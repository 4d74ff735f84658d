import { computeLiveness, lastHeartbeat, type State } from './liveness.js';
import type { ServiceRow } from './service-row.js';
import type { Micros } from './time.js';

/** One service as Cinder's GET /os-services (3.7, extended) returns it, in its key order. */
export interface ServiceView {
  binary: string | null;
  host: string | null;
  zone: string | null;
  status: 'enabled' | 'disabled';
  state: State;
  updated_at: string | null;
  cluster: string | null;
  disabled_reason: string | null;
  replication_status?: string | null;
  active_backend_id?: string | null;
  frozen?: boolean | null;
}

/** The fields of a row that a listing shows or needs for liveness. */
export type ListedRow = Pick<
  ServiceRow,
  | 'createdAt' | 'updatedAt' | 'modifiedAt' | 'host' | 'binary' | 'disabled' | 'availabilityZone'
  | 'disabledReason' | 'replicationStatus' | 'frozen' | 'activeBackendId' | 'clusterName' | 'reportCount'
>;

export function toServiceView(
  row: ListedRow,
  now: Micros,
  downTimeSeconds: number,
  last: Micros | null = lastHeartbeat(row),
): ServiceView {
  const { state, shownAt } = computeLiveness(row, now, downTimeSeconds, last);
  const view: ServiceView = {
    binary: row.binary,
    host: row.host,
    zone: row.availabilityZone,
    status: row.disabled ? 'disabled' : 'enabled',
    state,
    updated_at: shownAt,
    cluster: row.clusterName,
    disabled_reason: row.disabledReason,
  };
  if (row.binary === 'cinder-volume') {
    view.replication_status = row.replicationStatus;
    view.active_backend_id = row.activeBackendId;
    view.frozen = row.frozen;
  }
  return view;
}

/** A listed service: its API view plus what monitoring needs and the API does not show. */
export interface ListedService {
  view: ServiceView;
  reportCount: number;
  /** updated_at, else created_at; null when neither parses. */
  lastHeartbeat: Micros | null;
}

export function toListedService(row: ListedRow, now: Micros, downTimeSeconds: number): ListedService {
  const last = lastHeartbeat(row); // Parsed once: liveness and monitoring both need it.
  return {
    view: toServiceView(row, now, downTimeSeconds, last),
    reportCount: row.reportCount,
    lastHeartbeat: last,
  };
}
