import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, expect, jest, test } from '@jest/globals';
import { SVC_BIN, tempDir } from '../helpers/svc-process.js';

// Each test spawns svc several times; the machine may be busy with other suites.
jest.setTimeout(60_000);

// A module hook that refuses to resolve mysql2: SQLite start-up must never ask for it.
let folder: string;
let register: string;

beforeAll(() => {
  folder = tempDir('svc-loading-');
  writeFileSync(
    join(folder, 'hooks.mjs'),
    `export async function resolve(specifier, context, next) {
       if (specifier === 'mysql2' || specifier.startsWith('mysql2/')) throw new Error('mysql2 was loaded');
       return next(specifier, context);
     }\n`,
  );
  register = join(folder, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
});

function svcWithoutMysql2(args: string[]): ReturnType<typeof spawnSync> {
  return spawnSync(process.execPath, ['--import', pathToFileURL(register).href, SVC_BIN, ...args], {
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: folder, SVC_NOW: '2026-03-01T12:00:00Z' },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

test('SQLite commands run without loading mysql2', () => {
  const db = join(folder, 'services.db');
  const beat = svcWithoutMysql2(['--db', db, 'heartbeat', '--binary', 'cinder-volume', '--host', 'h1']);
  expect([beat.status, beat.stderr]).toEqual([0, '']);
  const list = svcWithoutMysql2(['--db', db, 'service-list', '-f', 'value']);
  expect([list.status, list.stdout, list.stderr]).toEqual([
    0,
    'cinder-volume h1 nova enabled up 2026-03-01T12:00:00.000000 - -\n',
    '',
  ]);
});

test('a mysql:// URL is what loads mysql2', () => {
  const result = svcWithoutMysql2(['--db', 'mysql://svc:pw@127.0.0.1:1/cinder', 'service-list']);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('mysql2 was loaded');
});
