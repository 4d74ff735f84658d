import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, jest, test } from '@jest/globals';
import Database from 'better-sqlite3';
import { createFixtureDb, readAllRows } from '../helpers/fixture-db.js';
import { runSvc, tempDir } from '../helpers/svc-process.js';
import {
  isGone,
  killStartedSvcs,
  ONE_ERROR_LINE,
  reportCountOf,
  startSvc,
  waitFor,
  type RunningSvc,
} from './reliability-helpers.js';

jest.setTimeout(60_000);
afterEach(killStartedSvcs);

const HOST = 'h1';
const BINARY = 'cinder-volume';
const BEAT = ['heartbeat', '--host', HOST, '--binary', BINARY];
/** The bound: a signalled --interval loop is gone within a second. */
const STOP_BOUND_MS = 1000;

function beatLines(svc: RunningSvc): string[] {
  return svc.stdout().split('\n').filter((line) => line !== '');
}

/** Sends `signal` and resolves with the exit and how long it took. */
async function stop(svc: RunningSvc, signal: NodeJS.Signals): Promise<{ code: number | null; elapsedMs: number }> {
  const sent = performance.now();
  svc.child.kill(signal);
  const { code } = await svc.exited;
  return { code, elapsedMs: performance.now() - sent };
}

/** The pids a check wrote to `file`: the shell (leader of its process group) and a background child. */
function checkThatHangs(file: string): string {
  return `sleep 30 & echo "$$ $!" > '${file}'; wait`;
}

function pidsIn(file: string): number[] {
  return readFileSync(file, 'utf8').trim().split(' ').map(Number);
}

describe('heartbeat --interval', () => {
  test.each(['SIGTERM', 'SIGINT'] as const)('%s stops it within a second with exit 0; every beat written whole', async (signal) => {
    const db = join(tempDir(), 'services.db');
    const svc = startSvc([...BEAT, '--interval', '0.2', '--verbose'], { SVC_DB: db });
    await waitFor(() => beatLines(svc).length >= 3, 'three beats');
    const { code, elapsedMs } = await stop(svc, signal);
    expect(code).toBe(0);
    expect(elapsedMs).toBeLessThan(STOP_BOUND_MS);
    expect(svc.stderr()).toBe('');
    const lines = beatLines(svc);
    expect(lines.at(-1)).toContain(`report_count ${lines.length},`);
    expect(reportCountOf(db, HOST, BINARY)).toBe(lines.length);
  });

  test('a signal during an in-flight write lets the write finish, then stops', async () => {
    const db = join(tempDir(), 'services.db');
    createFixtureDb(db, [{ host: HOST, binary: BINARY, report_count: 1 }]);
    const svc = startSvc([...BEAT, '--interval', '0.2', '--verbose'], { SVC_DB: db });
    await waitFor(() => beatLines(svc).length >= 1, 'the first beat');
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    const countWhileLocked = reportCountOf(db, HOST, BINARY);
    // The next tick is now waiting for the lock inside its write transaction.
    await new Promise((resolve) => setTimeout(resolve, 600));
    svc.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(isGone(svc.child.pid!)).toBe(false);
    holder.exec('COMMIT');
    holder.close();
    const released = performance.now();
    const { code } = await svc.exited;
    expect(performance.now() - released).toBeLessThan(STOP_BOUND_MS);
    expect([code, svc.stderr()]).toEqual([0, '']);
    expect(reportCountOf(db, HOST, BINARY)).toBe(countWhileLocked + 1);
    expect(beatLines(svc).at(-1)).toContain(`report_count ${countWhileLocked + 1},`);
  });

  test('a signal while the --check runs kills the check\'s whole process group and exits 0', async () => {
    const dir = tempDir();
    const db = join(dir, 'services.db');
    const pidFile = join(dir, 'check.pids');
    const svc = startSvc([...BEAT, '--interval', '0.2', '--check', checkThatHangs(pidFile)], { SVC_DB: db });
    await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').includes(' '), 'the check to start');
    const { code, elapsedMs } = await stop(svc, 'SIGTERM');
    expect([code, svc.stderr()]).toEqual([0, '']);
    expect(elapsedMs).toBeLessThan(STOP_BOUND_MS);
    for (const pid of pidsIn(pidFile)) await waitFor(() => isGone(pid), `check process ${pid} to die`, 2000);
    expect(existsSync(db) ? readAllRows(db) : []).toEqual([]);
  });

  test('a locked database is one line per tick and is retried at the next tick', async () => {
    const db = join(tempDir(), 'services.db');
    createFixtureDb(db, [{ host: HOST, binary: BINARY, report_count: 1 }]);
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    const svc = startSvc(['--busy-timeout', '100', ...BEAT, '--interval', '0.2'], { SVC_DB: db });
    await waitFor(() => svc.stderr().split('\n').length > 3, 'three failed ticks');
    holder.exec('COMMIT');
    holder.close();
    await waitFor(() => reportCountOf(db, HOST, BINARY) >= 3, 'beats after the lock is released');
    const { code } = await stop(svc, 'SIGTERM');
    expect(code).toBe(0);
    const lines = svc.stderr().trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(line).toMatch(/^svc: error: database is locked: .*nothing was written$/);
  });

  test('an unreachable database is one line per tick, and beats resume once it is reachable', async () => {
    const dir = tempDir();
    const blocker = join(dir, 'data');
    writeFileSync(blocker, 'a file where the folder should be');
    const db = join(blocker, 'services.db');
    const svc = startSvc([...BEAT, '--interval', '0.2'], { SVC_DB: db });
    await waitFor(() => svc.stderr().split('\n').length > 2, 'two failed ticks');
    rmSync(blocker);
    mkdirSync(blocker);
    await waitFor(() => existsSync(db) && reportCountOf(db, HOST, BINARY) >= 2, 'beats once the folder exists');
    const { code } = await stop(svc, 'SIGTERM');
    expect(code).toBe(0);
    for (const line of svc.stderr().trimEnd().split('\n')) {
      expect(line).toMatch(/^svc: error: cannot create the folder of .*: a parent is not a directory$/);
    }
  });
});

describe('heartbeat --check', () => {
  test('a failing check: one line, exit 1, nothing written', async () => {
    const db = join(tempDir(), 'services.db');
    createFixtureDb(db, [{ host: HOST, binary: BINARY, report_count: 4 }]);
    const before = readAllRows(db);
    const result = await runSvc([...BEAT, '--check', 'exit 3'], { env: { SVC_DB: db } });
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(result.stderr).toMatch(/^svc: error: health check exited with status 3; no heartbeat sent, .* will appear down\n$/);
    expect(readAllRows(db)).toEqual(before);
  });

  test('a check that hangs past --check-timeout has its whole process group killed', async () => {
    const dir = tempDir();
    const db = join(dir, 'services.db');
    const pidFile = join(dir, 'check.pids');
    const result = await runSvc([...BEAT, '--check', checkThatHangs(pidFile), '--check-timeout', '0.5'], {
      env: { SVC_DB: db },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^svc: error: health check timed out after 0.5 s; no heartbeat sent.*\n$/);
    for (const pid of pidsIn(pidFile)) await waitFor(() => isGone(pid), `check process ${pid} to die`, 2000);
    expect(existsSync(db) ? readAllRows(db) : []).toEqual([]);
  });

  test('SIGTERM to a single heartbeat during its check kills the check: exit 1, one line, nothing written', async () => {
    const dir = tempDir();
    const db = join(dir, 'services.db');
    const pidFile = join(dir, 'check.pids');
    const svc = startSvc([...BEAT, '--check', checkThatHangs(pidFile)], { SVC_DB: db });
    await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').includes(' '), 'the check to start');
    const { code, elapsedMs } = await stop(svc, 'SIGTERM');
    expect(code).toBe(1);
    expect(elapsedMs).toBeLessThan(STOP_BOUND_MS);
    expect(svc.stderr()).toMatch(ONE_ERROR_LINE);
    expect(svc.stderr()).toContain('no heartbeat sent');
    for (const pid of pidsIn(pidFile)) await waitFor(() => isGone(pid), `check process ${pid} to die`, 2000);
    expect(existsSync(db) ? readAllRows(db) : []).toEqual([]);
  });
});
