import { UsageError } from './errors.js';

const MAX_LENGTH = 255;
const HOST_CHARACTERS = /^[a-zA-Z0-9\-._#@:/+[\]]+$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

function length(text: string): number {
  return [...text].length;
}

/** A host a heartbeat may create: 1-255 of Cinder's host characters. */
export function validateHost(host: string): string {
  if (length(host) > MAX_LENGTH || !HOST_CHARACTERS.test(host)) {
    throw new UsageError(
      `invalid host '${host.slice(0, 60)}': use 1-255 characters of a-z A-Z 0-9 - . _ # @ : / + [ ]`,
    );
  }
  return host;
}

/** A name to look up or store (host, binary, topic, zone, cluster): 1-255 printable characters. */
export function validateName(label: string, value: string): string {
  if (value.length === 0 || length(value) > MAX_LENGTH || CONTROL_CHARACTERS.test(value)) {
    throw new UsageError(`invalid ${label}: use 1-255 characters, no control characters`);
  }
  return value;
}

/** Cinder's _is_valid_as_reason: 1-255 characters once trimmed. svc stores the trimmed text. */
export function validateReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length === 0 || length(trimmed) > MAX_LENGTH) {
    throw new UsageError('invalid reason: use 1-255 characters after trimming');
  }
  return trimmed;
}

/** The longest wait a Node timer or SQLite's busy timeout can hold (2^31 - 1 ms, about 24 days). */
export const MAX_WAIT_MS = 2_147_483_647;
const MAX_WAIT_SECONDS = Math.floor(MAX_WAIT_MS / 1000);

/** A whole number from `min` to `max`, for seconds and milliseconds on the command line. */
export function parseWholeNumber(label: string, text: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`invalid ${label} '${text}': expected a whole number ${range}`);
  }
  return value;
}

/** A positive number of seconds that a timer can wait, fractions allowed (heartbeat --interval, --check-timeout). */
export function parseSeconds(label: string, text: string): number {
  const value = Number(text);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text) || !(value > 0) || value > MAX_WAIT_SECONDS) {
    throw new UsageError(`invalid ${label} '${text}': expected a positive number of seconds up to ${MAX_WAIT_SECONDS}`);
  }
  return value;
}
