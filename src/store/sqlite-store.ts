import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { SvcError } from '../core/errors.js';
import { hostPrefixes, prefixUpperBound } from '../core/host-match.js';
import { selectTarget } from '../core/select-target.js';
import type { ServiceRow } from '../core/service-row.js';
import type { ListedRow } from '../core/service-view.js';
import { formatDbTimestamp, type Micros } from '../core/time.js';
import { flag, text, toServiceRow, type RawRow } from './raw-row.js';
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

/**
 * Where better-sqlite3's addon is, so that it is loaded directly instead of through the
 * `bindings` package's search of the file system, a few milliseconds of every heartbeat.
 * An unusual build layout falls back to that search.
 */
function findNativeBinding(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
  } catch {
    return undefined;
  }
}

/** The schema version svc writes into PRAGMA user_version; 0 is a database svc did not create. */
export const SCHEMA_VERSION = 1;

const SELECT_COLUMNS = SERVICE_COLUMNS.map((column) => `"${column}"`).join(', ');

const SCAN_BATCH_SIZE = 512;

const LISTED_COLUMNS = [
  'created_at', 'updated_at', 'modified_at', 'host', 'binary', 'disabled', 'availability_zone',
  'disabled_reason', 'replication_status', 'frozen', 'active_backend_id', 'cluster_name', 'report_count',
] as const;
const SELECT_LISTED_COLUMNS = LISTED_COLUMNS.map((column) => `"${column}"`).join(', ');

type RawListedRow = [
  string | null, string | null, string | null, string | null, string | null, number | null,
  string | null, string | null, string | null, number | null, string | null, string | null, number,
];

function toListedRow(raw: RawListedRow): ListedRow {
  return {
    createdAt: text(raw[0]),
    updatedAt: text(raw[1]),
    modifiedAt: text(raw[2]),
    host: text(raw[3]),
    binary: text(raw[4]),
    disabled: flag(raw[5]),
    availabilityZone: text(raw[6]),
    disabledReason: text(raw[7]),
    replicationStatus: text(raw[8]),
    frozen: flag(raw[9]),
    activeBackendId: text(raw[10]),
    clusterName: text(raw[11]),
    reportCount: Number(raw[12]),
  };
}

/** The WHERE clause and parameters for live rows matching a filter, host by Cinder's prefix rule. */
export function filterClause(filter: ServiceFilter): { where: string; params: string[] } {
  const conditions = ['deleted = 0'];
  const params: string[] = [];
  if (filter.binary !== undefined) {
    conditions.push('"binary" = ?');
    params.push(filter.binary);
  }
  if (filter.host !== undefined) {
    const alternatives = ['host = ?'];
    params.push(filter.host);
    for (const prefix of hostPrefixes(filter.host)) {
      alternatives.push('(host >= ? AND host < ?)');
      params.push(prefix, prefixUpperBound(prefix));
    }
    conditions.push(`(${alternatives.join(' OR ')})`);
  }
  return { where: conditions.join(' AND '), params };
}

function describeSqliteError(error: unknown, path: string, busyTimeoutMs: number): Error {
  if (error instanceof SvcError || !(error instanceof Error)) return error as Error;
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new SvcError(
        `database is locked: another process held ${path} past the ${busyTimeoutMs} ms wait (--busy-timeout); nothing was written`,
      );
    case 'SQLITE_NOTADB':
      return new SvcError(`not an SQLite database: ${path}`);
    case 'SQLITE_CANTOPEN':
      return new SvcError(`cannot open database: ${path}`);
    case 'SQLITE_READONLY':
      return new SvcError(`database is read-only: ${path}`);
    case 'SQLITE_CORRUPT':
      return new SvcError(`database is corrupt: ${path}`);
    default:
      return new SvcError(`database error on ${path}: ${error.message}`);
  }
}

export interface SqliteStoreOptions {
  busyTimeoutMs: number;
}

function prepareLocation(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o755 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'a parent is not a directory' : (error as Error).message;
    throw new SvcError(`cannot create the folder of ${path}: ${why}`);
  }
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    return; // Not there yet: SQLite creates it.
  }
  if (isDirectory) throw new SvcError(`cannot open database: ${path} is a directory`);
}

/** Opens (creating on first use) the SQLite database at `path`. */
export function openSqliteStore(path: string, options: SqliteStoreOptions): ServiceStore {
  const guard = <T>(work: () => T): T => {
    try {
      return work();
    } catch (error) {
      throw describeSqliteError(error, path, options.busyTimeoutMs);
    }
  };
  prepareLocation(path);
  const nativeBinding = findNativeBinding();
  const db = guard(() => new Database(path, { timeout: options.busyTimeoutMs, nativeBinding }));
  try {
    const hasUuid = guard(() => ensureSchema(db));
    return new SqliteStore(db, hasUuid, guard);
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Creates the table on first use; checks a table that Cinder or another tool made. */
function ensureSchema(db: Database.Database): boolean {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === SCHEMA_VERSION) return false;
  if (version > SCHEMA_VERSION) {
    throw new SvcError(`database schema version ${version} is newer than this svc understands`);
  }
  const columns = (db.pragma('table_info(services)') as { name: string }[]).map((c) => c.name);
  if (columns.length === 0) {
    db.pragma('journal_mode = WAL');
    const schema = readFileSync(new URL('../../schema.sql', import.meta.url), 'utf8');
    db.transaction(() => db.exec(schema)).immediate();
    return false;
  }
  const missing = missingColumns(columns);
  if (missing.length > 0) {
    throw new SvcError(`the services table lacks column(s): ${missing.join(', ')}`);
  }
  return columns.includes('uuid');
}

class SqliteStore implements ServiceStore {
  constructor(
    private readonly db: Database.Database,
    private readonly hasUuid: boolean,
    private readonly guard: <T>(work: () => T) => T,
  ) {}

  private readRows(filter: ServiceFilter): ServiceRow[] {
    const { where, params } = filterClause(filter);
    const statement = this.db
      .prepare(`SELECT ${SELECT_COLUMNS} FROM services WHERE ${where} ORDER BY id`)
      .raw(true);
    return (statement.all(...params) as RawRow[]).map(toServiceRow);
  }

  private readRow(id: number): ServiceRow {
    const statement = this.db.prepare(`SELECT ${SELECT_COLUMNS} FROM services WHERE id = ?`);
    return toServiceRow(statement.raw(true).get(id) as RawRow);
  }

  async listServices(filter: ServiceFilter): Promise<ServiceRow[]> {
    return this.guard(() => this.readRows(filter));
  }

  async scanServicesToShow(filter: ServiceFilter): Promise<Iterable<ListedRow>> {
    const { where, params } = filterClause(filter);
    const statement = this.guard(() =>
      this.db.prepare(`SELECT ${SELECT_LISTED_COLUMNS} FROM services WHERE ${where} ORDER BY id`).raw(true),
    );
    const { guard } = this;
    // Rows are taken a batch at a time: one guarded call per batch, not per row.
    const readBatch = (rows: IterableIterator<RawListedRow>): ListedRow[] =>
      guard(() => {
        const batch: ListedRow[] = [];
        for (let next = rows.next(); !next.done; next = rows.next()) {
          batch.push(toListedRow(next.value));
          if (batch.length === SCAN_BATCH_SIZE) break;
        }
        return batch;
      });
    return {
      *[Symbol.iterator]() {
        const rows = guard(() => statement.iterate(...params)) as IterableIterator<RawListedRow>;
        try {
          for (let batch = readBatch(rows); batch.length > 0; batch = readBatch(rows)) yield* batch;
        } finally {
          rows.return?.(); // Frees the statement when the reader stops early.
        }
      },
    };
  }

  async recordHeartbeat(beat: Heartbeat, now: Micros): Promise<HeartbeatResult> {
    const stamp = formatDbTimestamp(now);
    const write = (): HeartbeatResult => {
      const existing = this.db
        .prepare(
          `SELECT id FROM services
           WHERE host = ? AND "binary" = ? AND deleted = 0 ORDER BY id LIMIT 1`,
        )
        .get(beat.host, beat.binary) as { id: number } | undefined;
      if (existing === undefined) {
        const id = this.insertService(beat, stamp);
        return { created: true, row: this.readRow(id) };
      }
      // report_state: count the beat and follow a changed zone (and cluster, when given).
      this.db
        .prepare(
          `UPDATE services SET report_count = report_count + 1, updated_at = ?,
           availability_zone = ?, cluster_name = COALESCE(?, cluster_name) WHERE id = ?`,
        )
        .run(stamp, beat.zone, beat.cluster ?? null, existing.id);
      return { created: false, row: this.readRow(existing.id) };
    };
    return this.guard(() => this.db.transaction(write).immediate());
  }

  private insertService(beat: Heartbeat, stamp: string): number {
    const values = firstBeatValues(beat, { createdAt: stamp, updatedAt: stamp }, this.hasUuid);
    const names = Object.keys(values);
    const sql = `INSERT INTO services (${names.map((n) => `"${n}"`).join(', ')})
                 VALUES (${names.map(() => '?').join(', ')})`;
    const result = this.db.prepare(sql).run(...Object.values(values));
    return Number(result.lastInsertRowid);
  }

  async setStatus(host: string, binary: string, change: StatusChange, now: Micros): Promise<ServiceRow> {
    // Cinder's service_update sets modified_at and pins updated_at, so an admin change
    // never makes a dead service look alive.
    const assignments = ['disabled = ?', 'modified_at = ?'];
    const params: unknown[] = [change.disabled ? 1 : 0, formatDbTimestamp(now)];
    if (change.reason !== undefined) {
      assignments.push('disabled_reason = ?');
      params.push(change.reason);
    }
    const write = (): ServiceRow => {
      const target = selectTarget(this.readRows({ host, binary }), host, binary);
      this.db.prepare(`UPDATE services SET ${assignments.join(', ')} WHERE id = ?`).run(...params, target.id);
      return this.readRow(target.id);
    };
    return this.guard(() => this.db.transaction(write).immediate());
  }

  async removeServices(
    filter: ServiceFilter,
    pick: (rows: ServiceRow[]) => ServiceRow[],
    now: Micros,
  ): Promise<ServiceRow[]> {
    const write = (): ServiceRow[] => {
      const chosen = pick(this.readRows(filter));
      const remove = this.db.prepare('UPDATE services SET deleted = 1, deleted_at = ? WHERE id = ?');
      const stamp = formatDbTimestamp(now);
      for (const row of chosen) remove.run(stamp, row.id);
      return chosen;
    };
    return this.guard(() => this.db.transaction(write).immediate());
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
