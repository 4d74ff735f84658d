import { describe, expect, test } from '@jest/globals';
import { readAllRows } from '../helpers/fixture-db.js';
import { monitoringDb, NOW } from '../helpers/monitoring-fixture.js';
import { runSvc } from '../helpers/svc-process.js';

function prune(db: string, args: string[], env: Record<string, string> = {}) {
  return runSvc(['prune', ...args], { env: { SVC_DB: db, SVC_NOW: NOW, ...env } });
}

function liveHosts(db: string): string[] {
  return readAllRows(db).filter((row) => row['deleted'] === 0).map((row) => String(row['host']));
}

describe('svc prune', () => {
  test('removes the live services silent for longer than the duration, as remove does', async () => {
    const db = monitoringDb();
    const before = readAllRows(db);
    const result = await prune(db, ['--older-than', '30m']);
    expect(result.stdout).toBe(
      'Service cinder-volume on host node2@ceph removed: last heartbeat 2019-06-14T08:00:00.000000.\n' +
        'Service cinder-backup on host node3 removed: last heartbeat 2019-06-01T10:00:00.000000.\n',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const after = readAllRows(db);
    expect(liveHosts(db)).toEqual(['ctl1', 'ctl1@lvm']);
    for (const [index, row] of after.entries()) {
      const pruned = row['host'] === 'node2@ceph' || row['host'] === 'node3';
      // A soft delete: only deleted and deleted_at change, and only on the pruned rows.
      expect(row).toEqual(pruned ? { ...before[index], deleted: 1, deleted_at: '2019-06-14 09:23:00.000000' } : before[index]);
    }
  });

  test('--dry-run prints the same services and writes nothing', async () => {
    const db = monitoringDb();
    const before = readAllRows(db);
    const result = await prune(db, ['--older-than', '30m', '--dry-run']);
    expect(result.stdout).toBe(
      'Service cinder-volume on host node2@ceph would be removed: last heartbeat 2019-06-14T08:00:00.000000.\n' +
        'Service cinder-backup on host node3 would be removed: last heartbeat 2019-06-01T10:00:00.000000.\n',
    );
    expect(result.code).toBe(0);
    expect(readAllRows(db)).toEqual(before);
  });

  test.each<[string, string[], string[]]>([
    ['a longer duration spares the service down for an hour', ['--older-than', '7d'], ['ctl1', 'ctl1@lvm', 'node2@ceph']],
    ['--binary limits it', ['--older-than', '90s', '--binary', 'cinder-volume'], ['ctl1', 'ctl1@lvm', 'node3']],
    ['--host limits it, by the prefix rule', ['--older-than', '15m', '--host', 'node2'], ['ctl1', 'ctl1@lvm', 'node3']],
    ['nothing that old', ['--older-than', '365d'], ['ctl1', 'ctl1@lvm', 'node2@ceph', 'node3']],
  ])('%s', async (_name, args, remaining) => {
    const db = monitoringDb();
    const result = await prune(db, args);
    expect(result.code).toBe(0);
    expect(liveHosts(db)).toEqual(remaining);
    expect(result.stdout.split('\n').length - 1).toBe(4 - remaining.length);
  });

  test('a heartbeat after a prune creates a new row, as after remove', async () => {
    const db = monitoringDb();
    await prune(db, ['--older-than', '12h']);
    const beat = await runSvc(['heartbeat', '--binary', 'cinder-backup', '--host', 'node3'], { env: { SVC_DB: db, SVC_NOW: NOW } });
    expect(beat.code).toBe(0);
    const node3 = readAllRows(db).filter((row) => row['host'] === 'node3');
    expect(node3.map((row) => [row['deleted'], row['report_count']])).toEqual([[1, 33], [0, 1]]);
  });

  test('a row whose heartbeat cannot be read is kept, with a warning', async () => {
    const db = monitoringDb([
      { created_at: '2019-01-01 00:00:00', updated_at: 'last tuesday', host: 'odd', binary: 'cinder-volume' },
      { created_at: '2019-01-01 00:00:00', updated_at: '2019-01-02 00:00:00', host: 'old', binary: 'cinder-volume' },
    ]);
    const result = await prune(db, ['--older-than', '7d']);
    expect(result.stdout).toBe('Service cinder-volume on host old removed: last heartbeat 2019-01-02T00:00:00.000000.\n');
    expect(result.stderr).toBe(
      "svc: warning: kept cinder-volume on host odd (id 1): its last heartbeat 'last tuesday' is not a time; " +
        'svc remove HOST BINARY removes it\n',
    );
    expect(result.code).toBe(0);
    expect(liveHosts(db)).toEqual(['odd']);
  });

  test.each<[string, string[], Record<string, string>, string]>([
    [
      'a duration not longer than service_down_time',
      ['--older-than', '60s'],
      {},
      'svc: error: --older-than 60s is not longer than service_down_time 60s: such a service could still be up\n',
    ],
    [
      'the same against a longer service_down_time',
      ['--older-than', '1h'],
      { SVC_SERVICE_DOWN_TIME: '3600' },
      'svc: error: --older-than 3600s is not longer than service_down_time 3600s: such a service could still be up\n',
    ],
    ['a bare number', ['--older-than', '3600'], {}, "svc: error: invalid --older-than '3600': expected a duration such as 90s, 15m, 12h or 7d\n"],
    ['no duration', [], {}, "svc: error: required option '--older-than <duration>' not specified\n"],
  ])('usage error, nothing written: %s', async (_name, args, env, stderr) => {
    const db = monitoringDb();
    const before = readAllRows(db);
    const result = await prune(db, args, env);
    expect(result.stderr).toBe(stderr);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
    expect(readAllRows(db)).toEqual(before);
  });
});
