import { join } from 'node:path';
import { afterEach, describe, expect, jest, test } from '@jest/globals';
import Database from 'better-sqlite3';
import { createFixtureDb, readAllRows, SCHEMA_SQL } from '../helpers/fixture-db.js';
import { runSvc, tempDir } from '../helpers/svc-process.js';
import { fileBytes, integrityOf, ONE_ERROR_LINE } from './reliability-helpers.js';

jest.setTimeout(60_000);

const LOCKED = /^svc: error: database is locked: .*past the 300 ms wait.*; nothing was written\n$/;
const BEAT = ['heartbeat', '--host', 'h1', '--binary', 'cinder-volume'];

const holders: Database.Database[] = [];
afterEach(() => {
  for (const holder of holders.splice(0)) {
    if (holder.inTransaction) holder.exec('ROLLBACK');
    holder.close();
  }
});

/** Another process's connection holding the write lock (EXCLUSIVE also blocks readers outside WAL). */
function holdLock(path: string, kind: 'IMMEDIATE' | 'EXCLUSIVE'): Database.Database {
  const holder = new Database(path);
  holders.push(holder);
  holder.exec(`BEGIN ${kind}`);
  return holder;
}

function svcDatabase(): string {
  const db = join(tempDir(), 'services.db');
  createFixtureDb(db, [{ host: 'h1', binary: 'cinder-volume', report_count: 7, updated_at: '2026-01-01 00:00:00' }]);
  return db;
}

describe('a lock held past the wait', () => {
  test.each([
    ['heartbeat', BEAT],
    ['heartbeat of a new service', ['heartbeat', '--host', 'h2', '--binary', 'cinder-volume']],
    ['disable', ['disable', 'h1', 'cinder-volume', '--reason', 'maintenance']],
    ['enable', ['enable', 'h1', 'cinder-volume']],
    ['remove', ['remove', 'h1', 'cinder-volume']],
  ])('%s: one line saying the database is locked, exit 1, nothing written', async (_name, args) => {
    const db = svcDatabase();
    const before = readAllRows(db);
    holdLock(db, 'IMMEDIATE');
    const result = await runSvc(['--busy-timeout', '300', ...args], { env: { SVC_DB: db } });
    expect(result.stderr).toMatch(LOCKED);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(readAllRows(db)).toEqual(before);
  });

  test('SVC_BUSY_TIMEOUT sets the wait too', async () => {
    const db = svcDatabase();
    holdLock(db, 'IMMEDIATE');
    const result = await runSvc(BEAT, { env: { SVC_DB: db, SVC_BUSY_TIMEOUT: '300' } });
    expect([result.code, result.stderr]).toEqual([1, expect.stringMatching(LOCKED)]);
  });

  test('readers of a WAL database are not blocked by a writer', async () => {
    const db = svcDatabase();
    holdLock(db, 'EXCLUSIVE');
    const result = await runSvc(['--busy-timeout', '300', 'service-list', '-f', 'value', '-c', 'host'], {
      env: { SVC_DB: db },
    });
    expect([result.code, result.stdout, result.stderr]).toEqual([0, 'h1\n', '']);
  });

  test('on a rollback-journal database (as Cinder leaves it) even a listing reports the lock', async () => {
    const db = join(tempDir(), 'cinder.db');
    const setup = new Database(db);
    setup.exec(SCHEMA_SQL.replace(/PRAGMA user_version = 1;/, ''));
    setup.prepare("INSERT INTO services (host, \"binary\", report_count, deleted) VALUES ('h1', 'cinder-volume', 3, 0)").run();
    setup.close();
    const bytes = fileBytes(db);
    holdLock(db, 'EXCLUSIVE').prepare("UPDATE services SET topic = 'pending'").run();
    for (const args of [['service-list'], BEAT]) {
      const result = await runSvc(['--busy-timeout', '300', ...args], { env: { SVC_DB: db } });
      expect([result.code, result.stdout, result.stderr]).toEqual([1, '', expect.stringMatching(LOCKED)]);
    }
    for (const holder of holders.splice(0)) {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(fileBytes(db).equals(bytes)).toBe(true);
    expect(integrityOf(db)).toBe('ok');
  });

  test('a lock released within the default 5000 ms wait is waited for, and the beat counts', async () => {
    const db = svcDatabase();
    const holder = holdLock(db, 'IMMEDIATE');
    const beat = runSvc(BEAT, { env: { SVC_DB: db } });
    await new Promise((resolve) => setTimeout(resolve, 700));
    holder.exec('COMMIT');
    const result = await beat;
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(readAllRows(db)[0]).toMatchObject({ report_count: 8 });
  });

  test('a bad --busy-timeout is a usage error', async () => {
    for (const value of ['-1', 'soon', '1.5']) {
      const result = await runSvc(['--busy-timeout', value, 'service-list'], { env: { SVC_DB: svcDatabase() } });
      expect([result.code, result.stderr]).toEqual([2, expect.stringMatching(ONE_ERROR_LINE)]);
    }
  });
});
