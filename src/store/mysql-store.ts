import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import mysql, { type Connection, type ResultSetHeader, type RowDataPacket } from 'mysql2/promise';
import { SvcError, UsageError } from '../core/errors.js';
import { hostPrefixes } from '../core/host-match.js';
import { selectTarget } from '../core/select-target.js';
import type { ServiceRow } from '../core/service-row.js';
import { formatDbTimestamp, type Micros } from '../core/time.js';
import { describeMysqlTarget, type MysqlTarget } from './mysql-url.js';
import { toServiceRow, type RawRow } from './raw-row.js';
import {
  firstBeatValues,
  missingColumns,
  SERVICE_COLUMNS,
  type Heartbeat,
  type HeartbeatResult,
  type ServiceFilter,
  type ServiceStore,
  type StatusChange,
} from './store.js';

/** The schema version svc writes into the table comment, `svc schema N`. */
export const MYSQL_SCHEMA_VERSION = 1;
const SCHEMA_COMMENT = /^svc schema (\d+)$/;

export interface MysqlStoreOptions {
  /** How long a write waits for row locks (innodb_lock_wait_timeout) and retries deadlocks. */
  busyTimeoutMs: number;
  /** How long to wait for the server to accept a connection and log in. */
  connectTimeoutMs: number;
}

const DATETIME_COLUMNS = ['created_at', 'updated_at', 'deleted_at', 'modified_at'] as const;
type DatetimeColumn = (typeof DATETIME_COLUMNS)[number];

/** What svc needs to know about a services table it did not create. */
interface TableLayout {
  hasUuid: boolean;
  /** Fraction digits each datetime column keeps: 0 for Cinder's `datetime`, up to 6. */
  fractionDigits: Record<DatetimeColumn, number>;
}

const SVC_LAYOUT: TableLayout = {
  hasUuid: false,
  fractionDigits: { created_at: 0, updated_at: 0, deleted_at: 0, modified_at: 0 },
};

const SELECT_COLUMNS = SERVICE_COLUMNS.map((column) => `\`${column}\``).join(', ');

// MySQL's default collations ignore case (and trailing spaces), so every host and binary
// comparison is also made on the bytes, as Cinder does with func.binary on MySQL. The
// collation-aware half lets the (host, binary) index narrow the rows first.
const SAME_HOST = '(host = ? AND host = CAST(? AS BINARY))';
const SAME_BINARY = '(`binary` = ? AND `binary` = CAST(? AS BINARY))';
const HOST_PREFIX = "(host LIKE ? ESCAPE '!' AND host LIKE CAST(? AS BINARY) ESCAPE '!')";

function likePrefix(prefix: string): string {
  return `${prefix.replace(/[!%_]/g, '!$&')}%`;
}

/** The WHERE clause and parameters for live rows matching a filter, host by Cinder's prefix rule. */
export function mysqlFilterClause(filter: ServiceFilter): { where: string; params: string[] } {
  const conditions = ['deleted = 0'];
  const params: string[] = [];
  if (filter.binary !== undefined) {
    conditions.push(SAME_BINARY);
    params.push(filter.binary, filter.binary);
  }
  if (filter.host !== undefined) {
    const alternatives = [SAME_HOST];
    params.push(filter.host, filter.host);
    for (const prefix of hostPrefixes(filter.host)) {
      alternatives.push(HOST_PREFIX);
      params.push(likePrefix(prefix), likePrefix(prefix));
    }
    conditions.push(`(${alternatives.join(' OR ')})`);
  }
  return { where: conditions.join(' AND '), params };
}

function errorCode(error: unknown): unknown {
  return error instanceof Error ? (error as { code?: unknown }).code : undefined;
}

/** One line for a driver or server error, naming the target but never its password. */
export function describeMysqlError(error: unknown, target: MysqlTarget, options: MysqlStoreOptions): Error {
  if (error instanceof SvcError || error instanceof UsageError || !(error instanceof Error)) return error as Error;
  const where = describeMysqlTarget(target);
  const cannotConnect = (why: string): SvcError => new SvcError(`cannot connect to ${where}: ${why}`);
  switch (errorCode(error)) {
    case 'ECONNREFUSED':
      return cannotConnect('connection refused (is the server running and listening on that port?)');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return cannotConnect(`unknown host ${target.host}`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return cannotConnect(`host ${target.host} is unreachable`);
    case 'ETIMEDOUT':
      return cannotConnect(`no answer within ${options.connectTimeoutMs / 1000} s (see --connect-timeout)`);
    case 'ER_ACCESS_DENIED_ERROR':
    case 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR':
      return cannotConnect(`access denied for user '${target.user}' (wrong password, or no grant for this host)`);
    case 'ER_DBACCESS_DENIED_ERROR':
      // The server says this, too, when the database does not exist and the user may not see it.
      return cannotConnect(`user '${target.user}' has no grant on database '${target.database}' (or it does not exist)`);
    case 'ER_BAD_DB_ERROR':
      return cannotConnect(`unknown database '${target.database}' (create it first)`);
    case 'ER_CON_COUNT_ERROR':
      return cannotConnect('the server has too many connections');
    case 'ER_LOCK_WAIT_TIMEOUT':
    case 'ER_LOCK_DEADLOCK':
      return new SvcError(`database is locked: ${where} (gave up after ${options.busyTimeoutMs} ms)`);
    case 'PROTOCOL_SEQUENCE_TIMEOUT':
      return new SvcError(`no answer from ${where} within ${queryTimeoutMs(options) / 1000} s`);
    case 'PROTOCOL_CONNECTION_LOST':
    case 'ECONNRESET':
    case 'EPIPE':
      return new SvcError(`lost the connection to ${where}`);
    default: {
      const message = target.password === '' ? error.message : error.message.split(target.password).join('***');
      return new SvcError(`database error on ${where}: ${message}`);
    }
  }
}

/** A statement that has not answered in this long is given up: a cron job must not hang. */
function queryTimeoutMs(options: MysqlStoreOptions): number {
  return options.busyTimeoutMs + options.connectTimeoutMs;
}

function schemaFile(): string {
  return readFileSync(new URL('../../schema.mysql.sql', import.meta.url), 'utf8');
}

/** Opens the MySQL/MariaDB database `target`, creating the services table on first use. */
export async function openMysqlStore(target: MysqlTarget, options: MysqlStoreOptions): Promise<ServiceStore> {
  const describe = (error: unknown): Error => describeMysqlError(error, target, options);
  let connection: Connection;
  try {
    connection = await mysql.createConnection({
      host: target.host,
      port: target.port,
      user: target.user,
      password: target.password,
      database: target.database,
      connectTimeout: options.connectTimeoutMs,
      charset: 'utf8mb4',
      dateStrings: true,
    });
  } catch (error) {
    throw describe(error);
  }
  // A failure mid-statement rejects that statement; without a listener it would also crash.
  connection.on('error', () => undefined);
  const store = new MysqlStore(connection, SVC_LAYOUT, describe, queryTimeoutMs(options), options.busyTimeoutMs);
  try {
    await store.prepareSession();
    return store;
  } catch (error) {
    connection.destroy();
    throw describe(error);
  }
}

class MysqlStore implements ServiceStore {
  constructor(
    private readonly connection: Connection,
    private layout: TableLayout,
    private readonly describe: (error: unknown) => Error,
    private readonly queryTimeoutMs: number,
    private readonly busyTimeoutMs: number,
  ) {}

  private async run<T extends RowDataPacket[] | RowDataPacket[][] | ResultSetHeader>(
    sql: string,
    params: unknown[] = [],
    rowsAsArray = false,
  ): Promise<T> {
    const [result] = await this.connection.query<T>({ sql, rowsAsArray, timeout: this.queryTimeoutMs }, params);
    return result;
  }

  /**
   * Session settings, then the table. oslo.db's TRADITIONAL sql_mode (strict, and no
   * NO_BACKSLASH_ESCAPES, on which the driver's quoting relies); REPEATABLE READ, whose
   * gap locks stop two first heartbeats from both inserting.
   */
  async prepareSession(): Promise<void> {
    const lockWaitSeconds = Math.ceil(this.busyTimeoutMs / 1000);
    await this.run('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    await this.run(`SET SESSION sql_mode = 'TRADITIONAL', SESSION innodb_lock_wait_timeout = ${lockWaitSeconds}`);
    this.layout = await this.ensureSchema();
  }

  /** Creates the table on first use; checks a table that Cinder or another tool made. */
  private async ensureSchema(): Promise<TableLayout> {
    const tables = await this.run<RowDataPacket[]>(
      `SELECT TABLE_COMMENT AS comment FROM information_schema.TABLES
       WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'services'`,
    );
    const [table] = tables;
    if (table === undefined) {
      await this.run(schemaFile());
      return SVC_LAYOUT;
    }
    const version = SCHEMA_COMMENT.exec(String(table['comment'] ?? ''));
    if (version && Number(version[1]) === MYSQL_SCHEMA_VERSION) return SVC_LAYOUT;
    if (version && Number(version[1]) > MYSQL_SCHEMA_VERSION) {
      throw new SvcError(`database schema version ${version[1]} is newer than this svc understands`);
    }
    const columns = await this.run<RowDataPacket[]>(
      `SELECT COLUMN_NAME AS name, DATETIME_PRECISION AS digits FROM information_schema.COLUMNS
       WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'services'`,
    );
    const names = columns.map((column) => String(column['name']));
    const missing = missingColumns(names);
    if (missing.length > 0) {
      throw new SvcError(`the services table lacks column(s): ${missing.join(', ')}`);
    }
    const fractionDigits = { ...SVC_LAYOUT.fractionDigits };
    for (const column of columns) {
      const name = String(column['name']) as DatetimeColumn;
      // A column that is not a datetime at all (digits NULL) takes the full text.
      if (DATETIME_COLUMNS.includes(name)) fractionDigits[name] = Number(column['digits'] ?? 6);
    }
    return { hasUuid: names.includes('uuid'), fractionDigits };
  }

  /** The stored form of `now` in `column`, cut (never rounded) to the digits it keeps. */
  private stamp(column: DatetimeColumn, now: Micros): string {
    const digits = this.layout.fractionDigits[column];
    return formatDbTimestamp(now).slice(0, digits === 0 ? 19 : 20 + digits);
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw this.describe(error);
    }
  }

  /**
   * Runs `work` in one transaction. InnoDB resolves a deadlock (two first heartbeats, a
   * Galera certification conflict) by rolling one transaction back: that one starts again,
   * for as long as the busy timeout allows and at least a few times.
   */
  private async writeTransaction<T>(work: () => Promise<T>): Promise<T> {
    const deadline = performance.now() + this.busyTimeoutMs;
    for (let attempt = 1; ; attempt += 1) {
      await this.run('START TRANSACTION');
      try {
        const result = await work();
        await this.run('COMMIT');
        return result;
      } catch (error) {
        await this.run('ROLLBACK').catch(() => undefined);
        const retry = errorCode(error) === 'ER_LOCK_DEADLOCK' && (attempt < 5 || performance.now() < deadline);
        if (!retry) throw error;
        await sleep(Math.random() * Math.min(100, 5 * 2 ** attempt));
      }
    }
  }

  private async readRows(filter: ServiceFilter, forUpdate: boolean): Promise<ServiceRow[]> {
    const { where, params } = mysqlFilterClause(filter);
    const lock = forUpdate ? ' FOR UPDATE' : '';
    const rows = await this.run<RowDataPacket[][]>(
      `SELECT ${SELECT_COLUMNS} FROM services WHERE ${where} ORDER BY id${lock}`,
      params,
      true,
    );
    return (rows as unknown as RawRow[]).map(toServiceRow);
  }

  private async readRow(id: number): Promise<ServiceRow> {
    const rows = await this.run<RowDataPacket[][]>(`SELECT ${SELECT_COLUMNS} FROM services WHERE id = ?`, [id], true);
    return toServiceRow(rows[0] as unknown as RawRow);
  }

  async listServices(filter: ServiceFilter): Promise<ServiceRow[]> {
    return this.guard(() => this.readRows(filter, false));
  }

  async recordHeartbeat(beat: Heartbeat, now: Micros): Promise<HeartbeatResult> {
    const write = async (): Promise<HeartbeatResult> => {
      // FOR UPDATE locks the row, or when there is none the index gap where it would go.
      const found = await this.run<RowDataPacket[]>(
        `SELECT id FROM services WHERE ${SAME_HOST} AND ${SAME_BINARY} AND deleted = 0
         ORDER BY id LIMIT 1 FOR UPDATE`,
        [beat.host, beat.host, beat.binary, beat.binary],
      );
      const [existing] = found;
      if (existing === undefined) {
        const id = await this.insertService(beat, now);
        return { created: true, row: await this.readRow(id) };
      }
      const id = Number(existing['id']);
      // report_state: count the beat and follow a changed zone (and cluster, when given).
      await this.run(
        `UPDATE services SET report_count = report_count + 1, updated_at = ?,
         availability_zone = ?, cluster_name = COALESCE(?, cluster_name) WHERE id = ?`,
        [this.stamp('updated_at', now), beat.zone, beat.cluster ?? null, id],
      );
      return { created: false, row: await this.readRow(id) };
    };
    return this.guard(() => this.writeTransaction(write));
  }

  private async insertService(beat: Heartbeat, now: Micros): Promise<number> {
    const stamps = { createdAt: this.stamp('created_at', now), updatedAt: this.stamp('updated_at', now) };
    const values = firstBeatValues(beat, stamps, this.layout.hasUuid);
    const names = Object.keys(values);
    const result = await this.run<ResultSetHeader>(
      `INSERT INTO services (${names.map((name) => `\`${name}\``).join(', ')})
       VALUES (${names.map(() => '?').join(', ')})`,
      Object.values(values),
    );
    return result.insertId;
  }

  async setStatus(host: string, binary: string, change: StatusChange, now: Micros): Promise<ServiceRow> {
    // Cinder's service_update sets modified_at and pins updated_at, so an admin change
    // never makes a dead service look alive.
    const assignments = ['disabled = ?', 'modified_at = ?'];
    const params: unknown[] = [change.disabled ? 1 : 0, this.stamp('modified_at', now)];
    if (change.reason !== undefined) {
      assignments.push('disabled_reason = ?');
      params.push(change.reason);
    }
    const write = async (): Promise<ServiceRow> => {
      const target = selectTarget(await this.readRows({ host, binary }, true), host, binary);
      await this.run(`UPDATE services SET ${assignments.join(', ')} WHERE id = ?`, [...params, target.id]);
      return this.readRow(target.id);
    };
    return this.guard(() => this.writeTransaction(write));
  }

  async removeServices(
    filter: ServiceFilter,
    pick: (rows: ServiceRow[]) => ServiceRow[],
    now: Micros,
  ): Promise<ServiceRow[]> {
    const write = async (): Promise<ServiceRow[]> => {
      const chosen = pick(await this.readRows(filter, true));
      const stamp = this.stamp('deleted_at', now);
      for (const row of chosen) {
        await this.run('UPDATE services SET deleted = 1, deleted_at = ? WHERE id = ?', [stamp, row.id]);
      }
      return chosen;
    };
    return this.guard(() => this.writeTransaction(write));
  }

  async close(): Promise<void> {
    try {
      await this.connection.end();
    } catch {
      this.connection.destroy(); // The connection was already broken; nothing is pending.
    }
  }
}
