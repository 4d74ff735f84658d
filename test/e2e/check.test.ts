import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { monitoringDb, NOW } from '../helpers/monitoring-fixture.js';
import { runSvc, tempDir } from '../helpers/svc-process.js';

const db = monitoringDb();

function check(args: string[], env: Record<string, string> = {}) {
  return runSvc(['check', ...args], { env: { SVC_DB: db, SVC_NOW: NOW, ...env } });
}

describe('svc check: one line, the state as the exit code', () => {
  test.each<[string, string[], number, string]>([
    [
      'CRITICAL: an enabled service is down, named with its age',
      [],
      2,
      'SVC CRITICAL - 1 of 3 enabled services down: cinder-volume on node2@ceph (last heartbeat 1 hour ago) | up=2 down=1 disabled=1',
    ],
    [
      'CRITICAL wins over WARNING',
      ['--warning-age', '30'],
      2,
      'SVC CRITICAL - 1 of 3 enabled services down: cinder-volume on node2@ceph (last heartbeat 1 hour ago) | up=2 down=1 disabled=1',
    ],
    [
      'WARNING: up, but later than --warning-age',
      ['--host', 'ctl1', '--warning-age', '30'],
      1,
      'SVC WARNING - 1 of 2 enabled services reporting late: cinder-volume on ctl1@lvm (last heartbeat 37 seconds ago) | up=2 down=0 disabled=0',
    ],
    [
      'OK: every enabled service up in time',
      ['--host', 'ctl1', '-w', '40'],
      0,
      'SVC OK - 2 enabled services up | up=2 down=0 disabled=0',
    ],
    [
      'OK: a disabled service that is down never makes it CRITICAL',
      ['--binary', 'cinder-backup'],
      0,
      'SVC OK - no enabled services, 1 disabled | up=0 down=0 disabled=1',
    ],
    [
      'OK with the filters combined (host prefix rule)',
      ['--binary', 'cinder-volume', '--host', 'ctl1'],
      0,
      'SVC OK - 1 enabled service up | up=1 down=0 disabled=0',
    ],
    [
      'UNKNOWN: nothing matches (a removed service does not count)',
      ['--host', 'old1'],
      3,
      'SVC UNKNOWN - no services found for host old1 | up=0 down=0 disabled=0',
    ],
  ])('%s', async (_name, args, code, line) => {
    const result = await check(args);
    expect(result.stdout).toBe(`${line}\n`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(code);
  });

  test('UNKNOWN on an empty table says nothing was found', async () => {
    const result = await check([], { SVC_DB: monitoringDb([]) });
    expect(result.stdout).toBe('SVC UNKNOWN - no services found | up=0 down=0 disabled=0\n');
    expect(result.code).toBe(3);
  });

  test('UNKNOWN names both filters it applied', async () => {
    const result = await check(['--binary', 'cinder-volume', '--host', 'nope']);
    expect(result.stdout).toBe(
      'SVC UNKNOWN - no services found for binary cinder-volume, host nope | up=0 down=0 disabled=0\n',
    );
    expect(result.code).toBe(3);
  });

  test('a longer service_down_time turns the down service up', async () => {
    const result = await check(['--binary', 'cinder-volume'], { SVC_SERVICE_DOWN_TIME: '7200' });
    expect(result.stdout).toBe('SVC OK - 2 enabled services up | up=2 down=0 disabled=0\n');
    expect(result.code).toBe(0);
  });

  test('names at most five services, then says how many more', async () => {
    const rows = Array.from({ length: 7 }, (_unused, index) => ({
      created_at: '2019-06-14 08:00:00', updated_at: '2019-06-14 09:00:00', host: `n${index + 1}`, binary: 'cinder-volume',
    }));
    const result = await check([], { SVC_DB: monitoringDb(rows) });
    expect(result.stdout).toBe(
      'SVC CRITICAL - 7 of 7 enabled services down: ' +
        ['n1', 'n2', 'n3', 'n4', 'n5'].map((host) => `cinder-volume on ${host} (last heartbeat 23 minutes ago)`).join(', ') +
        ', and 2 more | up=0 down=7 disabled=0\n',
    );
    expect(result.code).toBe(2);
  });

  test('a row whose heartbeat cannot be read is down, and says so', async () => {
    const rows = [{ created_at: null, updated_at: 'not a time', host: 'n1', binary: 'cinder-volume' }];
    const result = await check([], { SVC_DB: monitoringDb(rows) });
    expect(result.stdout).toBe(
      'SVC CRITICAL - 1 of 1 enabled service down: cinder-volume on n1 (no readable heartbeat) | up=0 down=1 disabled=0\n',
    );
    expect(result.code).toBe(2);
  });

  test('a | in a stored name cannot start the performance data early', async () => {
    const rows = [{ created_at: '2019-06-14 08:00:00', updated_at: '2019-06-14 08:00:00', host: 'a|b', binary: 'x' }];
    const result = await check([], { SVC_DB: monitoringDb(rows) });
    expect(result.stdout.split('|')).toHaveLength(2);
    expect(result.stdout).toContain('x on a b (last heartbeat 1 hour ago)');
  });
});

describe('svc check: whatever stops it checking is UNKNOWN, exit 3, one line on stdout', () => {
  test.each<[string, string[], Record<string, string>, RegExp]>([
    ['an unknown option', ['check', '--bogus'], {}, /^SVC UNKNOWN - unknown option '--bogus'\n$/],
    ['a bad --warning-age', ['check', '--warning-age', 'soon'], {}, /^SVC UNKNOWN - invalid --warning-age 'soon'/],
    [
      'a --warning-age that can never fire',
      ['check', '--warning-age', '60'],
      {},
      /^SVC UNKNOWN - --warning-age 60 is not less than service_down_time 60/,
    ],
    ['an extra argument', ['check', 'extra'], {}, /^SVC UNKNOWN - too many arguments/],
    ['a bad global option before check', ['--service-down-time', 'x', 'check'], {}, /^SVC UNKNOWN - invalid service_down_time 'x'/],
    ['a bad SVC_SERVICE_DOWN_TIME', ['check'], { SVC_SERVICE_DOWN_TIME: '-1' }, /^SVC UNKNOWN - invalid service_down_time '-1'/],
    ['a bad SVC_NOW', ['check'], { SVC_NOW: 'teatime' }, /^SVC UNKNOWN - invalid SVC_NOW 'teatime'/],
    ['an empty --host', ['check', '--host', ''], {}, /^SVC UNKNOWN - invalid host/],
  ])('%s', async (_name, args, env, line) => {
    const result = await runSvc(args, { env: { SVC_DB: db, SVC_NOW: NOW, ...env } });
    expect(result.stdout).toMatch(line);
    expect(result.stdout.split('\n')).toHaveLength(2);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(3);
  });

  test('a missing database is UNKNOWN and is not created', async () => {
    const path = join(tempDir(), 'missing', 'services.db');
    const result = await runSvc(['--db', path, 'check'], { env: { SVC_NOW: NOW } });
    expect(result.stdout).toBe(`SVC UNKNOWN - database not found: ${path}\n`);
    expect(result.code).toBe(3);
    expect(existsSync(path)).toBe(false);
  });

  test('a file that is not a database is UNKNOWN', async () => {
    const path = join(tempDir(), 'services.db');
    writeFileSync(path, 'this is not sqlite, but it is long enough to have a header of its own...\n'.repeat(20));
    const result = await runSvc(['check'], { env: { SVC_DB: path, SVC_NOW: NOW } });
    expect(result.stdout).toBe(`SVC UNKNOWN - not an SQLite database: ${path}\n`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(3);
  });

  test('a folder where the database should be is UNKNOWN', async () => {
    const path = join(tempDir(), 'services.db');
    mkdirSync(path);
    const result = await runSvc([`--db=${path}`, 'check'], { env: { SVC_NOW: NOW } });
    expect(result.stdout).toBe(`SVC UNKNOWN - cannot open database: ${path} is a directory\n`);
    expect(result.code).toBe(3);
  });

  test('--help is still help, exit 0', async () => {
    const result = await runSvc(['check', '--help']);
    expect(result.stdout).toMatch(/^Usage: svc check \[options\]/);
    expect(result.code).toBe(0);
  });

  test('other commands keep their exit codes for the same mistakes', async () => {
    const result = await runSvc(['service-list', '--bogus'], { env: { SVC_DB: db } });
    expect(result.stderr).toBe("svc: error: unknown option '--bogus'\n");
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });
});
