import { homedir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { isMysqlUrl, MYSQL_URL_SHAPE, parseMysqlUrl } from './mysql-url.js';
import type { ServiceStore } from './store.js';

export { isMysqlUrl } from './mysql-url.js';

export interface StoreOptions {
  busyTimeoutMs: number;
  /** MySQL only: how long to wait for the server to accept a connection. */
  connectTimeoutMs: number;
}

/** --db (or SVC_DB), else $XDG_DATA_HOME/svc/services.db, else ~/.local/share/svc/services.db. */
export function resolveDbLocation(db: string | undefined, env: NodeJS.ProcessEnv, home = homedir()): string {
  if (db) return db;
  const dataHome = env['XDG_DATA_HOME'];
  const base = dataHome && dataHome.startsWith('/') ? dataHome : join(home, '.local', 'share');
  return join(base, 'svc', 'services.db');
}

const URL_SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/** Opens the store a location names; each engine (and its driver) is loaded only when it is used. */
export async function openStore(location: string, options: StoreOptions): Promise<ServiceStore> {
  if (isMysqlUrl(location)) {
    const target = parseMysqlUrl(location);
    const { openMysqlStore } = await import('./mysql-store.js');
    return openMysqlStore(target, options);
  }
  const scheme = URL_SCHEME.exec(location);
  if (scheme) {
    // e.g. Cinder's mysql+pymysql://: never taken for a file name, never echoed (it holds a password).
    throw new UsageError(
      `unsupported database URL scheme '${scheme[1]}': use a SQLite file path or ${MYSQL_URL_SHAPE}`,
    );
  }
  const { openSqliteStore } = await import('./sqlite-store.js');
  return openSqliteStore(location, options);
}
