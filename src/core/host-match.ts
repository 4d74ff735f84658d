/**
 * The prefixes that also match a host filter, as Cinder's _filter_host does at its
 * automatic level: a pool (`h@b#p`) matches exactly, a backend (`h@b`) also matches its
 * pools `h@b#...`, a plain host also matches `h@...` and `h#...`.
 * Unlike Cinder's LIKE, the comparison is literal: `%` and `_` are ordinary characters.
 */
export function hostPrefixes(host: string): string[] {
  if (host.includes('#')) return [];
  if (host.includes('@')) return [`${host}#`];
  return [`${host}@`, `${host}#`];
}

export function matchesHost(rowHost: string | null, filter: string): boolean {
  if (rowHost === null) return false;
  return rowHost === filter || hostPrefixes(filter).some((prefix) => rowHost.startsWith(prefix));
}

/**
 * The smallest string greater than every string that starts with `prefix`, so that
 * `value >= prefix AND value < upperBound(prefix)` is a prefix test an index can serve.
 * Prefixes here end in `@` or `#`, so bumping the last character is enough.
 */
export function prefixUpperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}
