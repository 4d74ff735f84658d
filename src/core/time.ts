// Timestamps are integer microseconds since the Unix epoch. A JavaScript Date holds
// milliseconds only, and Cinder compares and prints all six microsecond digits.
// 9999-12-31 is about 2.5e17 µs, past 2^53, but every date up to year 2255 is exact.
export type Micros = number;

export const MICROS_PER_SECOND = 1_000_000;

const DB_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/;
const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(Z|[+-]\d{2}:?\d{2})?$/i;

function toMicros(parts: (string | undefined)[]): Micros | null {
  const [year, month, day, hour, minute, second] = parts.slice(0, 6).map(Number) as number[];
  const fraction = Number((parts[6] ?? '').padEnd(6, '0'));
  if (hour! > 23 || minute! > 59 || second! > 59) return null;
  const date = new Date(0);
  date.setUTCFullYear(year!, month! - 1, day!);
  date.setUTCHours(hour!, minute!, second!, 0);
  // Date rolls 2019-02-30 over into March; a real date survives the round trip.
  if (date.getUTCMonth() !== month! - 1 || date.getUTCDate() !== day) return null;
  return date.getTime() * 1000 + fraction;
}

/** Parses a stored naive-UTC datetime; null when it is not one. */
export function parseDbTimestamp(text: string): Micros | null {
  const match = DB_TIMESTAMP.exec(text);
  return match ? toMicros(match.slice(1)) : null;
}

/** Parses an ISO-8601 time such as SVC_NOW; no zone means UTC. */
export function parseIsoTimestamp(text: string): Micros | null {
  const match = ISO_TIMESTAMP.exec(text.trim());
  if (!match) return null;
  const local = toMicros(match.slice(1, 8));
  if (local === null) return null;
  const zone = match[8];
  if (!zone || zone.toUpperCase() === 'Z') return local;
  const digits = zone.replace(':', '');
  const offsetMinutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  const sign = digits.startsWith('-') ? -1 : 1;
  return local - sign * offsetMinutes * 60 * MICROS_PER_SECOND;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function format(micros: Micros, separator: string): string {
  const fraction = ((micros % MICROS_PER_SECOND) + MICROS_PER_SECOND) % MICROS_PER_SECOND;
  const date = new Date((micros - fraction) / 1000);
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}` +
    `${separator}${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}` +
    `.${pad(fraction, 6)}`
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

/** The wall clock with microseconds (Date.now() alone has milliseconds). */
export function currentMicros(): Micros {
  return Math.round((performance.timeOrigin + performance.now()) * 1000);
}
