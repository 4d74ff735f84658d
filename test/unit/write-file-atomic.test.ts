import { chmodSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, closeSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { SvcError } from '../../src/core/errors.js';
import { temporaryPathFor, writeFileAtomic } from '../../src/write-file-atomic.js';
import { tempDir } from '../helpers/svc-process.js';

describe('temporaryPathFor', () => {
  test('is hidden, in the same folder, and not a *.prom file', () => {
    const path = temporaryPathFor('/var/lib/node_exporter/svc.prom');
    expect(dirname(path)).toBe('/var/lib/node_exporter');
    expect(path).toMatch(/^\/var\/lib\/node_exporter\/\.svc\.prom\.[0-9a-f]{12}\.tmp$/);
  });
});

describe('writeFileAtomic', () => {
  test('creates the file and leaves nothing else behind', async () => {
    const dir = tempDir();
    await writeFileAtomic(join(dir, 'svc.prom'), 'one\n');
    expect(readdirSync(dir)).toEqual(['svc.prom']);
    expect(readFileSync(join(dir, 'svc.prom'), 'utf8')).toBe('one\n');
  });

  test('replaces the file by rename: a reader holding the old file still reads all of it', async () => {
    const dir = tempDir();
    const path = join(dir, 'svc.prom');
    writeFileSync(path, 'old contents\n');
    const reader = openSync(path, 'r');
    try {
      await writeFileAtomic(path, 'new\n');
      const buffer = Buffer.alloc(64);
      const length = readSync(reader, buffer, 0, 64, 0);
      expect(buffer.subarray(0, length).toString()).toBe('old contents\n');
    } finally {
      closeSync(reader);
    }
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['svc.prom']);
  });

  test('keeps the permissions of the file it replaces', async () => {
    const path = join(tempDir(), 'svc.prom');
    writeFileSync(path, 'old\n');
    chmodSync(path, 0o640);
    await writeFileAtomic(path, 'new\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  test('a missing folder is an SvcError and creates nothing', async () => {
    const dir = tempDir();
    const attempt = writeFileAtomic(join(dir, 'missing', 'svc.prom'), 'x\n');
    await expect(attempt).rejects.toThrow(SvcError);
    await expect(attempt).rejects.toThrow(/cannot write .*svc\.prom: no such folder/);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a failed rename removes the temporary file', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'svc.prom'));
    writeFileSync(join(dir, 'svc.prom', 'inside'), 'keep\n');
    await expect(writeFileAtomic(join(dir, 'svc.prom'), 'x\n')).rejects.toThrow(SvcError);
    expect(readdirSync(dir)).toEqual(['svc.prom']);
    expect(readdirSync(join(dir, 'svc.prom'))).toEqual(['inside']);
  });
});
