import { SvcError } from './errors.js';
import type { ServiceRow } from './service-row.js';

export function notFound(host: string, binary: string): SvcError {
  return new SvcError(`Service ${binary} could not be found on host ${host}.`);
}

/**
 * The one live row an admin command (disable, enable, remove) acts on. An exact host
 * wins, as in Cinder's Service.get_by_args; otherwise the prefix rule must name exactly
 * one row, so an ambiguous host is never applied to an arbitrary service.
 */
export function selectTarget(candidates: ServiceRow[], host: string, binary: string): ServiceRow {
  const exact = candidates.filter((row) => row.host === host);
  const matches = exact.length > 0 ? exact : candidates;
  const [only] = matches;
  if (only === undefined) throw notFound(host, binary);
  if (matches.length > 1) {
    const names = matches.map((row) => `${row.host} (id ${row.id})`).join(', ');
    throw new SvcError(
      `host ${host} matches ${matches.length} live ${binary} services: ${names}; name one exactly`,
    );
  }
  return only;
}
