import { join } from 'node:path';
import { beforeAll, describe, expect, jest, test } from '@jest/globals';
import fc from 'fast-check';
import { main } from '../../src/cli.js';
import type { Io } from '../../src/context.js';
import { createFixtureDb, readAllRows } from '../helpers/fixture-db.js';
import { runSvc, tempDir } from '../helpers/svc-process.js';
import { integrityOf, STACK_TRACE } from './reliability-helpers.js';

jest.setTimeout(180_000);

/** Runs of the CLI inside this process (cheap) and as separate processes (each ~100 ms). */
const IN_PROCESS_RUNS = 500;
const SPAWNED_RUNS = 40;

const NOW = '2026-03-01T12:00:00Z';

/** Text an operator, a script or an attacker might pass: ordinary names, SQL, wildcards, unicode, control characters. */
const hostileText = fc.oneof(
  fc.constantFrom(
    'h1', 'h1@lvm', 'h1@lvm#pool', 'cinder-volume', 'cinder-scheduler', '', ' ', '-', '--', '-x', '%', '_', "'", '"', ';',
    "x'; DROP TABLE services; --", 'ĥøšt', '主机', 'h'.repeat(255), 'h'.repeat(256), 'r'.repeat(300), 'a\u0000b', 'tab\there',
    'line\nbreak', '\u001b[31mred', '1e3', '-5', '0', '99999999999999999999', 'NaN', 'table', 'json', 'csv', 'value', 'Host',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

/** Shell commands safe to run as --check. */
const safeCheck = fc.constantFrom('true', 'false', 'exit 7', 'kill -9 $$', 'sleep 5');

const option = fc.oneof(
  fc.tuple(fc.constantFrom('--host', '--binary', '-f', '--format', '-c', '--column', '--reason', '--zone', '--topic', '--cluster'), hostileText),
  fc.tuple(fc.constantFrom('--service-down-time', '--busy-timeout', '--check-timeout'), fc.oneof(hostileText, fc.constantFrom('0.2', '1', '60'))),
  fc.tuple(fc.constant('--check'), safeCheck),
  // A valid --interval would beat forever; only its rejections are explored.
  fc.tuple(fc.constant('--interval'), fc.constantFrom('0', '-1', 'soon', '', '1e9999')),
  fc.constantFrom(['--withreplication'], ['--verbose'], ['--no-color'], ['--help'], ['--version'], ['-h'], ['--'], ['--bogus']),
  fc.tuple(hostileText),
);

/** Names that exist in the test database, so that commands get as far as the store. */
const knownName = fc.constantFrom('h1', 'h1@lvm', 'h1@lvm#pool', 'cinder-volume', 'cinder-scheduler', "x'; DROP TABLE services; --");
const name = fc.oneof({ arbitrary: knownName, weight: 3 }, { arbitrary: hostileText, weight: 1 });
const format = fc.oneof(fc.constantFrom('table', 'json', 'csv', 'value', 'JSON'), hostileText);
const maybe = (words: fc.Arbitrary<string[]>): fc.Arbitrary<string[]> => fc.option(words, { nil: [] });

/** Command lines shaped like real ones, with hostile values in the slots. */
const wellFormed = fc.oneof(
  fc
    .tuple(
      maybe(fc.tuple(fc.constant('--host'), name)),
      maybe(fc.tuple(fc.constant('--binary'), name)),
      maybe(fc.tuple(fc.constant('-f'), format)),
      fc.array(fc.tuple(fc.constant('-c'), fc.oneof(fc.constantFrom('Host', 'state', 'Frozen', 'disabled_reason'), hostileText)), { maxLength: 2 }),
      maybe(fc.constant(['--withreplication'])),
    )
    .map(([host, binary, f, columns, replication]) => ['service-list', ...host, ...binary, ...f, ...columns.flat(), ...replication]),
  fc
    .tuple(
      fc.tuple(fc.constant('--binary'), name),
      maybe(fc.tuple(fc.constant('--host'), name)),
      maybe(fc.tuple(fc.constantFrom('--zone', '--cluster', '--topic'), name)),
      maybe(fc.tuple(fc.constant('--check'), safeCheck)),
      maybe(fc.constant(['--verbose'])),
    )
    .map(([binary, host, extra, check, verbose]) => ['heartbeat', ...binary, ...host, ...extra, ...check, ...verbose]),
  fc
    .tuple(fc.constantFrom('disable', 'enable', 'remove'), name, name, maybe(fc.tuple(fc.constant('--reason'), hostileText)), maybe(fc.tuple(fc.constant('-f'), format)))
    .map(([command, host, binary, reason, f]) => [command, host, binary, ...reason, ...f]),
);

/** Anything at all built from svc's words and hostile text. */
const chaotic = fc
  .tuple(fc.constantFrom('service-list', 'heartbeat', 'disable', 'enable', 'remove', 'help', 'frobnicate', ''), fc.array(option, { maxLength: 6 }))
  .map(([command, options]) => (command === '' ? options.flat() : [command, ...options.flat()]));

const argv = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom('--service-down-time', '--busy-timeout'), fc.oneof(hostileText, fc.constantFrom('0', '60', '1000'))), { maxLength: 1, depthIdentifier: 'globals' }), fc.oneof(wellFormed, wellFormed, chaotic))
  .map(([globals, words]) => {
    const args = [...globals.flat(), ...words];
    // A short --check-timeout keeps a hanging check cheap to explore.
    return args.includes('--check') ? [...args, '--check-timeout', '0.3'] : args;
  });

function makeDatabase(): string {
  const db = join(tempDir(), 'services.db');
  createFixtureDb(db, [
    { host: 'h1@lvm', binary: 'cinder-volume', updated_at: '2026-03-01 11:59:30' },
    { host: 'h1', binary: 'cinder-scheduler', updated_at: '2026-01-01 00:00:00', disabled: 1, disabled_reason: 'old' },
    { host: "x'; DROP TABLE services; --", binary: 'cinder-volume' },
    { host: 'h1@lvm#pool', binary: 'cinder-volume', updated_at: null, created_at: null },
  ]);
  return db;
}

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function expectWellBehaved(args: string[], outcome: Outcome, db: string, rowsBefore: unknown[]): void {
  const context = JSON.stringify(args);
  expect([context, outcome.code === 0 || outcome.code === 1 || outcome.code === 2]).toEqual([context, true]);
  expect(outcome.stderr).not.toMatch(STACK_TRACE);
  expect([context, outcome.stderr.includes('unexpected failure')]).toEqual([context, false]);
  if (outcome.code !== 0 && !/Usage: svc/.test(outcome.stderr + outcome.stdout)) {
    expect([context, outcome.stderr]).toEqual([context, expect.stringMatching(/^svc: error: [^\n]+\n$/)]);
  }
  expect(integrityOf(db)).toBe('ok');
  if (outcome.code !== 0) expect([context, readAllRows(db)]).toEqual([context, rowsBefore]);
}

describe('random argument vectors', () => {
  let db: string;
  beforeAll(() => {
    db = makeDatabase();
  });

  test(`${IN_PROCESS_RUNS} runs in process: exit 0, 1 or 2, one error line, nothing written on failure`, async () => {
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        const rowsBefore = readAllRows(db);
        let stdout = '';
        let stderr = '';
        const io: Io = {
          stdout: { write: (text: string) => (stdout += text) },
          stderr: { write: (text: string) => (stderr += text) },
          env: { SVC_NOW: NOW, HOME: tempDir('svc-home-') },
        };
        const code = await main(['--db', db, ...args], io);
        expectWellBehaved(args, { code, stdout, stderr }, db, rowsBefore);
      }),
      { numRuns: IN_PROCESS_RUNS },
    );
  });

  test(`${SPAWNED_RUNS} runs of the built binary: exit 0, 1 or 2, no stack trace, the database intact`, async () => {
    await fc.assert(
      // A real command line cannot carry a NUL byte.
      fc.asyncProperty(argv.filter((args) => args.every((word) => !word.includes('\u0000'))), async (args) => {
        const rowsBefore = readAllRows(db);
        const result = await runSvc(args, { env: { SVC_DB: db, SVC_NOW: NOW }, timeoutMs: 20_000 });
        expect(result.signal).toBeNull();
        expectWellBehaved(args, result, db, rowsBefore);
      }),
      { numRuns: SPAWNED_RUNS },
    );
  });
});
