import { join } from 'node:path';
import { describe, expect, jest, test } from '@jest/globals';
import Database from 'better-sqlite3';
import { createFixtureDb, readAllRows, SCHEMA_SQL } from '../helpers/fixture-db.js';
import { runSvc, tempDir, type SvcResult } from '../helpers/svc-process.js';
import { integrityOf, reportCountOf, STACK_TRACE } from './reliability-helpers.js';

jest.setTimeout(120_000);

const WRITERS = 8;
const BEATS_PER_WRITER = 25;
const LISTERS = 2;
const TARGET = { host: 'node-1@lvm', binary: 'cinder-volume' };
const BYSTANDERS = [
  { host: 'node-1', binary: 'cinder-scheduler' },
  { host: 'node-2@lvm', binary: 'cinder-volume' },
  { host: 'node-3', binary: 'cinder-backup' },
];
const START_COUNT = 1000;

/** Runs `count` commands one after another, as one cron job would. */
async function sequentially(count: number, args: () => string[], env: Record<string, string>): Promise<SvcResult[]> {
  const results: SvcResult[] = [];
  for (let i = 0; i < count; i += 1) results.push(await runSvc(args(), { env, timeoutMs: 60_000 }));
  return results;
}

describe('many writers and readers on one database', () => {
  test(`${WRITERS} writers x ${BEATS_PER_WRITER} beats while ${LISTERS} others list: nothing lost, nothing locked`, async () => {
    const db = join(tempDir(), 'services.db');
    createFixtureDb(db, [
      { ...TARGET, created_at: '2026-01-01 00:00:00', updated_at: '2026-01-01 00:00:00', report_count: START_COUNT },
      ...BYSTANDERS.map((service) => ({ ...service, created_at: '2026-01-01 00:00:00', updated_at: '2026-01-01 00:00:00' })),
    ]);
    const env = { SVC_DB: db };
    let writersDone = false;

    const writers = Array.from({ length: WRITERS }, () =>
      sequentially(BEATS_PER_WRITER, () => ['heartbeat', '--host', TARGET.host, '--binary', TARGET.binary], env),
    );
    const listers = Array.from({ length: LISTERS }, async () => {
      const listings: SvcResult[] = [];
      while (!writersDone) listings.push(await runSvc(['service-list', '-f', 'json'], { env, timeoutMs: 60_000 }));
      return listings;
    });
    const beats = (await Promise.all(writers)).flat();
    writersDone = true;
    const listings = (await Promise.all(listers)).flat();

    const failures = [...beats, ...listings].filter((result) => result.code !== 0);
    expect(failures.map((result) => result.stderr)).toEqual([]);
    for (const beat of beats) expect(beat.stderr).toBe('');

    const succeeded = beats.filter((beat) => beat.code === 0).length;
    expect(succeeded).toBe(WRITERS * BEATS_PER_WRITER);
    expect(reportCountOf(db, TARGET.host, TARGET.binary)).toBe(START_COUNT + succeeded);
    expect(readAllRows(db)).toHaveLength(1 + BYSTANDERS.length);

    expect(listings.length).toBeGreaterThanOrEqual(LISTERS);
    for (const listing of listings) {
      const { services } = JSON.parse(listing.stdout) as { services: { host: string; binary: string; state: string }[] };
      expect(services.map(({ host, binary }) => ({ host, binary }))).toEqual([TARGET, ...BYSTANDERS]);
    }
    expect(integrityOf(db)).toBe('ok');
  });

  test('on a rollback-journal database (as Cinder leaves it) writers and a reader lose nothing either', async () => {
    const db = join(tempDir(), 'cinder.db');
    createFixtureDb(db, [{ ...TARGET, report_count: 1 }], SCHEMA_SQL.replace(/PRAGMA user_version = 1;/, ''));
    const setup = new Database(db);
    setup.pragma('journal_mode = DELETE');
    setup.close();
    const env = { SVC_DB: db };
    let writersDone = false;
    const writers = Array.from({ length: 4 }, () =>
      sequentially(10, () => ['heartbeat', '--host', TARGET.host, '--binary', TARGET.binary], env),
    );
    const lister = (async () => {
      const listings: SvcResult[] = [];
      while (!writersDone) listings.push(await runSvc(['service-list', '-f', 'value', '-c', 'host'], { env, timeoutMs: 60_000 }));
      return listings;
    })();
    const beats = (await Promise.all(writers)).flat();
    writersDone = true;
    const listings = await lister;

    expect([...beats, ...listings].filter((result) => result.code !== 0).map((result) => result.stderr)).toEqual([]);
    for (const listing of listings) expect(listing.stdout).toBe(`${TARGET.host}\n`);
    expect(reportCountOf(db, TARGET.host, TARGET.binary)).toBe(1 + beats.length);
    expect(integrityOf(db)).toBe('ok');
  });

  test('simultaneous first heartbeats of a new service create exactly one live row', async () => {
    const fresh = join(tempDir(), 'new-folder', 'services.db');
    const existing = join(tempDir(), 'services.db');
    createFixtureDb(existing, [{ host: 'other', binary: 'cinder-volume' }]);

    for (const db of [fresh, existing]) {
      const beats = await Promise.all(
        Array.from({ length: 10 }, () =>
          runSvc(['heartbeat', '--host', 'newcomer', '--binary', 'cinder-backup'], { env: { SVC_DB: db } }),
        ),
      );
      expect(beats.map((beat) => [beat.code, beat.stderr])).toEqual(beats.map(() => [0, '']));
      const rows = readAllRows(db).filter((row) => row['host'] === 'newcomer');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ deleted: 0, report_count: 10, binary: 'cinder-backup' });
      expect(integrityOf(db)).toBe('ok');
    }
  });

  test('disable and enable racing heartbeats: both effects survive', async () => {
    const db = join(tempDir(), 'services.db');
    createFixtureDb(db, [{ host: 'racer', binary: 'cinder-volume', report_count: 5, updated_at: '2026-01-01 00:00:00' }]);
    const env = { SVC_DB: db };

    const beating = Array.from({ length: 4 }, () =>
      sequentially(10, () => ['heartbeat', '--host', 'racer', '--binary', 'cinder-volume'], env),
    );
    const administering = (async () => {
      const results: SvcResult[] = [];
      for (let round = 0; round < 5; round += 1) {
        results.push(await runSvc(['disable', 'racer', 'cinder-volume', '--reason', `round ${round}`], { env }));
        results.push(await runSvc(['enable', 'racer', 'cinder-volume'], { env }));
      }
      results.push(await runSvc(['disable', 'racer', 'cinder-volume', '--reason', 'final: keep it off'], { env }));
      return results;
    })();
    const beats = (await Promise.all(beating)).flat();
    const admin = await administering;

    expect([...beats, ...admin].filter((result) => result.code !== 0).map((result) => result.stderr)).toEqual([]);
    const [row] = readAllRows(db);
    expect(row).toMatchObject({
      report_count: 5 + beats.length,
      disabled: 1,
      disabled_reason: 'final: keep it off',
    });
    // The heartbeats moved updated_at, the admin commands only modified_at.
    expect(row!['updated_at']).not.toBe('2026-01-01 00:00:00');
    expect(row!['modified_at']).not.toBeNull();
    for (const result of [...beats, ...admin]) expect(result.stderr).not.toMatch(STACK_TRACE);
  });
});
