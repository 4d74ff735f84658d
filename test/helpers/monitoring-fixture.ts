import { join } from 'node:path';
import { createFixtureDb, type RowValues } from './fixture-db.js';
import { tempDir } from './svc-process.js';

/** The moment every monitoring test runs at, pinned with SVC_NOW. */
export const NOW = '2019-06-14T09:23:00Z';

/**
 * Four live services at NOW with the default service_down_time of 60 s: two up (10 s
 * and 37 s since their last beat), one enabled and down for an hour, one disabled and
 * down for two weeks; and one removed row that nothing may report.
 */
export const MONITORING_ROWS: RowValues[] = [
  { created_at: '2019-06-01 08:00:00.000000', updated_at: '2019-06-14 09:22:50.500000', host: 'ctl1', binary: 'cinder-scheduler', topic: 'cinder-scheduler', report_count: 1200 },
  { created_at: '2019-06-01 08:00:00.000000', updated_at: '2019-06-14 09:22:23.000000', host: 'ctl1@lvm', binary: 'cinder-volume', topic: 'cinder-volume', report_count: 1190 },
  { created_at: '2019-06-01 08:00:00.000000', updated_at: '2019-06-14 08:00:00.000000', host: 'node2@ceph', binary: 'cinder-volume', topic: 'cinder-volume', report_count: 57 },
  { created_at: '2019-05-01 08:00:00.000000', updated_at: '2019-06-01 10:00:00.000000', host: 'node3', binary: 'cinder-backup', topic: 'cinder-backup', report_count: 33, disabled: 1, disabled_reason: 'maintenance' },
  { created_at: '2019-05-01 08:00:00.000000', updated_at: '2019-05-02 08:00:00.000000', deleted_at: '2019-05-03 08:00:00.000000', deleted: 1, host: 'old1', binary: 'cinder-volume', topic: 'cinder-volume', report_count: 5 },
];

/** A fresh database holding `rows` (the monitoring fixture unless told otherwise); returns its path. */
export function monitoringDb(rows: RowValues[] = MONITORING_ROWS): string {
  const path = join(tempDir(), 'services.db');
  createFixtureDb(path, rows);
  return path;
}
