import { afterAll, beforeAll, expect, jest, test } from '@jest/globals';
import { parseIsoTimestamp } from '../../src/core/time.js';
import { openMysqlStore } from '../../src/store/mysql-store.js';
import { parseMysqlUrl } from '../../src/store/mysql-url.js';
import type { ServiceStore } from '../../src/store/store.js';
import { databaseOf, startMariaDb, type MariaDbServer } from '../helpers/mariadb-server.js';
import { runSvc } from '../helpers/svc-process.js';

// Each test spawns svc several times; the machine may be busy with other suites.
jest.setTimeout(60_000);

// Each writer has its own connection, as each host does: the server sees the same
// interleaving as from separate machines.
const WRITERS = 8;
const BEATS = 40;
const NOW = parseIsoTimestamp('2026-03-01T12:00:00Z')!;

let server: MariaDbServer;

beforeAll(async () => {
  server = await startMariaDb();
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

async function liveRows(url: string): Promise<{ host: string; binary: string; report_count: number }[]> {
  const [rows] = await server.admin.query(
    `SELECT host, \`binary\`, report_count FROM \`${databaseOf(url)}\`.services WHERE deleted = 0 ORDER BY id`,
  );
  return rows as { host: string; binary: string; report_count: number }[];
}

async function openWriters(url: string, count: number): Promise<ServiceStore[]> {
  const target = parseMysqlUrl(url);
  const first = await openMysqlStore(target, { busyTimeoutMs: 10_000, connectTimeoutMs: 10_000 }); // creates the table
  const others = await Promise.all(
    Array.from({ length: count - 1 }, () => openMysqlStore(target, { busyTimeoutMs: 10_000, connectTimeoutMs: 10_000 })),
  );
  return [first, ...others];
}

test(`${WRITERS} writers x ${BEATS} beats on one service and ${BEATS} first-beat races lose nothing and duplicate nothing`, async () => {
  const url = await server.createDatabase();
  const writers = await openWriters(url, WRITERS);
  try {
    await Promise.all(
      writers.map(async (store, writer) => {
        for (let beat = 0; beat < BEATS; beat += 1) {
          const now = NOW + beat * 1_000_000;
          await store.recordHeartbeat({ host: 'shared@lvm', binary: 'cinder-volume', topic: 'cinder-volume', zone: 'nova' }, now);
          // Every writer's first beat of `race-N` races every other writer's.
          await store.recordHeartbeat({ host: `race-${beat}`, binary: 'cinder-backup', topic: 'cinder-backup', zone: 'nova' }, now);
          await store.recordHeartbeat({ host: `own-${writer}`, binary: 'cinder-scheduler', topic: 'cinder-scheduler', zone: 'nova' }, now);
        }
      }),
    );
  } finally {
    await Promise.all(writers.map((store) => store.close()));
  }
  const rows = await liveRows(url);
  expect(rows.filter((row) => row.host === 'shared@lvm')).toEqual([
    { host: 'shared@lvm', binary: 'cinder-volume', report_count: WRITERS * BEATS },
  ]);
  const races = rows.filter((row) => row.host.startsWith('race-'));
  expect(races.map((row) => row.host).sort()).toEqual(Array.from({ length: BEATS }, (_, n) => `race-${n}`).sort());
  expect(races.every((row) => row.report_count === WRITERS)).toBe(true);
  const own = rows.filter((row) => row.host.startsWith('own-'));
  expect(own.map((row) => [row.host, row.report_count]).sort()).toEqual(
    Array.from({ length: WRITERS }, (_, n) => [`own-${n}`, BEATS]).sort(),
  );
  expect(rows).toHaveLength(1 + BEATS + WRITERS);
}, 120_000);

test('first heartbeats from separate svc processes at once create one row and count every beat', async () => {
  const url = await server.createDatabase();
  const processes = 6;
  const results = await Promise.all(
    Array.from({ length: processes }, () =>
      runSvc(['heartbeat', '--binary', 'cinder-volume', '--host', 'new@lvm'], { env: { SVC_DB: url } }),
    ),
  );
  expect(results.map((result) => [result.code, result.stderr])).toEqual(Array(processes).fill([0, '']));
  expect(await liveRows(url)).toEqual([{ host: 'new@lvm', binary: 'cinder-volume', report_count: processes }]);
}, 60_000);
