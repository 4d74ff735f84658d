import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { RowDataPacket } from 'mysql2/promise';
import { mysqlInsert } from '../helpers/engines.js';
import { databaseOf, mysqlUrl, startMariaDb, TEST_PASSWORD, type MariaDbServer } from '../helpers/mariadb-server.js';
import { runSvc, type SvcResult } from '../helpers/svc-process.js';

// Each test spawns svc several times; the machine may be busy with other suites.
jest.setTimeout(60_000);

const NOW = '2026-03-01T12:00:00Z';

/** Cinder's own services table on MySQL: utf8 with its case-insensitive collation, a uuid, no host index. */
function cinderTable(datetime = 'datetime', extra = 'uuid varchar(36) NOT NULL, UNIQUE KEY services_uuid_idx (uuid),'): string {
  return `CREATE TABLE services (
    created_at ${datetime} DEFAULT NULL, updated_at ${datetime} DEFAULT NULL, deleted_at ${datetime} DEFAULT NULL,
    deleted tinyint(1) DEFAULT NULL, id int(11) NOT NULL AUTO_INCREMENT, host varchar(255) DEFAULT NULL,
    \`binary\` varchar(255) DEFAULT NULL, topic varchar(255) DEFAULT NULL, report_count int(11) NOT NULL,
    disabled tinyint(1) DEFAULT NULL, availability_zone varchar(255) DEFAULT NULL,
    disabled_reason varchar(255) DEFAULT NULL, modified_at ${datetime} DEFAULT NULL,
    rpc_current_version varchar(36) DEFAULT NULL, object_current_version varchar(36) DEFAULT NULL,
    replication_status varchar(36) DEFAULT NULL, frozen tinyint(1) DEFAULT NULL,
    active_backend_id varchar(255) DEFAULT NULL, cluster_name varchar(255) DEFAULT NULL,
    ${extra} PRIMARY KEY (id)
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8`;
}

let server: MariaDbServer;

beforeAll(async () => {
  server = await startMariaDb();
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

function svc(db: string, args: string[], env: Record<string, string> = {}): Promise<SvcResult> {
  return runSvc(args, { env: { SVC_DB: db, SVC_NOW: NOW, ...env } });
}

async function query(sql: string, params: unknown[] = []): Promise<RowDataPacket[]> {
  const [rows] = await server.admin.query(sql, params);
  return rows as RowDataPacket[];
}

/** A new database holding `ddl` (run inside it). */
async function databaseWith(ddl: string): Promise<string> {
  const url = await server.createDatabase();
  await server.admin.query(`USE \`${databaseOf(url)}\`; ${ddl}`);
  return url;
}

describe('the table', () => {
  test("svc creates services with the seed's MySQL column types, in the seed's order", async () => {
    const url = await server.createDatabase();
    expect(await svc(url, ['service-list', '-f', 'json'])).toMatchObject({ code: 0, stdout: '{"services": []}\n' });
    const columns = await query(
      `SELECT COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable, EXTRA AS extra
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'services' ORDER BY ORDINAL_POSITION`,
      [databaseOf(url)],
    );
    expect(columns.map((c) => [c['name'], c['type'], c['nullable'], c['extra']].join(' ').trim())).toEqual([
      'created_at datetime YES',
      'updated_at datetime YES',
      'deleted_at datetime YES',
      'deleted tinyint(1) YES',
      'id int(11) NO auto_increment',
      'host varchar(255) YES',
      'binary varchar(255) YES',
      'topic varchar(255) YES',
      'report_count int(11) NO',
      'disabled tinyint(1) YES',
      'availability_zone varchar(255) YES',
      'disabled_reason varchar(255) YES',
      'modified_at datetime YES',
      'rpc_current_version varchar(36) YES',
      'object_current_version varchar(36) YES',
      'replication_status varchar(36) YES',
      'frozen tinyint(1) YES',
      'active_backend_id varchar(255) YES',
      'cluster_name varchar(255) YES',
    ]);
    const [table] = await query(
      `SELECT TABLE_COMMENT AS comment, ENGINE AS engine FROM information_schema.TABLES
       WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'services'`,
      [databaseOf(url)],
    );
    expect(table).toEqual({ comment: 'svc schema 1', engine: 'InnoDB' });
  });

  test('a Cinder-made table is used as it is: a fresh uuid per new row, comparisons by bytes despite its collation', async () => {
    const url = await databaseWith(cinderTable());
    const database = databaseOf(url);
    await query(...mysqlInsert(database, { host: 'HostA@lvm', binary: 'cinder-volume', uuid: 'a0000000-0000-4000-8000-000000000000', created_at: '2026-03-01 11:00:00', updated_at: '2026-03-01 11:59:00' }));
    const [before] = await query(`SHOW CREATE TABLE \`${database}\`.services`);
    const beat = (host: string, binary = 'cinder-volume') =>
      svc(url, ['heartbeat', '--binary', binary, '--host', host, '--verbose']);
    expect((await beat('HostA@lvm')).stdout).toBe(
      'updated cinder-volume on host HostA@lvm: report_count 2, updated_at 2026-03-01T12:00:00.000000\n',
    );
    expect((await beat('hosta@lvm')).stdout).toMatch(/^created cinder-volume on host hosta@lvm: report_count 1,/);
    expect((await beat('HostA@lvm', 'cinder-volume ')).stdout).toMatch(/^created cinder-volume  on host HostA@lvm:/);
    expect((await beat('HostA@lvm', 'CINDER-VOLUME')).stdout).toMatch(/^created CINDER-VOLUME on host HostA@lvm:/);
    expect(await svc(url, ['service-list', '--host', 'HOSTA', '-f', 'value'])).toMatchObject({ code: 0, stdout: '' });
    expect(await svc(url, ['disable', 'hosta', 'cinder-volume', '-f', 'json'])).toMatchObject({
      code: 0,
      stdout: '{"host": "hosta@lvm", "binary": "cinder-volume", "status": "disabled", "disabled": true}\n',
    });

    const rows = await query(`SELECT host, \`binary\`, report_count, disabled, uuid FROM \`${database}\`.services ORDER BY id`);
    expect(rows.map((row) => [row['host'], row['binary'], row['report_count'], row['disabled']])).toEqual([
      ['HostA@lvm', 'cinder-volume', 2, 0],
      ['hosta@lvm', 'cinder-volume', 1, 1],
      ['HostA@lvm', 'cinder-volume ', 1, 0],
      ['HostA@lvm', 'CINDER-VOLUME', 1, 0],
    ]);
    const uuids = rows.map((row) => row['uuid'] as string);
    expect(uuids[0]).toBe('a0000000-0000-4000-8000-000000000000');
    for (const uuid of uuids.slice(1)) expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(uuids).size).toBe(4);
    const [after] = await query(`SHOW CREATE TABLE \`${database}\`.services`);
    expect(String(after!['Create Table']).replace(/ AUTO_INCREMENT=\d+/, '')).toBe(
      String(before!['Create Table']).replace(/ AUTO_INCREMENT=\d+/, ''),
    );
  });

  test('a services table missing columns is refused, naming them', async () => {
    const url = await databaseWith(cinderTable().replace(/\s*frozen tinyint\(1\) DEFAULT NULL,|\s*cluster_name varchar\(255\) DEFAULT NULL,/g, ''));
    expect(await svc(url, ['heartbeat', '--binary', 'cinder-volume', '--host', 'h1'])).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'svc: error: the services table lacks column(s): frozen, cluster_name\n',
    });
    expect(await query(`SELECT COUNT(*) AS n FROM \`${databaseOf(url)}\`.services`)).toEqual([{ n: 0 }]);
  });

  test('a table from a newer svc is refused', async () => {
    const url = await server.createDatabase();
    await svc(url, ['service-list']);
    await query(`ALTER TABLE \`${databaseOf(url)}\`.services COMMENT = 'svc schema 2'`);
    expect(await svc(url, ['service-list'])).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'svc: error: database schema version 2 is newer than this svc understands\n',
    });
  });

  test("datetimes keep what the column keeps: Cinder's datetime cuts to the second, datetime(6) keeps microseconds", async () => {
    const beat = (url: string) =>
      svc(url, ['heartbeat', '--binary', 'cinder-volume', '--host', 'h1', '--verbose'], { SVC_NOW: '2026-03-01T11:59:59.999999Z' });
    const seconds = await server.createDatabase();
    expect((await beat(seconds)).stdout).toBe(
      'created cinder-volume on host h1: report_count 1, updated_at 2026-03-01T11:59:59.000000\n',
    );
    const micros = await databaseWith(cinderTable('datetime(6)', ''));
    expect((await beat(micros)).stdout).toBe(
      'created cinder-volume on host h1: report_count 1, updated_at 2026-03-01T11:59:59.999999\n',
    );
    expect(await query(`SELECT created_at, updated_at FROM \`${databaseOf(micros)}\`.services`)).toEqual([
      { created_at: '2026-03-01 11:59:59.999999', updated_at: '2026-03-01 11:59:59.999999' },
    ]);
  });
});

describe('connection failures', () => {
  let silent: Server;
  let silentPort: number;

  beforeAll(async () => {
    // Accepts connections and never says a word, like a firewalled or hung server.
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentPort = (silent.address() as { port: number }).port;
  });

  afterAll(async () => {
    silent.close();
  });

  async function closedPort(): Promise<number> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    return port;
  }

  test('each is one line on stderr, exit 1, and never shows the password', async () => {
    const existing = await server.createDatabase();
    const refusedPort = await closedPort();
    await query(`CREATE USER IF NOT EXISTS 'nogrant'@'127.0.0.1' IDENTIFIED BY 'TOPSECRET'`);
    const cases: [string, string[], string][] = [
      [mysqlUrl(refusedPort, 'cinder'), [], `cannot connect to mysql://svc@127.0.0.1:${refusedPort}/cinder: connection refused (is the server running and listening on that port?)`],
      [mysqlUrl(server.port, databaseOf(existing), 'wrong-TOPSECRET'), [], `cannot connect to mysql://svc@127.0.0.1:${server.port}/${databaseOf(existing)}: access denied for user 'svc' (wrong password, or no grant for this host)`],
      [mysqlUrl(server.port, 'no_such_db'), [], `cannot connect to mysql://svc@127.0.0.1:${server.port}/no_such_db: unknown database 'no_such_db' (create it first)`],
      [mysqlUrl(server.port, databaseOf(existing), 'TOPSECRET', 'nogrant'), [], `cannot connect to mysql://nogrant@127.0.0.1:${server.port}/${databaseOf(existing)}: user 'nogrant' has no grant on database '${databaseOf(existing)}' (or it does not exist)`],
      [mysqlUrl(silentPort, 'cinder'), ['--connect-timeout', '0.5'], `cannot connect to mysql://svc@127.0.0.1:${silentPort}/cinder: no answer within 0.5 s (see --connect-timeout)`],
    ];
    const results = await Promise.all(cases.map(([url, options]) => svc(url, [...options, 'service-list'])));
    results.forEach((result, index) => {
      expect(result).toMatchObject({ code: 1, stdout: '', stderr: `svc: error: ${cases[index]![2]}\n` });
      expect(result.stderr).not.toContain('TOPSECRET');
      expect(result.stderr).not.toContain(TEST_PASSWORD);
    });
  });

  test('SVC_CONNECT_TIMEOUT sets the connection timeout too', async () => {
    const result = await svc(mysqlUrl(silentPort, 'cinder'), ['service-list'], { SVC_CONNECT_TIMEOUT: '0.2' });
    expect(result).toMatchObject({
      code: 1,
      stderr: `svc: error: cannot connect to mysql://svc@127.0.0.1:${silentPort}/cinder: no answer within 0.2 s (see --connect-timeout)\n`,
    });
  });

  test('a malformed URL or another scheme is a usage error that does not repeat the password', async () => {
    const [badPort, pymysql, badTimeout] = await Promise.all([
      svc('mysql://svc:TOPSECRET@127.0.0.1:70000/cinder', ['service-list']),
      svc('mysql+pymysql://cinder:TOPSECRET@controller/cinder?charset=utf8', ['service-list']),
      svc('mysql://svc:TOPSECRET@127.0.0.1/cinder', ['--connect-timeout', '0', 'service-list']),
    ]);
    expect(badPort).toMatchObject({
      code: 2,
      stderr:
        'svc: error: invalid MySQL URL: it is not a well-formed URL (a port of 1-65535; %-encode / ? # in the password); ' +
        'expected mysql://USER:PASSWORD@HOST:PORT/DATABASE\n',
    });
    expect(pymysql).toMatchObject({
      code: 2,
      stderr:
        "svc: error: unsupported database URL scheme 'mysql+pymysql': use a SQLite file path or " +
        'mysql://USER:PASSWORD@HOST:PORT/DATABASE\n',
    });
    expect(badTimeout).toMatchObject({
      code: 2,
      stderr: "svc: error: invalid connect timeout '0': expected a positive number of seconds up to 2147483\n",
    });
  });

  test('a write that waits on a row lock past --busy-timeout gives up with one line', async () => {
    const url = await server.createDatabase();
    await svc(url, ['heartbeat', '--binary', 'cinder-volume', '--host', 'h1']);
    const holder = await server.connect();
    try {
      await holder.query(`START TRANSACTION`);
      await holder.query(`SELECT id FROM \`${databaseOf(url)}\`.services FOR UPDATE`);
      const result = await svc(url, ['--busy-timeout', '1000', 'heartbeat', '--binary', 'cinder-volume', '--host', 'h1']);
      expect(result).toMatchObject({
        code: 1,
        stdout: '',
        stderr: `svc: error: database is locked: mysql://svc@127.0.0.1:${server.port}/${databaseOf(url)} (gave up after 1000 ms)\n`,
      });
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    expect(await query(`SELECT report_count FROM \`${databaseOf(url)}\`.services`)).toEqual([{ report_count: 1 }]);
  });
});
