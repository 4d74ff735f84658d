import { describe, expect, test } from '@jest/globals';
import { UsageError } from '../../src/core/errors.js';
import { parseSeconds, parseWholeNumber, validateHost, validateName, validateReason } from '../../src/core/validate.js';

describe('validation', () => {
  test.each(['node1', '10.24.1.9', 'node1@lvm#pool_1', 'host:8776/x+y', '[fe80::1]', 'h'.repeat(255)])('host %j is accepted', (host) => {
    expect(validateHost(host)).toBe(host);
  });

  test.each(['', 'bad host', 'h;rm', "o'neil", 'höst', 'h'.repeat(256), 'h\n'])('host %j is refused', (host) => {
    expect(() => validateHost(host)).toThrow(UsageError);
  });

  test('names: 1-255 characters without control characters', () => {
    expect(validateName('binary', 'cinder-volume')).toBe('cinder-volume');
    expect(validateName('binary', 'é'.repeat(255))).toHaveLength(255);
    expect(() => validateName('binary', '')).toThrow(UsageError);
    expect(() => validateName('binary', 'x'.repeat(256))).toThrow(UsageError);
    expect(() => validateName('binary', 'a\tb')).toThrow(UsageError);
  });

  test('reasons are trimmed and must keep 1-255 characters', () => {
    expect(validateReason('  disk swap \n')).toBe('disk swap');
    expect(validateReason(` ${'r'.repeat(255)} `)).toHaveLength(255);
    expect(() => validateReason(' \t ')).toThrow(UsageError);
    expect(() => validateReason('r'.repeat(256))).toThrow(UsageError);
  });

  test('numbers', () => {
    expect(parseWholeNumber('x', '60')).toBe(60);
    expect(parseWholeNumber('x', '0')).toBe(0);
    for (const bad of ['-1', '1.5', 'abc', '', '1e3', '99999999999999999999']) {
      expect(() => parseWholeNumber('x', bad)).toThrow(UsageError);
    }
    expect(parseSeconds('x', '0.5')).toBe(0.5);
    for (const bad of ['0', '-1', 'ten', '']) expect(() => parseSeconds('x', bad)).toThrow(UsageError);
  });
});
