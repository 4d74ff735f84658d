import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { main } from '../../src/cli.js';
import { monitoringDb, NOW } from '../helpers/monitoring-fixture.js';
import { parseExposition, sampleValue } from '../helpers/parse-exposition.js';
import { runSvc, tempDir } from '../helpers/svc-process.js';

const db = monitoringDb();
const env = { SVC_DB: db, SVC_NOW: NOW };

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/service-list/${name}.txt`, import.meta.url), 'utf8');
}

describe('service-list output that existed before -f prometheus is unchanged', () => {
  // The fixtures were printed by svc before service-list learned prometheus and --output.
  test.each(['table', 'json', 'csv', 'value'])('-f %s', async (format) => {
    const plain = await runSvc(['service-list', '-f', format], { env });
    expect(plain.stdout).toBe(fixture(format));
    const withReplication = await runSvc(['service-list', '--withreplication', '-f', format], { env });
    expect(withReplication.stdout).toBe(fixture(`withreplication-${format}`));
  });
});

describe('service-list -f prometheus', () => {
  test('reads back as one series per live service with the fixture values', async () => {
    const result = await runSvc(['service-list', '-f', 'prometheus'], { env });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const exposition = parseExposition(result.stdout);
    const series = (name: string) =>
      exposition.samples.filter((s) => s.name === name).map((s) => [s.labels['binary'], s.labels['host'], s.labels['zone'], s.value]);
    expect(series('svc_service_up')).toEqual([
      ['cinder-scheduler', 'ctl1', 'nova', 1],
      ['cinder-volume', 'ctl1@lvm', 'nova', 1],
      ['cinder-volume', 'node2@ceph', 'nova', 0],
      ['cinder-backup', 'node3', 'nova', 0],
    ]);
    expect(series('svc_service_disabled').map((s) => s[3])).toEqual([0, 0, 0, 1]);
    expect(series('svc_service_reports_total').map((s) => s[3])).toEqual([1200, 1190, 57, 33]);
    expect(series('svc_service_last_heartbeat_timestamp_seconds').map((s) => s[3])).toEqual([
      1560504170.5, 1560504143, 1560499200, 1559383200,
    ]);
    expect(result.stdout).toContain(
      'svc_service_last_heartbeat_timestamp_seconds{binary="cinder-scheduler",host="ctl1",zone="nova"} 1560504170.5\n',
    );
    expect(exposition.type.get('svc_service_reports_total')).toBe('counter');
  });

  test('falls back to created_at when a service never beat', async () => {
    const path = monitoringDb([{ created_at: '2019-06-14 09:22:00.250000', updated_at: null, host: 'n1', binary: 'b' }]);
    const result = await runSvc(['service-list', '-f', 'prometheus'], { env: { ...env, SVC_DB: path } });
    const exposition = parseExposition(result.stdout);
    expect(sampleValue(exposition, 'svc_service_last_heartbeat_timestamp_seconds', { host: 'n1' })).toBe(1560504120.25);
    expect(sampleValue(exposition, 'svc_service_up', { host: 'n1' })).toBe(1);
  });

  test('filters apply; -c does not', async () => {
    const filtered = await runSvc(['service-list', '-f', 'prometheus', '--binary', 'cinder-backup'], { env });
    expect(parseExposition(filtered.stdout).samples.map((s) => s.labels['host'])).toEqual(['node3', 'node3', 'node3', 'node3']);
    const columns = await runSvc(['service-list', '-f', 'prometheus', '-c', 'host'], { env });
    expect(columns.stderr).toBe('svc: error: -c does not apply to -f prometheus: its metrics are fixed\n');
    expect(columns.stdout).toBe('');
    expect(columns.code).toBe(2);
  });
});

describe('service-list --output FILE', () => {
  test.each(['table', 'json', 'csv', 'value', 'prometheus'])('-f %s: the file holds what stdout would, and nothing else is left', async (format) => {
    const dir = tempDir();
    const path = join(dir, 'svc.prom');
    const result = await runSvc(['service-list', '-f', format, '--output', path], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
    const printed = await runSvc(['service-list', '-f', format], { env });
    expect(readFileSync(path, 'utf8')).toBe(printed.stdout);
    expect(readdirSync(dir)).toEqual(['svc.prom']);
  });

  test('replaces an existing file', async () => {
    const path = join(tempDir(), 'svc.prom');
    writeFileSync(path, 'stale\n');
    await runSvc(['service-list', '-f', 'value', '-o', path], { env });
    expect(readFileSync(path, 'utf8')).toBe(fixture('value'));
  });

  test('a folder that does not exist: exit 1, one line, nothing written', async () => {
    const dir = tempDir();
    const path = join(dir, 'missing', 'svc.prom');
    const result = await runSvc(['service-list', '--output', path], { env });
    expect(result.stderr).toBe(`svc: error: cannot write ${path}: no such folder\n`);
    expect(result.code).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a database that cannot be read leaves the old file as it was', async () => {
    const dir = tempDir();
    const path = join(dir, 'svc.prom');
    writeFileSync(path, 'last good scrape\n');
    const notADb = join(dir, 'services.db');
    writeFileSync(notADb, 'not sqlite at all, and long enough for SQLite to look at the header\n'.repeat(20));
    const result = await runSvc(['service-list', '-f', 'prometheus', '-o', path], { env: { ...env, SVC_DB: notADb } });
    expect(result.code).toBe(1);
    expect(readFileSync(path, 'utf8')).toBe('last good scrape\n');
    expect(readdirSync(dir).sort()).toEqual(['services.db', 'svc.prom']);
  });

  test('a file never gets terminal colours, even when stdout is a terminal', async () => {
    const path = join(tempDir(), 'table.txt');
    const stdout = { text: '', isTTY: true, write(chunk: string) { this.text += chunk; } };
    // In-process, commander reads option variables from process.env: name the database outright.
    const io = { stdout, stderr: { write: () => true }, env: { SVC_NOW: NOW } };
    expect(await main(['--db', db, 'service-list', '-o', path], io)).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(fixture('table'));
    expect(await main(['--db', db, 'service-list'], io)).toBe(0);
    expect(stdout.text).toContain('\u001b[32mup\u001b[39m'); // The same run coloured a terminal.
  });
});
