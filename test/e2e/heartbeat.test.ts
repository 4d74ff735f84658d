import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { readAllRows } from '../helpers/fixture-db.js';
import { runSvc, tempDir, type SvcResult } from '../helpers/svc-process.js';

function newDb(): string {
  return join(tempDir(), 'nested', 'folder', 'services.db');
}

function svcAt(db: string, now: string) {
  return (...args: string[]): Promise<SvcResult> => runSvc(args, { env: { SVC_DB: db, SVC_NOW: now } });
}

describe('heartbeat', () => {
  test('the first beat creates the row as report_state does, silently', async () => {
    const db = newDb();
    const result = await svcAt(db, '2026-11-24T10:00:00.123456Z')('heartbeat', '--binary', 'cinder-volume', '--host', 'node1@lvm');
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(readAllRows(db)).toEqual([
      {
        created_at: '2026-11-24 10:00:00.123456',
        updated_at: '2026-11-24 10:00:00.123456',
        deleted_at: null,
        deleted: 0,
        id: 1,
        host: 'node1@lvm',
        binary: 'cinder-volume',
        topic: 'cinder-volume',
        report_count: 1,
        disabled: 0,
        availability_zone: 'nova',
        disabled_reason: null,
        modified_at: null,
        rpc_current_version: null,
        object_current_version: null,
        replication_status: 'not-capable',
        frozen: 0,
        active_backend_id: null,
        cluster_name: null,
      },
    ]);
  });

  test('later beats count and stamp, follow the zone and a given cluster, and touch nothing else', async () => {
    const db = newDb();
    await svcAt(db, '2026-11-24T10:00:00Z')('heartbeat', '--binary', 'cinder-volume', '--host', 'h', '--topic', 'volume', '--cluster', 'c1');
    await svcAt(db, '2026-11-24T10:00:01Z')('disable', 'h', 'cinder-volume', '--reason', 'maintenance');
    await svcAt(db, '2026-11-24T10:00:10.5Z')('heartbeat', '--binary', 'cinder-volume', '--host', 'h', '--zone', 'az2');
    const third = await svcAt(db, '2026-11-24T10:00:20.000001Z')('heartbeat', '--binary', 'cinder-volume', '--host', 'h', '--zone', 'az2', '--verbose');
    expect(third.stdout).toBe('updated cinder-volume on host h: report_count 3, updated_at 2026-11-24T10:00:20.000001\n');
    const [row] = readAllRows(db);
    expect(row).toMatchObject({
      created_at: '2026-11-24 10:00:00.000000',
      updated_at: '2026-11-24 10:00:20.000001',
      report_count: 3,
      availability_zone: 'az2',
      cluster_name: 'c1',
      topic: 'volume',
      disabled: 1,
      disabled_reason: 'maintenance',
      modified_at: '2026-11-24 10:00:01.000000',
    });
  });

  test('a beat after remove creates a new row; the removed one stays soft-deleted', async () => {
    const db = newDb();
    const svc = svcAt(db, '2026-11-24T10:00:00Z');
    await svc('heartbeat', '--binary', 'cinder-backup', '--host', 'h');
    expect((await svc('remove', 'h', 'cinder-backup')).stdout).toBe('Service cinder-backup on host h removed.\n');
    await svc('heartbeat', '--binary', 'cinder-backup', '--host', 'h');
    const rows = readAllRows(db);
    expect(rows.map((r) => [r['id'], r['deleted'], r['deleted_at'], r['report_count']])).toEqual([
      [1, 1, '2026-11-24 10:00:00.000000', 1],
      [2, 0, null, 1],
    ]);
  });

  test('the host defaults to the hostname and the topic to the binary', async () => {
    const db = newDb();
    await svcAt(db, '2026-11-24T10:00:00Z')('heartbeat', '--binary', 'cinder-scheduler');
    const { hostname } = await import('node:os');
    expect(readAllRows(db)[0]).toMatchObject({ host: hostname(), topic: 'cinder-scheduler' });
  });

  test('a failing --check writes nothing and says the service will appear down', async () => {
    const db = newDb();
    const svc = svcAt(db, '2026-11-24T10:00:00Z');
    await svc('heartbeat', '--binary', 'cinder-volume', '--host', 'h');
    const failed = await svc('heartbeat', '--binary', 'cinder-volume', '--host', 'h', '--check', 'echo broken >&2; exit 3');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe(
      'broken\nsvc: error: health check exited with status 3; no heartbeat sent, cinder-volume on host h will appear down\n',
    );
    const passed = await svc('heartbeat', '--binary', 'cinder-volume', '--host', 'h', '--check', 'echo fine; true');
    expect(passed).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(readAllRows(db)[0]).toMatchObject({ report_count: 2 });
  });

  test('a --check that runs past --check-timeout is killed and no beat is written', async () => {
    const db = newDb();
    const result = await svcAt(db, '2026-11-24T10:00:00Z')(
      'heartbeat', '--binary', 'cinder-volume', '--host', 'h', '--check', 'sleep 30', '--check-timeout', '0.3',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'svc: error: health check timed out after 0.3 s; no heartbeat sent, cinder-volume on host h will appear down\n',
    );
    expect(existsSync(db)).toBe(false); // The check runs before the database is even opened.
  });

  test.each([
    [['heartbeat'], "svc: error: required option '--binary <binary>' not specified\n"],
    [['heartbeat', '--binary', ''], 'svc: error: invalid binary: use 1-255 characters, no control characters\n'],
    [['heartbeat', '--binary', 'b', '--host', 'bad host'], "svc: error: invalid host 'bad host': use 1-255 characters of a-z A-Z 0-9 - . _ # @ : / + [ ]\n"],
    [['heartbeat', '--binary', 'b', '--interval', '0'], "svc: error: invalid --interval '0': expected a positive number of seconds up to 2147483\n"],
  ])('usage error %j', async (args, stderr) => {
    const db = newDb();
    const result = await svcAt(db, '2026-11-24T10:00:00Z')(...args);
    expect(result).toMatchObject({ code: 2, stdout: '', stderr });
  });
});
