import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { mariaDbEngine, sqliteEngine, type TestEngine } from '../helpers/engines.js';
import { runSvc, type SvcResult } from '../helpers/svc-process.js';
import { ENGINE_FIXTURE, NOW } from './engines-fixture.js';

// Each test spawns svc several times; the machine may be busy with other suites.
jest.setTimeout(60_000);

// The same commands and the same expected bytes on every engine: MariaDB must not differ
// from SQLite in table text, JSON, errors or exit codes.
const ENGINES: [string, () => Promise<TestEngine>][] = [
  ['sqlite', async () => sqliteEngine()],
  ['mariadb', () => mariaDbEngine()],
];

const LIST_TABLE = `\
+------------------+--------------------+------+----------+-------+----------------------------+--------------+-----------------+
| Binary           | Host               | Zone | Status   | State | Updated_at                 | Cluster      | Disabled Reason |
+------------------+--------------------+------+----------+-------+----------------------------+--------------+-----------------+
| Cinder-Volume    | ctl-1@lvm          | nova | enabled  | up    | 2026-03-01T11:59:57.000000 | -            | -               |
| cinder-backup    | ctl-1              | nova | enabled  | up    | 2026-03-01T11:59:00.000000 | -            | -               |
| cinder-backup    | ctl-2              | nova | enabled  | down  | 2026-03-01T11:58:59.000000 | -            | -               |
| cinder-backup    | h_x                | nova | enabled  | up    | -                          | -            | -               |
| cinder-scheduler | 10.24.1.9          | nova | enabled  | down  | 2019-06-14T09:22:23.000000 | -            | -               |
| cinder-scheduler | ctl-1              | nova | enabled  | up    | 2026-03-01T12:00:30.000000 | -            | -               |
| cinder-scheduler | ctl-2              | nova | enabled  | down  | 2026-03-01T12:01:01.000000 | -            | -               |
| cinder-volume    | 10.24.1.9@lvm#pool | nova | enabled  | up    | 2026-03-01T11:59:50.000000 | cluster1@lvm | -               |
| cinder-volume    | HostA@lvm          | nova | enabled  | up    | 2026-03-01T11:59:45.000000 | -            | -               |
| cinder-volume    | ctl-1@nfs          | nova | disabled | up    | 2026-03-01T11:59:55.000000 | -            | maintenance     |
| cinder-volume    | ctl-2@ceph         | -    | enabled  | up    | 2026-03-01T11:59:58.000000 | -            | -               |
| cinder-volume    | ctl-2@nfs          | nova | disabled | up    | 2026-03-01T11:59:40.000000 | -            | -               |
| cinder-volume    | hosta@lvm          | nova | enabled  | down  | 2026-03-01T11:58:00.000000 | -            | -               |
| cinder-volume    | ctl-1@lvm          | nova | enabled  | up    | 2026-03-01T11:59:56.000000 | -            | -               |
+------------------+--------------------+------+----------+-------+----------------------------+--------------+-----------------+
`;

const LIST_JSON_WITH_REPLICATION =
  '{"services": [' +
  [
    '{"binary": "cinder-scheduler", "host": "10.24.1.9", "zone": "nova", "status": "enabled", "state": "down", "updated_at": "2019-06-14T09:22:23.000000", "cluster": null, "disabled_reason": null}',
    '{"binary": "cinder-volume", "host": "10.24.1.9@lvm#pool", "zone": "nova", "status": "enabled", "state": "up", "updated_at": "2026-03-01T11:59:50.000000", "cluster": "cluster1@lvm", "disabled_reason": null, "replication_status": "enabled", "active_backend_id": "secondary", "frozen": true}',
    '{"binary": "cinder-volume", "host": "HostA@lvm", "zone": "nova", "status": "enabled", "state": "up", "updated_at": "2026-03-01T11:59:45.000000", "cluster": null, "disabled_reason": null, "replication_status": "not-capable", "active_backend_id": null, "frozen": false}',
    '{"binary": "cinder-volume", "host": "hosta@lvm", "zone": "nova", "status": "enabled", "state": "down", "updated_at": "2026-03-01T11:58:00.000000", "cluster": null, "disabled_reason": null, "replication_status": "not-capable", "active_backend_id": null, "frozen": false}',
    '{"binary": "cinder-backup", "host": "h_x", "zone": "nova", "status": "enabled", "state": "up", "updated_at": null, "cluster": null, "disabled_reason": null}',
    '{"binary": "cinder-scheduler", "host": "ctl-1", "zone": "nova", "status": "enabled", "state": "up", "updated_at": "2026-03-01T12:00:30.000000", "cluster": null, "disabled_reason": null}',
    '{"binary": "cinder-scheduler", "host": "ctl-2", "zone": "nova", "status": "enabled", "state": "down", "updated_at": "2026-03-01T12:01:01.000000", "cluster": null, "disabled_reason": null}',
    '{"binary": "cinder-backup", "host": "ctl-1", "zone": "nova", "status": "enabled", "state": "up", "updated_at": "2026-03-01T11:59:00.000000", "cluster": null, "disabled_reason": null}',
    '{"binary": "cinder-backup", "host": "ctl-2", "zone": "nova", "status": "enabled", "state": "down", "updated_at": "2026-03-01T11:58:59.000000", "cluster": null, "disabled_reason": null}',
    '{"binary": "cinder-volume", "host": "ctl-1@nfs", "zone": "nova", "status": "disabled", "state": "up", "updated_at": "2026-03-01T11:59:55.000000", "cluster": null, "disabled_reason": "maintenance", "replication_status": "not-capable", "active_backend_id": null, "frozen": false}',
    '{"binary": "cinder-volume", "host": "ctl-2@nfs", "zone": "nova", "status": "disabled", "state": "up", "updated_at": "2026-03-01T11:59:40.000000", "cluster": null, "disabled_reason": null, "replication_status": "not-capable", "active_backend_id": null, "frozen": false}',
    '{"binary": "cinder-volume", "host": "ctl-2@ceph", "zone": null, "status": "enabled", "state": "up", "updated_at": "2026-03-01T11:59:58.000000", "cluster": null, "disabled_reason": null, "replication_status": "not-capable", "active_backend_id": null, "frozen": false}',
    '{"binary": "Cinder-Volume", "host": "ctl-1@lvm", "zone": "nova", "status": "enabled", "state": "up", "updated_at": "2026-03-01T11:59:57.000000", "cluster": null, "disabled_reason": null}',
    '{"binary": "cinder-volume ", "host": "ctl-1@lvm", "zone": "nova", "status": "enabled", "state": "up", "updated_at": "2026-03-01T11:59:56.000000", "cluster": null, "disabled_reason": null}',
  ].join(', ') +
  ']}\n';

const EMPTY_TABLE = `\
+--------+------+------+--------+-------+------------+---------+
| Binary | Host | Zone | Status | State | Updated_at | Cluster |
+--------+------+------+--------+-------+------------+---------+
+--------+------+------+--------+-------+------------+---------+
`;

describe.each(ENGINES)('svc on %s', (_name, start) => {
  let engine: TestEngine;

  beforeAll(async () => {
    engine = await start();
  }, 120_000);

  afterAll(async () => {
    await engine?.stop();
  });

  async function svc(db: string, args: string[], now = NOW): Promise<SvcResult> {
    return runSvc(args, { env: { SVC_DB: db, SVC_NOW: now } });
  }

  function ok(stdout: string): Partial<SvcResult> {
    return { code: 0, stdout, stderr: '' };
  }

  function failed(code: number, stderr: string): Partial<SvcResult> {
    return { code, stdout: '', stderr };
  }

  test('service-list prints the fixture as cinder service-list, in every format', async () => {
    const db = await engine.createDb(ENGINE_FIXTURE);
    const [table, json, csv, value] = await Promise.all([
      svc(db, ['service-list']),
      svc(db, ['service-list', '--withreplication', '-f', 'json']),
      svc(db, ['service-list', '--host', 'ctl-1', '-f', 'csv']),
      svc(db, ['service-list', '--binary', 'cinder-volume', '-f', 'value', '-c', 'Host', '-c', 'state']),
    ]);
    expect(table).toMatchObject(ok(LIST_TABLE));
    expect(json).toMatchObject(ok(LIST_JSON_WITH_REPLICATION));
    expect(csv).toMatchObject(
      ok(
        'Binary,Host,Zone,Status,State,Updated_at,Cluster,Disabled Reason\n' +
          'cinder-scheduler,ctl-1,nova,enabled,up,2026-03-01T12:00:30.000000,,\n' +
          'cinder-backup,ctl-1,nova,enabled,up,2026-03-01T11:59:00.000000,,\n' +
          'cinder-volume,ctl-1@nfs,nova,disabled,up,2026-03-01T11:59:55.000000,,maintenance\n' +
          'Cinder-Volume,ctl-1@lvm,nova,enabled,up,2026-03-01T11:59:57.000000,,\n' +
          'cinder-volume ,ctl-1@lvm,nova,enabled,up,2026-03-01T11:59:56.000000,,\n',
      ),
    );
    expect(value).toMatchObject(
      ok('10.24.1.9@lvm#pool up\nHostA@lvm up\nhosta@lvm down\nctl-1@nfs up\nctl-2@nfs up\nctl-2@ceph up\n'),
    );
  });

  test('host and binary filters are case-sensitive and literal', async () => {
    const db = await engine.createDb(ENGINE_FIXTURE);
    const [hosta, wildcard, pool, upperBinary, spaced] = await Promise.all([
      svc(db, ['service-list', '--host', 'hosta', '-f', 'value', '-c', 'host']),
      svc(db, ['service-list', '--host', 'h_']),
      svc(db, ['service-list', '--host', '10.24.1.9', '-f', 'value', '-c', 'binary', '-c', 'host']),
      svc(db, ['service-list', '--binary', 'Cinder-Volume', '-f', 'value', '-c', 'host']),
      svc(db, ['service-list', '--binary', 'cinder-volume ', '-f', 'csv', '-c', 'binary', '-c', 'host']),
    ]);
    expect(hosta).toMatchObject(ok('hosta@lvm\n'));
    expect(wildcard).toMatchObject(ok(EMPTY_TABLE));
    expect(pool).toMatchObject(ok('cinder-scheduler 10.24.1.9\ncinder-volume 10.24.1.9@lvm#pool\n'));
    expect(upperBinary).toMatchObject(ok('ctl-1@lvm\n'));
    expect(spaced).toMatchObject(ok('Binary,Host\ncinder-volume ,ctl-1@lvm\n'));
  });

  test('heartbeats count on the exact (host, binary) and create rows for any other spelling', async () => {
    const db = await engine.createDb(ENGINE_FIXTURE);
    const beat = (host: string, binary = 'cinder-volume') =>
      svc(db, ['heartbeat', '--binary', binary, '--host', host, '--verbose']);
    expect(await beat('HostA@lvm')).toMatchObject(
      ok('updated cinder-volume on host HostA@lvm: report_count 2, updated_at 2026-03-01T12:00:00.000000\n'),
    );
    expect(await beat('HOSTA@lvm')).toMatchObject(
      ok('created cinder-volume on host HOSTA@lvm: report_count 1, updated_at 2026-03-01T12:00:00.000000\n'),
    );
    expect(await beat('ctl-1@lvm')).toMatchObject(
      ok('created cinder-volume on host ctl-1@lvm: report_count 1, updated_at 2026-03-01T12:00:00.000000\n'),
    );
    expect(await beat('ctl-1@lvm', 'cinder-volume ')).toMatchObject(
      ok('updated cinder-volume  on host ctl-1@lvm: report_count 2, updated_at 2026-03-01T12:00:00.000000\n'),
    );
    const rows = await engine.readAllRows(db);
    const counts = rows.map((row) => [row['host'], row['binary'], row['report_count']]);
    expect(counts).toEqual([
      ['10.24.1.9', 'cinder-scheduler', 838433],
      ['10.24.1.9@lvm#pool', 'cinder-volume', 2500],
      ['HostA@lvm', 'cinder-volume', 2],
      ['hosta@lvm', 'cinder-volume', 1],
      ['h_x', 'cinder-backup', 1],
      ['ctl-1', 'cinder-scheduler', 1],
      ['ctl-2', 'cinder-scheduler', 1],
      ['ctl-1', 'cinder-backup', 1],
      ['ctl-2', 'cinder-backup', 1],
      ['ctl-1@nfs', 'cinder-volume', 1],
      ['ctl-2@nfs', 'cinder-volume', 1],
      ['ctl-3@nfs', 'cinder-volume', 1],
      ['ctl-2@ceph', 'cinder-volume', 1],
      ['ctl-1@lvm', 'Cinder-Volume', 1],
      ['ctl-1@lvm', 'cinder-volume ', 2],
      ['HOSTA@lvm', 'cinder-volume', 1],
      ['ctl-1@lvm', 'cinder-volume', 1],
    ]);
    expect(rows[15]).toMatchObject({
      created_at: '2026-03-01 12:00:00.000000',
      updated_at: '2026-03-01 12:00:00.000000',
      deleted: 0,
      disabled: 0,
      topic: 'cinder-volume',
      availability_zone: 'nova',
      replication_status: 'not-capable',
      frozen: 0,
      cluster_name: null,
    });
  });

  test('a heartbeat keeps a disabled service disabled, follows its zone, and recreates a removed one', async () => {
    const db = await engine.createDb(ENGINE_FIXTURE);
    const beat = await svc(db, ['heartbeat', '--binary', 'cinder-volume', '--host', 'ctl-1@nfs', '--zone', 'az2', '--cluster', 'c1']);
    expect(beat).toMatchObject(ok(''));
    expect(await svc(db, ['service-list', '--host', 'ctl-1@nfs'])).toMatchObject(
      ok(`\
+---------------+-----------+------+----------+-------+----------------------------+---------+-----------------+
| Binary        | Host      | Zone | Status   | State | Updated_at                 | Cluster | Disabled Reason |
+---------------+-----------+------+----------+-------+----------------------------+---------+-----------------+
| cinder-volume | ctl-1@nfs | az2  | disabled | up    | 2026-03-01T12:00:00.000000 | c1      | maintenance     |
+---------------+-----------+------+----------+-------+----------------------------+---------+-----------------+
`),
    );
    expect(await svc(db, ['remove', 'ctl-1@nfs', 'cinder-volume'])).toMatchObject(
      ok('Service cinder-volume on host ctl-1@nfs removed.\n'),
    );
    const later = '2026-03-01T12:00:10Z';
    expect(await svc(db, ['heartbeat', '--binary', 'cinder-volume', '--host', 'ctl-1@nfs', '--verbose'], later)).toMatchObject(
      ok('created cinder-volume on host ctl-1@nfs: report_count 1, updated_at 2026-03-01T12:00:10.000000\n'),
    );
    expect(await svc(db, ['service-list', '--host', 'ctl-1@nfs', '-f', 'json'], later)).toMatchObject(
      ok(
        '{"services": [{"binary": "cinder-volume", "host": "ctl-1@nfs", "zone": "nova", "status": "enabled", ' +
          '"state": "up", "updated_at": "2026-03-01T12:00:10.000000", "cluster": null, "disabled_reason": null, ' +
          '"replication_status": "not-capable", "active_backend_id": null, "frozen": false}]}\n',
      ),
    );
    const rows = (await engine.readAllRows(db)).filter((row) => row['host'] === 'ctl-1@nfs');
    expect(rows.map((row) => [row['id'], row['deleted'], row['deleted_at'], row['report_count']])).toEqual([
      [10, 1, '2026-03-01 12:00:00.000000', 2],
      [16, 0, null, 1],
    ]);
  });

  test('disable and enable act on one exact service and never touch its heartbeat', async () => {
    const db = await engine.createDb(ENGINE_FIXTURE);
    // Only ctl-1@nfs is a live cinder-volume under ctl-1: Cinder-Volume and "cinder-volume " differ.
    expect(await svc(db, ['disable', 'ctl-1', 'cinder-volume', '--reason', ' upgrade '])).toMatchObject(
      ok(`\
+-----------+---------------+----------+-----------------+
| Host      | Binary        | Status   | Disabled Reason |
+-----------+---------------+----------+-----------------+
| ctl-1@nfs | cinder-volume | disabled | upgrade         |
+-----------+---------------+----------+-----------------+
`),
    );
    expect(await svc(db, ['enable', 'ctl-2@ceph', 'cinder-volume', '-f', 'json'])).toMatchObject(
      ok('{"host": "ctl-2@ceph", "binary": "cinder-volume", "status": "enabled", "disabled": false, "disabled_reason": null}\n'),
    );
    const rows = await engine.readAllRows(db);
    expect(rows[9]).toMatchObject({
      disabled: 1,
      disabled_reason: 'upgrade',
      modified_at: '2026-03-01 12:00:00.000000',
      updated_at: '2026-03-01 11:59:10.000000',
      report_count: 1,
    });
    expect(rows[12]).toMatchObject({ disabled: 0, modified_at: '2026-03-01 12:00:00.000000', updated_at: '2026-03-01 11:59:58.000000' });
  });

  test('errors are the same lines with the same exit codes', async () => {
    const db = await engine.createDb(ENGINE_FIXTURE);
    const [ambiguous, wrongCase, unknown, badHost, removeUnknown] = await Promise.all([
      svc(db, ['disable', 'ctl-2', 'cinder-volume']),
      svc(db, ['disable', 'hosta@LVM', 'cinder-volume']),
      svc(db, ['enable', 'nohost', 'cinder-backup']),
      svc(db, ['heartbeat', '--binary', 'cinder-volume', '--host', 'bad host']),
      svc(db, ['remove', 'HOSTA@lvm', 'cinder-volume']),
    ]);
    expect(ambiguous).toMatchObject(
      failed(1, 'svc: error: host ctl-2 matches 2 live cinder-volume services: ctl-2@nfs (id 11), ctl-2@ceph (id 13); name one exactly\n'),
    );
    expect(wrongCase).toMatchObject(failed(1, 'svc: error: Service cinder-volume could not be found on host hosta@LVM.\n'));
    expect(unknown).toMatchObject(failed(1, 'svc: error: Service cinder-backup could not be found on host nohost.\n'));
    expect(badHost).toMatchObject(
      failed(2, "svc: error: invalid host 'bad host': use 1-255 characters of a-z A-Z 0-9 - . _ # @ : / + [ ]\n"),
    );
    expect(removeUnknown).toMatchObject(failed(1, 'svc: error: Service cinder-volume could not be found on host HOSTA@lvm.\n'));
    expect((await engine.readAllRows(db)).map((row) => [row['disabled'], row['deleted']])).toEqual(
      ENGINE_FIXTURE.map((row) => [row['disabled'] ?? 0, row['deleted'] ?? 0]),
    );
  });

  test('an empty database gets its table on first use and lists nothing', async () => {
    const db = await engine.createEmptyDb();
    expect(await svc(db, ['service-list', '-f', 'json'])).toMatchObject(ok('{"services": []}\n'));
    expect(await svc(db, ['service-list'])).toMatchObject(ok(EMPTY_TABLE));
    expect(await svc(db, ['heartbeat', '--binary', 'cinder-backup', '--host', 'b1'])).toMatchObject(ok(''));
    expect(await svc(db, ['service-list', '-f', 'value'])).toMatchObject(
      ok('cinder-backup b1 nova enabled up 2026-03-01T12:00:00.000000 - -\n'),
    );
  });
});
