import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, jest, test } from '@jest/globals';
import { createFixtureDb } from '../helpers/fixture-db.js';
import { runSvc, tempDir } from '../helpers/svc-process.js';
import { integrityOf, killStartedSvcs, reportCountOf, startSvc, type RunningSvc } from './reliability-helpers.js';

jest.setTimeout(120_000);
afterEach(killStartedSvcs);

const HOST = 'crashy';
const BINARY = 'cinder-volume';
const WAVES = 10;
const PER_WAVE = 6;

/** A small seeded generator, so a failing run can be replayed from the seed in its message. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function worldWritable(path: string): boolean {
  return (statSync(path).mode & 0o002) !== 0;
}

describe('SIGKILL at random moments during heartbeats', () => {
  const seed = Date.now() % 1_000_000;

  test(`${WAVES} waves of ${PER_WAVE} killed at random: database intact, nothing counted twice or lost`, async () => {
    const random = randomFrom(seed);
    const dir = tempDir();
    const db = join(dir, 'services.db');
    createFixtureDb(db, [{ host: HOST, binary: BINARY, report_count: 100, updated_at: '2026-01-01 00:00:00' }]);
    let started = 0;
    let exitedOk = 0;
    let killed = 0;

    for (let wave = 0; wave < WAVES; wave += 1) {
      const beats: RunningSvc[] = [];
      for (let i = 0; i < PER_WAVE; i += 1) {
        beats.push(startSvc(['heartbeat', '--host', HOST, '--binary', BINARY], { SVC_DB: db }, '000'));
        started += 1;
      }
      // Start-up takes most of a beat's life; the kills land before, during and after the write.
      const outcomes = await Promise.all(
        beats.map(async (beat) => {
          const delay = 40 + random() * 300;
          const timer = setTimeout(() => beat.child.kill('SIGKILL'), delay);
          const outcome = await beat.exited;
          clearTimeout(timer);
          return outcome;
        }),
      );
      for (const { code, signal } of outcomes) {
        if (code === 0) exitedOk += 1;
        else if (signal === 'SIGKILL') killed += 1;
        else throw new Error(`a heartbeat failed on its own: code ${code}`);
      }
    }

    expect([integrityOf(db), seed]).toEqual(['ok', seed]);
    const counted = reportCountOf(db, HOST, BINARY) - 100;
    expect(counted).toBeGreaterThanOrEqual(exitedOk);
    expect(counted).toBeLessThanOrEqual(started);
    expect(exitedOk + killed).toBe(started);
    // The files a killed process left behind (-wal, -shm) are no more writable than the database.
    for (const name of readdirSync(dir)) expect([name, worldWritable(join(dir, name))]).toEqual([name, false]);

    const after = await runSvc(['heartbeat', '--host', HOST, '--binary', BINARY], { env: { SVC_DB: db } });
    expect([after.code, after.stderr]).toEqual([0, '']);
    expect(reportCountOf(db, HOST, BINARY) - 100).toBe(counted + 1);
    console.info(`crash test: ${started} started, ${killed} killed, ${exitedOk} exited 0, ${counted} counted (seed ${seed})`);
  });
});

describe('SIGKILL while beating continuously', () => {
  test('every beat it printed is counted, at most one more (the one killed between commit and print)', async () => {
    const seed = Date.now() % 1_000_000;
    const random = randomFrom(seed);
    const dir = tempDir();
    const db = join(dir, 'services.db');
    createFixtureDb(db, [{ host: HOST, binary: BINARY, report_count: 1 }]);
    for (let round = 0; round < 8; round += 1) {
      const before = reportCountOf(db, HOST, BINARY);
      const svc = startSvc(['heartbeat', '--host', HOST, '--binary', BINARY, '--interval', '0.001', '--verbose'], { SVC_DB: db });
      await new Promise((resolve) => setTimeout(resolve, 150 + random() * 300));
      svc.child.kill('SIGKILL');
      expect(await svc.exited).toEqual({ code: null, signal: 'SIGKILL' });
      const printed = svc.stdout().split('\n').filter((line) => line.includes('report_count')).length;
      const counted = reportCountOf(db, HOST, BINARY) - before;
      expect(integrityOf(db)).toBe('ok');
      expect([counted >= printed, counted <= printed + 1, seed]).toEqual([true, true, seed]);
    }
  });
});

describe('new database files and folders are never world-writable', () => {
  test.each([
    ['000', '755'],
    ['002', '755'],
    ['077', '700'],
  ])('under umask %s, new folders are %s and the database is not group or world writable', async (umask, folderMode) => {
    const root = tempDir();
    const db = join(root, 'a', 'b', 'services.db');
    const svc = startSvc(['heartbeat', '--host', 'h1', '--binary', BINARY], { SVC_DB: db }, umask);
    expect(await svc.exited).toEqual({ code: 0, signal: null });
    for (const folder of [join(root, 'a'), join(root, 'a', 'b')]) {
      expect((statSync(folder).mode & 0o777).toString(8)).toBe(folderMode);
    }
    for (const name of readdirSync(join(root, 'a', 'b'))) {
      expect([name, statSync(join(root, 'a', 'b', name)).mode & 0o022]).toEqual([name, 0]);
    }
  });
});
