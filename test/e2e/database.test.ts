import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import Database from 'better-sqlite3';
import { readAllRows } from '../helpers/fixture-db.js';
import { runSvc, tempDir } from '../helpers/svc-process.js';

const NOW = '2026-11-24T10:00:00Z';

// The services table as a newer Cinder creates it on SQLite: a uuid column with a unique index.
const CINDER_SCHEMA = `
CREATE TABLE services (
  created_at DATETIME, updated_at DATETIME, deleted_at DATETIME, deleted BOOLEAN,
  id INTEGER NOT NULL, host VARCHAR(255), "binary" VARCHAR(255), topic VARCHAR(255),
  report_count INTEGER NOT NULL, disabled BOOLEAN, availability_zone VARCHAR(255),
  disabled_reason VARCHAR(255), modified_at DATETIME, rpc_current_version VARCHAR(36),
  object_current_version VARCHAR(36), replication_status VARCHAR(36), frozen BOOLEAN,
  active_backend_id VARCHAR(255), cluster_name VARCHAR(255), uuid VARCHAR(36),
  PRIMARY KEY (id), CHECK (deleted IN (0, 1)), CHECK (disabled IN (0, 1)), CHECK (frozen IN (0, 1))
);
CREATE UNIQUE INDEX services_uuid_idx ON services (uuid);
INSERT INTO services VALUES ('2018-08-16 07:29:20.000000', '2019-06-14 09:22:23.000000', NULL, 0, 1,
  '10.24.1.9', 'cinder-scheduler', 'cinder-scheduler', 838433, 0, 'nova', NULL, NULL, '3.5', '1.21',
  'not-capable', 0, NULL, NULL, 'a0f5e8d2-8c3b-4f0e-9d55-3c8f0c7e1b11');
`;

describe('the database', () => {
  test('is created on first use with the 19 columns in the seed\'s order and user_version 1', async () => {
    const dataHome = tempDir();
    const result = await runSvc(['service-list', '-f', 'json'], { env: { XDG_DATA_HOME: dataHome, SVC_NOW: NOW } });
    expect(result).toMatchObject({ code: 0, stdout: '{"services": []}\n', stderr: '' });
    const file = join(dataHome, 'svc', 'services.db');
    const db = new Database(file, { readonly: true });
    const columns = (db.pragma('table_info(services)') as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual([
      'created_at', 'updated_at', 'deleted_at', 'deleted', 'id', 'host', 'binary', 'topic',
      'report_count', 'disabled', 'availability_zone', 'disabled_reason', 'modified_at',
      'rpc_current_version', 'object_current_version', 'replication_status', 'frozen',
      'active_backend_id', 'cluster_name',
    ]);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(statSync(file).mode & 0o002).toBe(0);
  });

  test('works on a table a real Cinder created: extra uuid column ignored when reading, filled when writing', async () => {
    const file = join(tempDir(), 'cinder.db');
    const db = new Database(file);
    db.exec(CINDER_SCHEMA);
    db.close();
    const env = { SVC_DB: file, SVC_NOW: '2019-06-14T09:23:00Z' };
    const listed = await runSvc(['service-list', '-f', 'value'], { env });
    expect(listed.stdout).toBe('cinder-scheduler 10.24.1.9 nova enabled up 2019-06-14T09:22:23.000000 - -\n');
    expect((await runSvc(['heartbeat', '--binary', 'cinder-volume', '--host', 'h1'], { env })).code).toBe(0);
    expect((await runSvc(['heartbeat', '--binary', 'cinder-volume', '--host', 'h2'], { env })).code).toBe(0);
    const rows = readAllRows(file);
    expect(rows).toHaveLength(3);
    const uuids = rows.map((row) => row['uuid']);
    expect(new Set(uuids).size).toBe(3);
    for (const uuid of uuids.slice(1)) expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(0); // A foreign database is left as it is.
    check.close();
  });

  test('a services table missing columns is refused, naming them, and left unchanged', async () => {
    const file = join(tempDir(), 'old.db');
    const db = new Database(file);
    db.exec('CREATE TABLE services (id INTEGER PRIMARY KEY, host TEXT, "binary" TEXT, report_count INTEGER, created_at DATETIME, updated_at DATETIME, deleted BOOLEAN)');
    db.close();
    const before = readFileSync(file);
    const result = await runSvc(['heartbeat', '--binary', 'b', '--host', 'h'], { env: { SVC_DB: file } });
    expect(result).toMatchObject({
      code: 1,
      stdout: '',
      stderr:
        'svc: error: the services table lacks column(s): deleted_at, topic, disabled, availability_zone, disabled_reason, ' +
        'modified_at, rpc_current_version, object_current_version, replication_status, frozen, active_backend_id, cluster_name\n',
    });
    expect(readFileSync(file)).toEqual(before);
  });

  test.each([
    ['a directory', (dir: string) => dir, /^svc: error: cannot open database: .* is a directory\n$/],
    ['a path beneath a regular file', (dir: string) => {
      writeFileSync(join(dir, 'file'), 'x');
      return join(dir, 'file', 'services.db');
    }, /^svc: error: cannot create the folder of .*: a parent is not a directory\n$/],
    ['a file that is not SQLite', (dir: string) => {
      writeFileSync(join(dir, 'notes.txt'), 'these are not the services you are looking for\n'.repeat(100));
      return join(dir, 'notes.txt');
    }, /^svc: error: not an SQLite database: .*notes\.txt\n$/],
  ])('--db naming %s: exit 1 with one line', async (_name, makePath, stderr) => {
    const path = makePath(tempDir());
    const before = existsSync(path) && statSync(path).isFile() ? readFileSync(path) : null;
    const result = await runSvc(['--db', path, 'heartbeat', '--binary', 'b', '--host', 'h']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(stderr);
    if (before) expect(readFileSync(path)).toEqual(before);
  });

  test('SVC_DB, then XDG_DATA_HOME, then ~/.local/share', async () => {
    const home = tempDir();
    mkdirSync(join(home, '.local'), { recursive: true });
    chmodSync(home, 0o755);
    const result = await runSvc(['heartbeat', '--binary', 'b', '--host', 'h'], { env: { HOME: home } });
    expect(result.code).toBe(0);
    expect(existsSync(join(home, '.local', 'share', 'svc', 'services.db'))).toBe(true);
  });
});
