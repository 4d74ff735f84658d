// Timestamps are integer microseconds since the Unix epoch. A JavaScript Date holds
// milliseconds only, and Cinder compares and prints all six microsecond digits.
// 9999-12-31 is about 2.5e17 µs, past 2^53, but every date up to year 2255 is exact.
export type Micros = number;

export const MICROS_PER_SECOND = 1_000_000;

const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(Z|[+-]\d{2}:?\d{2})?$/i;

const MILLIS_PER_DAY = 86_400_000;

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Days since 1970-01-01 of a proleptic Gregorian date, and back (Howard Hinnant's
// algorithms): plain arithmetic, where a Date per timestamp made 100k-row listings slow.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function civilFromDays(days: number): [year: number, month: number, day: number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

function toMicros(year: number, month: number, day: number, hour: number, minute: number, second: number, fraction: number): Micros | null {
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const millis = daysFromCivil(year, month, day) * MILLIS_PER_DAY + (hour * 3600 + minute * 60 + second) * 1000;
  return millis * 1000 + fraction; // As Date.getTime() * 1000 + fraction, to the last rounding.
}

/** The number written by `count` ASCII digits at `start`, or -1 if one is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let index = start; index < start + count; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

const HYPHEN = 45;
const COLON = 58;
const SPACE = 32;
const LETTER_T = 84;
const FULL_STOP = 46;

/**
 * Parses a stored naive-UTC datetime, `YYYY-MM-DD HH:MM:SS[.ffffff]` (or with a `T`);
 * null when it is not one. Read character by character: it runs for every listed row.
 */
export function parseDbTimestamp(text: string): Micros | null {
  const { length } = text;
  if (length < 19 || length === 20 || length > 26) return null;
  const separator = text.charCodeAt(10);
  if (
    text.charCodeAt(4) !== HYPHEN || text.charCodeAt(7) !== HYPHEN || (separator !== SPACE && separator !== LETTER_T) ||
    text.charCodeAt(13) !== COLON || text.charCodeAt(16) !== COLON
  ) {
    return null;
  }
  let fraction = 0;
  if (length > 19) {
    if (text.charCodeAt(19) !== FULL_STOP) return null;
    fraction = digitsAt(text, 20, length - 20);
    if (fraction < 0) return null;
    fraction *= 10 ** (26 - length);
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return null;
  return toMicros(year, month, day, hour, minute, second, fraction);
}

/** Parses an ISO-8601 time such as SVC_NOW; no zone means UTC. */
export function parseIsoTimestamp(text: string): Micros | null {
  const match = ISO_TIMESTAMP.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[];
  const fraction = Number((match[7] ?? '').padEnd(6, '0'));
  const local = toMicros(year!, month!, day!, hour!, minute!, second!, fraction);
  if (local === null) return null;
  const zone = match[8];
  if (!zone || zone.toUpperCase() === 'Z') return local;
  const digits = zone.replace(':', '');
  const offsetMinutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  const sign = digits.startsWith('-') ? -1 : 1;
  return local - sign * offsetMinutes * 60 * MICROS_PER_SECOND;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function format(micros: Micros, separator: string): string {
  const fraction = ((micros % MICROS_PER_SECOND) + MICROS_PER_SECOND) % MICROS_PER_SECOND;
  const millis = Math.trunc((micros - fraction) / 1000); // What new Date() keeps of it.
  const days = Math.floor(millis / MILLIS_PER_DAY);
  const timeOfDay = Math.floor((millis - days * MILLIS_PER_DAY) / 1000);
  const [year, month, day] = civilFromDays(days);
  return (
    `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}${separator}` +
    `${pad2(Math.floor(timeOfDay / 3600))}:${pad2(Math.floor(timeOfDay / 60) % 60)}:${pad2(timeOfDay % 60)}` +
    `.${String(fraction).padStart(6, '0')}`
  );
}

/** `2019-06-14 09:22:23.000000`: what SQLAlchemy writes, and so what svc stores. */
export function formatDbTimestamp(micros: Micros): string {
  return format(micros, ' ');
}

/** `2019-06-14T09:22:23.000000`: how Cinder's API and cinderclient show a datetime. */
export function formatIsoTimestamp(micros: Micros): string {
  return format(micros, 'T');
}

/**
 * A stored stamp as Cinder shows it (`2019-06-14T09:22:23.000000`), or null when it does
 * not parse. A full-length stamp of the years 1685-2254 (where microseconds since 1970
 * are exact in a double) is itself with a `T`: no need to format it again. `micros` is
 * the text parsed, for a caller that has parsed it already.
 */
export function dbTimestampToIso(text: string, micros = parseDbTimestamp(text)): string | null {
  if (micros === null) return null;
  if (text.length === 26 && text >= '1685' && text < '2255') return `${text.slice(0, 10)}T${text.slice(11)}`;
  return formatIsoTimestamp(micros);
}

/** The wall clock with microseconds (Date.now() alone has milliseconds). */
export function currentMicros(): Micros {
  return Math.round((performance.timeOrigin + performance.now()) * 1000);
}
