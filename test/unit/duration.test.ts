import { describe, expect, test } from '@jest/globals';
import { parseDuration } from '../../src/core/duration.js';
import { UsageError } from '../../src/core/errors.js';

describe('parseDuration', () => {
  test.each([
    ['90s', 90],
    ['15m', 900],
    ['12h', 43_200],
    ['7d', 604_800],
    ['2D', 172_800],
    [' 3h ', 10_800],
  ])('%s is %d seconds', (text, seconds) => {
    expect(parseDuration('--older-than', text)).toBe(seconds);
  });

  test.each(['', '90', '0s', '-5m', '1.5h', '1w', '1h30m', 'h', '99999999999999d'])('refuses %p', (text) => {
    expect(() => parseDuration('--older-than', text)).toThrow(UsageError);
  });
});
