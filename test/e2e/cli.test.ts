import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { runSvc, tempDir } from '../helpers/svc-process.js';

describe('the command line', () => {
  test('--version prints package.json\'s version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await runSvc(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  test('--help lists every command and exits 0', async () => {
    const result = await runSvc(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['service-list', 'heartbeat', 'disable', 'enable', 'remove']) {
      expect(result.stdout).toContain(`  ${command}`);
    }
  });

  test.each([
    [['bogus'], "svc: error: unknown command 'bogus'\n"],
    [['service-list', '--bogus'], "svc: error: unknown option '--bogus'\n"],
    [['--service-down-time', 'abc', 'service-list'], "svc: error: invalid service_down_time 'abc': expected a whole number of at least 0\n"],
    [['--service-down-time', '-5', 'service-list'], "svc: error: invalid service_down_time '-5': expected a whole number of at least 0\n"],
    [['service-list', '-f', 'xml'], "svc: error: unknown format 'xml': use table, json, csv, value, prometheus\n"],
    [['service-list', '-c', 'nope'], "svc: error: unknown column 'nope': use one of Binary, Host, Zone, Status, State, Updated_at, Cluster, Replication Status, Active Backend ID, Frozen, Disabled Reason\n"],
    [['service-list', '--host', 'h'.repeat(256)], 'svc: error: invalid host: use 1-255 characters, no control characters\n'],
  ])('usage error %j: exit 2, one line, no stack', async (args, stderr) => {
    const result = await runSvc(args, { env: { SVC_DB: `${tempDir()}/s.db` } });
    expect(result).toMatchObject({ code: 2, stdout: '', stderr });
  });

  test('global options are also accepted after the subcommand', async () => {
    const db = `${tempDir()}/s.db`;
    const result = await runSvc(['service-list', '--db', db, '--service-down-time', '5', '-f', 'json'], { env: { SVC_NOW: '2026-01-01T00:00:00Z' } });
    expect(result).toMatchObject({ code: 0, stdout: '{"services": []}\n' });
  });

  test('a bad SVC_NOW is a usage error', async () => {
    const result = await runSvc(['service-list'], { env: { SVC_DB: `${tempDir()}/s.db`, SVC_NOW: 'yesterday' } });
    expect(result).toMatchObject({ code: 2, stderr: "svc: error: invalid SVC_NOW 'yesterday': expected an ISO-8601 time\n" });
  });
});
