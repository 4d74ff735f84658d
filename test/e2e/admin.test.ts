import { join } from 'node:path';
import { beforeEach, describe, expect, test } from '@jest/globals';
import { createFixtureDb, readAllRows } from '../helpers/fixture-db.js';
import { runSvc, tempDir, type SvcResult } from '../helpers/svc-process.js';

const NOW = '2019-06-14T09:23:00Z';
let db: string;

function svc(...args: string[]): Promise<SvcResult> {
  return runSvc(args, { env: { SVC_DB: db, SVC_NOW: NOW } });
}

beforeEach(() => {
  db = join(tempDir(), 'services.db');
  createFixtureDb(db, [
    { created_at: '2019-06-13 09:00:00', updated_at: '2019-06-13 09:00:00', host: 'dead', binary: 'cinder-volume', report_count: 7 },
    { created_at: '2019-06-14 09:00:00', updated_at: '2019-06-14 09:22:50', host: 'node1@lvm', binary: 'cinder-volume' },
    { created_at: '2019-06-14 09:00:00', updated_at: '2019-06-14 09:22:50', host: 'node1@ceph', binary: 'cinder-volume' },
    { created_at: '2019-06-14 09:00:00', updated_at: '2019-06-14 09:22:50', host: 'node2', binary: 'cinder-volume' },
    { created_at: '2019-06-14 09:00:00', updated_at: '2019-06-14 09:22:50', host: 'node2@lvm', binary: 'cinder-volume' },
  ]);
});

describe('disable and enable', () => {
  test('disable prints cinderclient\'s table, sets modified_at and leaves the heartbeat alone', async () => {
    const before = readAllRows(db)[0]!;
    const result = await svc('disable', 'dead', 'cinder-volume');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(
      [
        '+------+---------------+----------+',
        '| Host | Binary        | Status   |',
        '+------+---------------+----------+',
        '| dead | cinder-volume | disabled |',
        '+------+---------------+----------+',
        '',
      ].join('\n'),
    );
    expect(readAllRows(db)[0]).toEqual({ ...before, disabled: 1, modified_at: '2019-06-14 09:23:00.000000' });
    const listed = await svc('service-list', '--host', 'dead', '-f', 'value', '-c', 'status', '-c', 'state', '-c', 'updated_at');
    expect(listed.stdout).toBe('disabled down 2019-06-14T09:23:00.000000\n');
  });

  test('--reason adds the Disabled Reason column and is stored trimmed', async () => {
    const result = await svc('disable', 'node2', 'cinder-volume', '--reason', '  disk swap  ');
    expect(result.stdout).toBe(
      [
        '+-------+---------------+----------+-----------------+',
        '| Host  | Binary        | Status   | Disabled Reason |',
        '+-------+---------------+----------+-----------------+',
        '| node2 | cinder-volume | disabled | disk swap       |',
        '+-------+---------------+----------+-----------------+',
        '',
      ].join('\n'),
    );
    expect(readAllRows(db)[3]).toMatchObject({ disabled: 1, disabled_reason: 'disk swap' });
  });

  test('-f json prints Cinder\'s response bodies', async () => {
    const disabled = await svc('disable', 'node2', 'cinder-volume', '--reason', 'maintenance', '-f', 'json');
    expect(disabled.stdout).toBe(
      '{"host": "node2", "binary": "cinder-volume", "status": "disabled", "disabled": true, "disabled_reason": "maintenance"}\n',
    );
    const enabled = await svc('enable', 'node2', 'cinder-volume', '-f', 'json');
    expect(enabled.stdout).toBe(
      '{"host": "node2", "binary": "cinder-volume", "status": "enabled", "disabled": false, "disabled_reason": null}\n',
    );
    expect(readAllRows(db)[3]).toMatchObject({ disabled: 0, disabled_reason: null, modified_at: '2019-06-14 09:23:00.000000' });
  });

  test('an exact host wins over its backends; a unique backend is found by the prefix rule', async () => {
    expect((await svc('disable', 'node2', 'cinder-volume')).code).toBe(0);
    expect(readAllRows(db).map((row) => row['disabled'])).toEqual([0, 0, 0, 1, 0]);
    await svc('remove', 'node1@ceph', 'cinder-volume');
    expect((await svc('disable', 'node1', 'cinder-volume')).stdout).toContain('| node1@lvm | cinder-volume | disabled |');
  });

  test('an ambiguous host is refused, listing the candidates, and nothing changes', async () => {
    const before = readAllRows(db);
    const result = await svc('disable', 'node1', 'cinder-volume');
    expect(result).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'svc: error: host node1 matches 2 live cinder-volume services: node1@lvm (id 2), node1@ceph (id 3); name one exactly\n',
    });
    expect(readAllRows(db)).toEqual(before);
  });

  test.each([
    [['disable', 'nowhere', 'cinder-volume'], 'Service cinder-volume could not be found on host nowhere.'],
    [['enable', 'dead', 'cinder-backup'], 'Service cinder-backup could not be found on host dead.'],
    [['remove', 'nowhere', 'cinder-volume'], 'Service cinder-volume could not be found on host nowhere.'],
  ])('unknown service %j: exit 1', async (args, message) => {
    const result = await svc(...args);
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: `svc: error: ${message}\n` });
  });

  test.each([
    [['disable', 'dead', 'cinder-volume', '--reason', '   ']],
    [['disable', 'dead', 'cinder-volume', '--reason', 'x'.repeat(256)]],
    [['disable', 'dead']],
    [['enable']],
    [['disable', 'dead', 'cinder-volume', '-f', 'yaml']],
  ])('usage error %j: exit 2, nothing written', async (args) => {
    const before = readAllRows(db);
    const result = await svc(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^svc: error: [^\n]+\n$/);
    expect(readAllRows(db)).toEqual(before);
  });

  test('a reason of exactly 255 characters is accepted', async () => {
    expect((await svc('disable', 'dead', 'cinder-volume', '--reason', 'r'.repeat(255))).code).toBe(0);
  });
});

describe('remove', () => {
  test('soft-deletes: deleted = 1 and deleted_at = now; the service is no longer listed', async () => {
    const result = await svc('remove', 'dead', 'cinder-volume');
    expect(result).toMatchObject({ code: 0, stdout: 'Service cinder-volume on host dead removed.\n', stderr: '' });
    expect(readAllRows(db)[0]).toMatchObject({ deleted: 1, deleted_at: '2019-06-14 09:23:00.000000', updated_at: '2019-06-13 09:00:00' });
    expect((await svc('service-list', '--host', 'dead', '-f', 'json')).stdout).toBe('{"services": []}\n');
  });
});
