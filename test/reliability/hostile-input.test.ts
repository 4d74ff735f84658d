import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, jest, test } from '@jest/globals';
import { createFixtureDb, SCHEMA_SQL } from '../helpers/fixture-db.js';
import { runSvc, SVC_BIN, tempDir } from '../helpers/svc-process.js';
import { fileBytes, ONE_ERROR_LINE, STACK_TRACE } from './reliability-helpers.js';

jest.setTimeout(60_000);

const USAGE = 2;
const FAILED = 1;
const LONG_HOST = 'h'.repeat(256);
const BEAT = ['heartbeat', '--host', 'h1', '--binary', 'cinder-volume'];

let db: string;
beforeAll(() => {
  db = join(tempDir(), 'services.db');
  createFixtureDb(db, [
    { host: 'h1', binary: 'cinder-volume', updated_at: '2026-01-01 00:00:00' },
    { host: 'h1', binary: 'cinder-scheduler', updated_at: '2026-01-01 00:00:00' },
    { host: 'pool@a', binary: 'cinder-volume', updated_at: '2026-01-01 00:00:00' },
    { host: 'pool@b', binary: 'cinder-volume', updated_at: '2026-01-01 00:00:00' },
  ]);
});

describe('hostile command lines: one line, the right exit code, the database byte for byte unchanged', () => {
  test.each<[string, string[], number, RegExp]>([
    ['non-numeric --service-down-time', ['--service-down-time', 'soon', 'service-list'], USAGE, /service_down_time/],
    ['negative --service-down-time', ['--service-down-time', '-5', 'service-list'], USAGE, /service_down_time '-5'/],
    ['fractional --service-down-time', ['--service-down-time', '1.5', 'service-list'], USAGE, /service_down_time '1.5'/],
    ['a --busy-timeout past what SQLite can wait', ['--busy-timeout', '2147483648', 'service-list'], USAGE, /busy timeout '2147483648'/],
    ['a --check-timeout past what a timer can wait', [...BEAT, '--check', 'true', '--check-timeout', '31536000'], USAGE, /--check-timeout/],
    ['an --interval past what a timer can wait', [...BEAT, '--interval', '31536000'], USAGE, /--interval '31536000'/],
    ['an unknown format', ['service-list', '-f', 'yaml'], USAGE, /unknown format 'yaml'/],
    ['an unknown column', ['service-list', '-c', 'Nope'], USAGE, /unknown column 'Nope'/],
    ['a missing --binary', ['heartbeat', '--host', 'h1'], USAGE, /--binary/],
    ['an empty --binary', ['heartbeat', '--host', 'h1', '--binary', ''], USAGE, /binary/],
    ['a host with invalid characters', ['heartbeat', '--host', 'bad host!', '--binary', 'cinder-volume'], USAGE, /invalid host/],
    ['a host with a quote', ['heartbeat', '--host', "h1'--", '--binary', 'cinder-volume'], USAGE, /invalid host/],
    ['a host of 256 characters', ['heartbeat', '--host', LONG_HOST, '--binary', 'cinder-volume'], USAGE, /invalid host/],
    ['a 256-character host to disable', ['disable', LONG_HOST, 'cinder-volume'], USAGE, /invalid host/],
    ['a blank reason', ['disable', 'h1', 'cinder-volume', '--reason', '   '], USAGE, /reason/],
    ['a reason of 256 characters', ['disable', 'h1', 'cinder-volume', '--reason', 'r'.repeat(256)], USAGE, /reason/],
    ['disable without arguments', ['disable'], USAGE, /missing required argument/],
    ['disable without a binary', ['disable', 'h1'], USAGE, /missing required argument 'binary'/],
    ['enable without a binary', ['enable', 'h1'], USAGE, /missing required argument/],
    ['remove without a binary', ['remove', 'h1'], USAGE, /missing required argument/],
    ['an unknown command', ['frobnicate'], USAGE, /unknown command 'frobnicate'/],
    ['an unknown option', ['service-list', '--hots', 'h1'], USAGE, /unknown option '--hots'/],
    ['a non-numeric --interval', [...BEAT, '--interval', 'x'], USAGE, /--interval/],
    ['a negative --check-timeout', [...BEAT, '--check', 'true', '--check-timeout', '-1'], USAGE, /--check-timeout/],
    ['a control character in a name', ['service-list', '--binary', 'cinder\u0007volume'], USAGE, /control/],
    ['an unknown service', ['disable', 'nowhere', 'cinder-volume'], FAILED, /could not be found on host nowhere/],
    ['an ambiguous host', ['remove', 'pool', 'cinder-volume'], FAILED, /host pool matches 2 live cinder-volume services/],
    ['a failing --check', [...BEAT, '--check', 'false'], FAILED, /health check exited with status 1/],
    ['a hanging --check', [...BEAT, '--check', 'sleep 20', '--check-timeout', '0.3'], FAILED, /health check timed out/],
  ])('%s', async (_name, args, expectedCode, message) => {
    const before = fileBytes(db);
    const result = await runSvc(args, { env: { SVC_DB: db, SVC_NOW: '2026-01-01T00:00:30Z' } });
    expect(result.stderr).toMatch(ONE_ERROR_LINE);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.code).toBe(expectedCode);
    expect(result.stdout).toBe('');
    expect(fileBytes(db).equals(before)).toBe(true);
  });

  test('a bad SVC_NOW is a usage error and writes nothing', async () => {
    const before = fileBytes(db);
    const result = await runSvc(BEAT, { env: { SVC_DB: db, SVC_NOW: 'yesterday' } });
    expect([result.code, result.stdout]).toEqual([USAGE, '']);
    expect(result.stderr).toMatch(ONE_ERROR_LINE);
    expect(fileBytes(db).equals(before)).toBe(true);
  });
});

describe('hostile --db: one line, exit 1, nothing created or changed', () => {
  const commands = [['service-list'], BEAT];

  test.each(commands)('a directory (%s)', async (...args) => {
    const folder = join(tempDir(), 'a-folder');
    mkdirSync(folder);
    const result = await runSvc(['--db', folder, ...args]);
    expect([result.code, result.stdout]).toEqual([FAILED, '']);
    expect(result.stderr).toMatch(/^svc: error: cannot open database: .*a-folder is a directory\n$/);
  });

  test.each(commands)('a path beneath a regular file (%s)', async (...args) => {
    const file = join(tempDir(), 'plain-file');
    writeFileSync(file, 'not a folder\n');
    const result = await runSvc(['--db', join(file, 'sub', 'services.db'), ...args]);
    expect([result.code, result.stdout]).toEqual([FAILED, '']);
    expect(result.stderr).toMatch(/^svc: error: cannot create the folder of .*: a parent is not a directory\n$/);
    expect(fileBytes(file).toString()).toBe('not a folder\n');
  });

  test.each(commands)('a file that is not SQLite (%s)', async (...args) => {
    const file = join(tempDir(), 'notes.txt');
    const text = 'These are my notes, not a database.\n'.repeat(200);
    writeFileSync(file, text);
    const result = await runSvc(['--db', file, ...args]);
    expect([result.code, result.stdout]).toEqual([FAILED, '']);
    expect(result.stderr).toMatch(/^svc: error: not an SQLite database: .*notes\.txt\n$/);
    expect(fileBytes(file).toString()).toBe(text);
  });

  test.each(commands)('a services table that lacks columns, named (%s)', async (...args) => {
    const file = join(tempDir(), 'old.db');
    const schemaWithoutTwoColumns = SCHEMA_SQL.replace(/\n\s+frozen BOOLEAN,/, '')
      .replace(/,\n\s+cluster_name VARCHAR\(255\)/, '')
      .replace(/PRAGMA user_version = 1;/, '');
    createFixtureDb(file, [], schemaWithoutTwoColumns);
    const before = fileBytes(file);
    const result = await runSvc(['--db', file, ...args]);
    expect([result.code, result.stdout]).toEqual([FAILED, '']);
    expect(result.stderr).toMatch(/^svc: error: .*lacks column\(s\): frozen, cluster_name\n$/);
    expect(fileBytes(file).equals(before)).toBe(true);
  });
});

describe('a reader that stops early', () => {
  test('svc service-list | head -1: exit 0 and no stack trace', () => {
    const manyRows = join(tempDir(), 'many.db');
    createFixtureDb(
      manyRows,
      Array.from({ length: 3000 }, (_, i) => ({ host: `host-${i}`, binary: 'cinder-volume' })),
    );
    for (const format of ['table', 'csv', 'value']) {
      const pipeline = `{ "$0" "$1" service-list -f ${format}; echo "svc exit $?" >&2; } | head -1 >/dev/null`;
      const result = spawnSync('/bin/sh', ['-c', pipeline, process.execPath, SVC_BIN], {
        env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', SVC_DB: manyRows, HOME: tempDir() },
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('svc exit 0\n');
    }
  });
});
