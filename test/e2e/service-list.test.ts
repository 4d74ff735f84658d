import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { FIXTURE_NOW, FIXTURE_ROWS } from '../fixtures/services-fixture.js';
import { createFixtureDb } from '../helpers/fixture-db.js';
import { runSvc, tempDir } from '../helpers/svc-process.js';

function expected(name: string): string {
  return readFileSync(new URL(`../fixtures/expected/${name}`, import.meta.url), 'utf8');
}

let env: Record<string, string>;

beforeAll(() => {
  const db = join(tempDir(), 'services.db');
  createFixtureDb(db, FIXTURE_ROWS);
  env = { SVC_DB: db, SVC_NOW: FIXTURE_NOW };
});

async function list(...args: string[]): Promise<string> {
  const result = await runSvc(['service-list', ...args], { env });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('service-list on the fixture', () => {
  test.each([
    ['the table cinder service-list prints', [], 'service-list.txt'],
    ['the table with --withreplication', ['--withreplication'], 'service-list-withreplication.txt'],
    ["the body of Cinder's GET /os-services", ['-f', 'json'], 'service-list.json'],
    ['csv in id order', ['-f', 'csv'], 'service-list.csv'],
    ['value in id order', ['-f', 'value'], 'service-list.value.txt'],
  ])('%s', async (_name, args, file) => {
    expect(await list(...args)).toBe(expected(file));
  });

  test('the JSON parses and has one entry per live row', async () => {
    const body = JSON.parse(await list('-f', 'json')) as { services: { host: string }[] };
    expect(body.services).toHaveLength(FIXTURE_ROWS.filter((row) => row['deleted'] !== 1).length);
  });

  test('--host matches the host, its backends and pools, but not a longer name', async () => {
    expect(await list('--host', 'node1', '-f', 'value', '-c', 'host')).toBe('node1@lvm\nnode1@ceph#pool1\n');
    expect(await list('--host', 'node1@ceph', '-f', 'value', '-c', 'host')).toBe('node1@ceph#pool1\n');
    expect(await list('--host', 'node1@ceph#pool1', '-f', 'value', '-c', 'host')).toBe('node1@ceph#pool1\n');
    expect(await list('--host', 'node1@ceph#pool', '-f', 'value', '-c', 'host')).toBe('');
    expect(await list('--host', 'node1@lv', '-f', 'value', '-c', 'host')).toBe('');
  });

  test('--binary matches exactly and combines with --host', async () => {
    expect(await list('--binary', 'cinder-scheduler', '-f', 'value', '-c', 'host')).toBe('10.24.1.9\nnode3\nnode9\n');
    expect(await list('--binary', 'cinder-volum', '-f', 'value')).toBe('');
    expect(await list('--binary', 'cinder-volume', '--host', 'node4', '-f', 'value', '-c', 'host')).toBe(
      'node4@ceph\nnode4@nfs\n',
    );
  });

  test('-c keeps the named columns in table order, by title or field name, any case', async () => {
    expect(await list('--host', 'node7', '-f', 'csv', '-c', 'updated_at', '-c', 'STATE', '-c', 'Host')).toBe(
      'Host,State,Updated_at\nnode7,down,2019-06-14T09:21:59.999999\n',
    );
    expect(await list('--host', 'node1@lvm', '-f', 'json', '-c', 'frozen', '-c', 'host')).toBe(
      '{"services": [{"host": "node1@lvm", "frozen": true}]}\n',
    );
  });

  test('--service-down-time widens the window', async () => {
    const states = await list('--service-down-time', '3600', '-f', 'value', '-c', 'host', '-c', 'state');
    expect(states).toContain('node2 down\n'); // 3600.000000 s + 1 h: still past
    expect(states).toContain('node12@nfs down\n');
    expect(states).toContain('node5@ceph up\n');
    const byEnv = await runSvc(['service-list', '--host', 'node6', '-f', 'value', '-c', 'state'], {
      env: { ...env, SVC_SERVICE_DOWN_TIME: '59' },
    });
    expect(byEnv.stdout).toBe('down\n');
  });

  test('an empty result: a header-only table without Disabled Reason, and an empty list', async () => {
    expect(await list('--host', 'nowhere')).toBe(
      [
        '+--------+------+------+--------+-------+------------+---------+',
        '| Binary | Host | Zone | Status | State | Updated_at | Cluster |',
        '+--------+------+------+--------+-------+------------+---------+',
        '+--------+------+------+--------+-------+------------+---------+',
        '',
      ].join('\n'),
    );
    expect(await list('--host', 'nowhere', '-f', 'json')).toBe('{"services": []}\n');
    expect(await list('--host', 'nowhere', '-f', 'csv')).toBe(
      'Binary,Host,Zone,Status,State,Updated_at,Cluster,Disabled Reason\n',
    );
    expect(await list('--host', 'nowhere', '-f', 'value')).toBe('');
  });

  test('no colour when stdout is not a terminal', async () => {
    expect(await list()).not.toContain('\u001b[');
  });
});
