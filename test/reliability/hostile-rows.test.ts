import { join } from 'node:path';
import { beforeAll, describe, expect, jest, test } from '@jest/globals';
import Database from 'better-sqlite3';
import { createFixtureDb, readAllRows, type RowValues } from '../helpers/fixture-db.js';
import { runSvc, tempDir } from '../helpers/svc-process.js';
import { integrityOf } from './reliability-helpers.js';

jest.setTimeout(60_000);

const NOW = '2026-03-01T12:00:00Z';
const FRESH = '2026-03-01 11:59:50.000000';

interface Listed {
  binary: string | null;
  host: string | null;
  state: string;
  updated_at: string | null;
  replication_status?: string | null;
}

async function listJson(db: string, ...args: string[]): Promise<Listed[]> {
  const result = await runSvc(['service-list', '-f', 'json', ...args], { env: { SVC_DB: db, SVC_NOW: NOW } });
  expect([result.code, result.stderr]).toEqual([0, '']);
  return (JSON.parse(result.stdout) as { services: Listed[] }).services;
}

describe('rows Cinder itself chokes on', () => {
  const broken: RowValues[] = [
    { host: 'no-times', binary: 'cinder-volume', created_at: null, updated_at: null },
    { host: 'garbage-time', binary: 'cinder-volume', created_at: FRESH, updated_at: 'last tuesday' },
    { host: 'impossible-date', binary: 'cinder-backup', created_at: FRESH, updated_at: '2026-02-30 10:00:00' },
    { host: 'number-time', binary: 'cinder-backup', created_at: 1_772_366_390, updated_at: 1_772_366_390 },
    { host: 'odd-replication', binary: 'cinder-volume', updated_at: 'x', replication_status: 'half-failed-over' },
    { host: 'null-everything', binary: null, created_at: null, updated_at: null, availability_zone: null, disabled: null, frozen: null, replication_status: null },
  ];
  const healthy: RowValues[] = [
    { host: 'good-1', binary: 'cinder-volume', created_at: FRESH, updated_at: FRESH },
    { host: 'good-2', binary: 'cinder-scheduler', created_at: FRESH, updated_at: FRESH, replication_status: 'enabled' },
  ];
  let db: string;
  beforeAll(() => {
    db = join(tempDir(), 'services.db');
    createFixtureDb(db, [healthy[0]!, ...broken, healthy[1]!]);
  });

  test('are listed as down, and every other row as usual', async () => {
    const services = await listJson(db, '--withreplication');
    const stateOf = Object.fromEntries(services.map((service) => [service.host, service.state]));
    expect(stateOf).toEqual({
      'good-1': 'up',
      'good-2': 'up',
      ...Object.fromEntries(broken.map((row) => [row['host'], 'down'])),
    });
    expect(services.find((service) => service.host === 'odd-replication')?.replication_status).toBe('half-failed-over');
  });

  test.each(['table', 'csv', 'value'])('do not break the %s listing', async (format) => {
    const result = await runSvc(['service-list', '-f', format, '--withreplication'], { env: { SVC_DB: db, SVC_NOW: NOW } });
    expect([result.code, result.stderr]).toEqual([0, '']);
    const lines = result.stdout.trimEnd().split('\n');
    const dataLines = lines.filter((line) => /good-|no-times|garbage|impossible|number-time|odd-repl|null-every/.test(line));
    expect(dataLines).toHaveLength(broken.length + healthy.length);
    for (const line of dataLines.filter((l) => l.includes('good-'))) expect(line).toMatch(/\bup\b/);
    for (const line of dataLines.filter((l) => !l.includes('good-'))) expect(line).toMatch(/\bdown\b/);
  });

  test('a heartbeat repairs a row with unparseable times, and touches no other row', async () => {
    const before = readAllRows(db);
    const result = await runSvc(['heartbeat', '--host', 'garbage-time', '--binary', 'cinder-volume'], {
      env: { SVC_DB: db, SVC_NOW: NOW },
    });
    expect([result.code, result.stderr]).toEqual([0, '']);
    const after = readAllRows(db);
    const changed = after.filter((row, i) => JSON.stringify(row) !== JSON.stringify(before[i]));
    expect(changed.map((row) => [row['host'], row['updated_at'], row['report_count']])).toEqual([
      ['garbage-time', '2026-03-01 12:00:00.000000', 2],
    ]);
    const services = await listJson(db, '--host', 'garbage-time');
    expect(services.map((service) => service.state)).toEqual(['up']);
  });
});

describe('host, binary and reason are bound parameters, matched literally', () => {
  const hosts = [
    'a%b', 'axb', 'a_b', 'a%b@lvm', 'a%b#pool', 'axb@lvm', "o'brien", 'o"brien', 'semi;colon',
    "x'; DROP TABLE services; --", 'ĥøšt-ü', 'ĥøšt-ü@backend', '主机', 'a%', 'a', 'ab@x',
  ];
  let db: string;
  beforeAll(() => {
    db = join(tempDir(), 'services.db');
    createFixtureDb(db, [
      ...hosts.map((host) => ({ host, binary: 'cinder-volume', updated_at: FRESH })),
      { host: 'a', binary: 'cinder_volume', updated_at: FRESH },
      { host: 'a', binary: 'cinder%', updated_at: FRESH },
    ]);
  });

  test.each<[string, string[]]>([
    ['a%b', ['a%b', 'a%b@lvm', 'a%b#pool']],
    ['a_b', ['a_b']],
    ['a%', ['a%']],
    ['a', ['a', 'a', 'a']],
    ['%', []],
    ['_', []],
    ["o'brien", ["o'brien"]],
    ['o"brien', ['o"brien']],
    ['semi;colon', ['semi;colon']],
    ["x'; DROP TABLE services; --", ["x'; DROP TABLE services; --"]],
    ["' OR '1'='1", []],
    ['ĥøšt-ü', ['ĥøšt-ü', 'ĥøšt-ü@backend']],
    ['主机', ['主机']],
    ['a%b@lvm', ['a%b@lvm']],
  ])('--host %j matches exactly %j', async (filter, expected) => {
    const services = await listJson(db, '--host', filter);
    expect(services.map((service) => service.host)).toEqual(expected);
  });

  test.each<[string, string[]]>([
    ['cinder_volume', ['cinder_volume']],
    ['cinder%', ['cinder%']],
    ['cinder-volume', ['cinder-volume']],
    ["cinder' OR 1=1 --", []],
  ])('--binary %j matches exactly', async (binary, expected) => {
    const services = await listJson(db, '--host', 'a', '--binary', binary);
    expect(services.map((service) => service.binary)).toEqual(expected);
  });

  test('disable with a reason full of quotes, wildcards and non-ASCII stores it as given, on one row only', async () => {
    const reason = `it's "down"; 100% _maybe_ -- ĥøšt 主机 '); DROP TABLE services; --`;
    const before = readAllRows(db);
    const result = await runSvc(['disable', 'a%b', 'cinder-volume', '--reason', reason, '-f', 'json'], {
      env: { SVC_DB: db, SVC_NOW: NOW },
    });
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(JSON.parse(result.stdout)).toMatchObject({ host: 'a%b', disabled_reason: reason });
    const after = readAllRows(db);
    const changed = after.filter((row, i) => JSON.stringify(row) !== JSON.stringify(before[i]));
    expect(changed.map((row) => [row['host'], row['disabled'], row['disabled_reason']])).toEqual([['a%b', 1, reason]]);
    expect(integrityOf(db)).toBe('ok');
  });

  test('remove of a host with SQL in it removes that row and nothing else', async () => {
    const host = "x'; DROP TABLE services; --";
    const result = await runSvc(['remove', host, 'cinder-volume'], { env: { SVC_DB: db, SVC_NOW: NOW } });
    expect([result.code, result.stderr]).toEqual([0, '']);
    const check = new Database(db, { readonly: true });
    const deleted = check.prepare('SELECT host FROM services WHERE deleted = 1').all();
    const live = check.prepare('SELECT COUNT(*) AS n FROM services WHERE deleted = 0').get() as { n: number };
    check.close();
    expect(deleted).toEqual([{ host }]);
    expect(live.n).toBe(hosts.length + 2 - 1);
  });
});
