import { homedir } from 'node:os';
import { join } from 'node:path';
import { SvcError } from '../core/errors.js';
import type { ServiceStore } from './store.js';

export interface StoreOptions {
  busyTimeoutMs: number;
}

/** --db (or SVC_DB), else $XDG_DATA_HOME/svc/services.db, else ~/.local/share/svc/services.db. */
export function resolveDbLocation(db: string | undefined, env: NodeJS.ProcessEnv, home = homedir()): string {
  if (db) return db;
  const dataHome = env['XDG_DATA_HOME'];
  const base = dataHome && dataHome.startsWith('/') ? dataHome : join(home, '.local', 'share');
  return join(base, 'svc', 'services.db');
}

export function isMysqlUrl(location: string): boolean {
  return /^mysql:\/\//i.test(location);
}

/** Opens the store a location names; each engine is loaded only when it is used. */
export async function openStore(location: string, options: StoreOptions): Promise<ServiceStore> {
  if (isMysqlUrl(location)) {
    throw new SvcError('mysql:// databases are not supported by this version of svc');
  }
  const { openSqliteStore } = await import('./sqlite-store.js');
  return openSqliteStore(location, options);
}
