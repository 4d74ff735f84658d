import { UsageError } from '../core/errors.js';

/** Where a MySQL/MariaDB database is and who logs in to it. */
export interface MysqlTarget {
  user: string;
  password: string;
  host: string;
  port: number;
  database: string;
}

export const MYSQL_URL_SHAPE = 'mysql://USER:PASSWORD@HOST:PORT/DATABASE';
const DEFAULT_PORT = 3306;

export function isMysqlUrl(location: string): boolean {
  return /^mysql:\/\//i.test(location);
}

function invalid(why: string): UsageError {
  // Never echo the URL itself: it holds the password.
  return new UsageError(`invalid MySQL URL: ${why}; expected ${MYSQL_URL_SHAPE}`);
}

function decode(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw invalid(`the ${what} has a bad %-escape`);
  }
}

/** Parses `mysql://USER:PASSWORD@HOST:PORT/DATABASE` (port 3306 when left out). */
export function parseMysqlUrl(text: string): MysqlTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('it is not a well-formed URL (a port of 1-65535; %-encode / ? # in the password)');
  }
  if (url.search !== '' || url.hash !== '') {
    throw invalid('it has a ? or # part (%-encode those characters in the password)');
  }
  const user = decode(url.username, 'user');
  if (user === '') throw invalid('the user is missing');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw invalid('the host is missing');
  const database = decode(url.pathname.replace(/^\//, ''), 'database');
  if (database === '' || database.includes('/')) throw invalid('name one database after the host');
  const port = url.port === '' ? DEFAULT_PORT : Number(url.port);
  if (port === 0) throw invalid('port 0 is not a port');
  return { user, password: decode(url.password, 'password'), host, port, database };
}

/** `mysql://USER@HOST:PORT/DATABASE`: how errors name a target, without its password. */
export function describeMysqlTarget(target: MysqlTarget): string {
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  return `mysql://${target.user}@${host}:${target.port}/${target.database}`;
}
