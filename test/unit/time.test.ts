import { describe, expect, test } from '@jest/globals';
import { formatDbTimestamp, formatIsoTimestamp, parseDbTimestamp, parseIsoTimestamp } from '../../src/core/time.js';

describe('parseDbTimestamp', () => {
  test.each([
    ['2019-06-14 09:22:23.000000', Date.UTC(2019, 5, 14, 9, 22, 23) * 1000],
    ['2019-06-14 09:22:23', Date.UTC(2019, 5, 14, 9, 22, 23) * 1000],
    ['2019-06-14T09:22:23.5', Date.UTC(2019, 5, 14, 9, 22, 23) * 1000 + 500_000],
    ['2019-06-14 11:58:59.999999', Date.UTC(2019, 5, 14, 11, 58, 59) * 1000 + 999_999],
    ['2020-02-29 00:00:00', Date.UTC(2020, 1, 29) * 1000],
    ['1970-01-01 00:00:00.000001', 1],
  ])('%s', (text, micros) => {
    expect(parseDbTimestamp(text)).toBe(micros);
  });

  test.each([
    '', 'garbage', '2019-06-14', '2019-13-01 00:00:00', '2019-02-29 00:00:00', '2019-06-31 00:00:00',
    '2019-06-14 24:00:00', '2019-06-14 09:60:00', '2019-06-14 09:22:23.1234567', '2019-06-14 09:22:23Z',
  ])('%j is not a stored datetime', (text) => {
    expect(parseDbTimestamp(text)).toBeNull();
  });
});

describe('parseIsoTimestamp (SVC_NOW)', () => {
  test.each([
    ['2019-06-14T09:23:00Z', '2019-06-14 09:23:00.000000'],
    ['2019-06-14T09:23:00.000001z', '2019-06-14 09:23:00.000001'],
    ['2019-06-14T09:23:00', '2019-06-14 09:23:00.000000'],
    ['2019-06-14T11:23:00+02:00', '2019-06-14 09:23:00.000000'],
    ['2019-06-14T04:53:00.25-0430', '2019-06-14 09:23:00.250000'],
  ])('%s is %s UTC', (text, utc) => {
    expect(formatDbTimestamp(parseIsoTimestamp(text)!)).toBe(utc);
  });

  test.each(['now', '2019-06-14', '2019-06-14T09:23:00+2'])('%j is refused', (text) => {
    expect(parseIsoTimestamp(text)).toBeNull();
  });
});

describe('formatting keeps all six microsecond digits', () => {
  test.each([
    ['2019-06-14 11:58:59.999999', '2019-06-14T11:58:59.999999'],
    ['2019-06-14 09:22:23', '2019-06-14T09:22:23.000000'],
    ['1999-12-31 23:59:59.000001', '1999-12-31T23:59:59.000001'],
  ])('%s', (stored, shown) => {
    const micros = parseDbTimestamp(stored)!;
    expect(formatIsoTimestamp(micros)).toBe(shown);
    expect(parseDbTimestamp(formatDbTimestamp(micros))).toBe(micros);
  });
});
