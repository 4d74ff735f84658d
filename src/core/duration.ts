import { UsageError } from './errors.js';

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
const DURATION = /^\s*(\d+)\s*([smhd])\s*$/i;

/** `90s`, `15m`, `12h`, `7d` as whole seconds; a bare number is refused as ambiguous. */
export function parseDuration(label: string, text: string): number {
  const match = DURATION.exec(text);
  const unit = match?.[2]?.toLowerCase() as keyof typeof UNIT_SECONDS | undefined;
  const seconds = match && unit ? Number(match[1]) * UNIT_SECONDS[unit] : NaN;
  if (!(seconds > 0) || !Number.isSafeInteger(seconds * 1_000_000)) {
    throw new UsageError(`invalid ${label} '${text}': expected a duration such as 90s, 15m, 12h or 7d`);
  }
  return seconds;
}
