import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { main } from '../../src/cli.js';
import { createFixtureDb } from '../helpers/fixture-db.js';
import { tempDir } from '../helpers/svc-process.js';

function capture(isTTY: boolean) {
  const out = { text: '', isTTY, write: (chunk: string) => (out.text += chunk) };
  return out;
}

async function listOnTerminal(env: Record<string, string>, ...flags: string[]): Promise<string> {
  const db = join(tempDir(), 's.db');
  createFixtureDb(db, [
    { created_at: '2019-06-14 09:00:00', updated_at: '2019-06-14 09:22:59', host: 'a', binary: 'b' },
    { created_at: '2019-06-14 09:00:00', updated_at: '2019-06-14 09:00:00', host: 'c', binary: 'b' },
  ]);
  const stdout = capture(true);
  const stderr = capture(false);
  const code = await main([...flags, 'service-list'], { stdout, stderr, env: { SVC_DB: db, SVC_NOW: '2019-06-14T09:23:00Z', ...env } });
  expect(code).toBe(0);
  expect(stderr.text).toBe('');
  return stdout.text;
}

describe('colour on a terminal', () => {
  test('up is green and down red, the padding left plain', async () => {
    const text = await listOnTerminal({});
    expect(text).toContain('| \u001b[32mup\u001b[39m    |');
    expect(text).toContain('| \u001b[31mdown\u001b[39m  |');
  });

  test('NO_COLOR and --no-color turn it off', async () => {
    expect(await listOnTerminal({ NO_COLOR: '1' })).not.toContain('\u001b[');
    expect(await listOnTerminal({}, '--no-color')).not.toContain('\u001b[');
  });
});
