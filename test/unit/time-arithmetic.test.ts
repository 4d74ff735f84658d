import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  dbTimestampToIso,
  formatDbTimestamp,
  formatIsoTimestamp,
  parseDbTimestamp,
  parseIsoTimestamp,
} from '../../src/core/time.js';

// The Date-based versions svc used before the arithmetic ones: the oracle they must match.
const REFERENCE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/;

function referenceParse(text: string): number | null {
  const match = REFERENCE_PATTERN.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[];
  const fraction = Number((match[7] ?? '').padEnd(6, '0'));
  if (hour! > 23 || minute! > 59 || second! > 59) return null;
  const date = new Date(0);
  date.setUTCFullYear(year!, month! - 1, day!);
  date.setUTCHours(hour!, minute!, second!, 0);
  if (date.getUTCMonth() !== month! - 1 || date.getUTCDate() !== day) return null;
  return date.getTime() * 1000 + fraction;
}

function referenceFormat(micros: number, separator: string): string {
  const pad = (value: number, width: number): string => String(value).padStart(width, '0');
  const fraction = ((micros % 1_000_000) + 1_000_000) % 1_000_000;
  const date = new Date((micros - fraction) / 1000);
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}` +
    `${separator}${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}` +
    `.${pad(fraction, 6)}`
  );
}

const digits = (count: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: count, maxLength: count });

// Mostly well-formed stamps, with impossible dates and times, odd separators and fractions.
const stampLike = fc
  .tuple(
    fc.oneof(digits(4), fc.constantFrom('2019', '2000', '1900', '2024', '0000', '9999', '1969')),
    fc.oneof(digits(2), fc.constantFrom('01', '02', '12', '13', '00')),
    fc.oneof(digits(2), fc.constantFrom('28', '29', '30', '31', '00')),
    fc.constantFrom(' ', 'T', 't', '_'),
    fc.oneof(digits(2), fc.constantFrom('23', '24')),
    digits(2),
    digits(2),
    fc.oneof(fc.constant(''), fc.nat({ max: 7 }).chain((n) => digits(n).map((f) => `.${f}`)), fc.constant('.x')),
  )
  .map(([y, mo, d, sep, h, mi, s, frac]) => `${y}-${mo}-${d}${sep}${h}:${mi}:${s}${frac}`);

describe('timestamps', () => {
  test('parseDbTimestamp agrees with the Date-based parser', () => {
    fc.assert(
      fc.property(fc.oneof(stampLike, fc.string({ maxLength: 30 })), (text) => {
        expect(parseDbTimestamp(text)).toBe(referenceParse(text));
      }),
      { numRuns: 20_000 },
    );
  });

  test.each([
    ['2019-06-14 09:22:23.123456', Date.UTC(2019, 5, 14, 9, 22, 23) * 1000 + 123456],
    ['2019-06-14T09:22:23', Date.UTC(2019, 5, 14, 9, 22, 23) * 1000],
    ['2019-06-14 09:22:23.5', Date.UTC(2019, 5, 14, 9, 22, 23) * 1000 + 500000],
    ['2024-02-29 00:00:00', Date.UTC(2024, 1, 29) * 1000],
    ['2019-02-29 00:00:00', null],
    ['2019-06-14 24:00:00', null],
    ['2019-06-14 09:22:23.', null],
    ['2019-06-14 09:22:23.1234567', null],
    ['not a date', null],
  ])('parseDbTimestamp(%j) is %p', (text, micros) => {
    expect(parseDbTimestamp(text)).toBe(micros);
  });

  test('formatting agrees with the Date-based formatter', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000_000, max: 253_402_300_799_999_999 }), (micros) => {
        expect(formatIsoTimestamp(micros)).toBe(referenceFormat(micros, 'T'));
        expect(formatDbTimestamp(micros)).toBe(referenceFormat(micros, ' '));
      }),
      { numRuns: 20_000 },
    );
  });

  test('a stored stamp of 1685-2254 (exact in a double) shows as itself with a T', () => {
    fc.assert(
      fc.property(stampLike, (text) => {
        const micros = parseDbTimestamp(text);
        if (micros !== null && text.length === 26 && text >= '1685' && text < '2255') expect(formatIsoTimestamp(micros)).toBe(`${text.slice(0, 10)}T${text.slice(11)}`);
      }),
    );
  });

  test('dbTimestampToIso is parse then format, whatever the year', () => {
    fc.assert(
      fc.property(fc.oneof(stampLike, fc.string({ maxLength: 30 })), (text) => {
        const micros = referenceParse(text);
        expect(dbTimestampToIso(text)).toBe(micros === null ? null : referenceFormat(micros, 'T'));
      }),
      { numRuns: 20_000 },
    );
  });

  test('SVC_NOW with an offset', () => {
    expect(parseIsoTimestamp('2026-01-01T13:00:30+01:00')).toBe(Date.UTC(2026, 0, 1, 12, 0, 30) * 1000);
    expect(parseIsoTimestamp('2026-02-30T00:00:00Z')).toBeNull();
  });
});
