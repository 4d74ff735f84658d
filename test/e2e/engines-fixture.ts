import type { RowValues } from '../helpers/fixture-db.js';

/** SVC_NOW for the shared fixture; every stored time is a whole second, which both engines keep. */
export const NOW = '2026-03-01T12:00:00Z';

/**
 * Rows that exercise liveness, display and matching on every engine. Hosts and binaries
 * differ only in case or trailing spaces in places, which MySQL's default collations
 * would merge; `h_x` holds a LIKE wildcard.
 */
export const ENGINE_FIXTURE: RowValues[] = [
  {
    // The seed's sample row.
    created_at: '2018-08-16 07:29:20', updated_at: '2019-06-14 09:22:23', host: '10.24.1.9',
    binary: 'cinder-scheduler', topic: 'cinder-scheduler', report_count: 838433,
    rpc_current_version: '3.5', object_current_version: '1.21',
  },
  {
    created_at: '2026-02-01 08:00:00', updated_at: '2026-03-01 11:59:50', host: '10.24.1.9@lvm#pool',
    binary: 'cinder-volume', topic: 'cinder-volume', report_count: 2500, replication_status: 'enabled',
    active_backend_id: 'secondary', frozen: 1, cluster_name: 'cluster1@lvm',
  },
  { created_at: '2026-03-01 11:00:00', updated_at: '2026-03-01 11:59:45', host: 'HostA@lvm', binary: 'cinder-volume', topic: 'cinder-volume' },
  { created_at: '2026-03-01 11:00:00', updated_at: '2026-03-01 11:58:00', host: 'hosta@lvm', binary: 'cinder-volume', topic: 'cinder-volume' },
  { created_at: '2026-03-01 11:59:30', updated_at: null, host: 'h_x', binary: 'cinder-backup', topic: 'cinder-backup' },
  { created_at: '2026-03-01 11:00:00', updated_at: '2026-03-01 12:00:30', host: 'ctl-1', binary: 'cinder-scheduler', topic: 'cinder-scheduler' },
  { created_at: '2026-03-01 11:00:00', updated_at: '2026-03-01 12:01:01', host: 'ctl-2', binary: 'cinder-scheduler', topic: 'cinder-scheduler' },
  { created_at: '2026-03-01 11:00:00', updated_at: '2026-03-01 11:59:00', host: 'ctl-1', binary: 'cinder-backup', topic: 'cinder-backup' },
  { created_at: '2026-03-01 11:00:00', updated_at: '2026-03-01 11:58:59', host: 'ctl-2', binary: 'cinder-backup', topic: 'cinder-backup' },
  {
    created_at: '2026-03-01 11:00:00', updated_at: '2026-03-01 11:59:10', modified_at: '2026-03-01 11:59:55',
    host: 'ctl-1@nfs', binary: 'cinder-volume', topic: 'cinder-volume', disabled: 1, disabled_reason: 'maintenance',
  },
  {
    created_at: '2026-03-01 11:00:00', updated_at: '2026-03-01 11:59:40', modified_at: '2026-03-01 11:00:00',
    host: 'ctl-2@nfs', binary: 'cinder-volume', topic: 'cinder-volume', disabled: 1,
  },
  {
    created_at: '2026-03-01 11:00:00', updated_at: '2026-03-01 11:59:59', deleted_at: '2026-03-01 11:30:00',
    deleted: 1, host: 'ctl-3@nfs', binary: 'cinder-volume', topic: 'cinder-volume',
  },
  { created_at: '2026-03-01 11:00:00', updated_at: '2026-03-01 11:59:58', host: 'ctl-2@ceph', binary: 'cinder-volume', topic: 'cinder-volume', availability_zone: null },
  { created_at: '2026-03-01 11:00:00', updated_at: '2026-03-01 11:59:57', host: 'ctl-1@lvm', binary: 'Cinder-Volume', topic: 'cinder-volume' },
  { created_at: '2026-03-01 11:00:00', updated_at: '2026-03-01 11:59:56', host: 'ctl-1@lvm', binary: 'cinder-volume ', topic: 'cinder-volume' },
];
