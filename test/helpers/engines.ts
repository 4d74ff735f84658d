import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFixtureDb, readAllRows, type RowValues } from './fixture-db.js';
import { databaseOf, startMariaDb, type MariaDbServer } from './mariadb-server.js';
import { tempDir } from './svc-process.js';

export const MYSQL_SCHEMA_SQL = readFileSync(new URL('../../schema.mysql.sql', import.meta.url), 'utf8');

/** A database engine svc runs on, as end-to-end tests see it. */
export interface TestEngine {
  readonly name: 'sqlite' | 'mariadb';
  /** A new svc database holding `rows` (ids in the order given); returns the --db value. */
  createDb(rows?: RowValues[]): Promise<string>;
  /** A database without a services table (for SQLite, a file that is not there yet). */
  createEmptyDb(): Promise<string>;
  /** Every row, all columns, in id order; datetimes as `YYYY-MM-DD HH:MM:SS.ffffff`. */
  readAllRows(db: string): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

const DEFAULTS: RowValues = {
  deleted: 0,
  report_count: 1,
  disabled: 0,
  availability_zone: 'nova',
  replication_status: 'not-capable',
  frozen: 0,
};

const WHOLE_SECONDS = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** Datetimes as svc writes them to SQLite, whatever precision the engine or fixture kept. */
function withFullDatetimes(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([name, value]) => [
      name,
      typeof value === 'string' && WHOLE_SECONDS.test(value) ? `${value}.000000` : value,
    ]),
  );
}

export function sqliteEngine(): TestEngine {
  const folder = tempDir('svc-engine-');
  let databases = 0;
  return {
    name: 'sqlite',
    async createDb(rows = []) {
      databases += 1;
      const path = join(folder, `services-${databases}.db`);
      createFixtureDb(path, rows);
      return path;
    },
    async createEmptyDb() {
      databases += 1;
      return join(folder, `services-${databases}.db`);
    },
    async readAllRows(db) {
      return readAllRows(db).map(withFullDatetimes);
    },
    async stop() {},
  };
}

/** The INSERT for one fixture row; unspecified columns get what a first heartbeat writes. */
export function mysqlInsert(database: string, values: RowValues): [string, unknown[]] {
  const row = { ...DEFAULTS, ...values };
  const names = Object.keys(row).map((name) => `\`${name}\``);
  return [
    `INSERT INTO \`${database}\`.services (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    Object.values(row),
  ];
}


/** A private MariaDB server; each database gets the table from schema.mysql.sql. */
export async function mariaDbEngine(server?: MariaDbServer): Promise<TestEngine> {
  const owned = server ?? (await startMariaDb());
  return {
    name: 'mariadb',
    async createDb(rows = []) {
      const url = await owned.createDatabase();
      const database = databaseOf(url);
      await owned.admin.query(`USE \`${database}\`; ${MYSQL_SCHEMA_SQL}`);
      for (const row of rows) await owned.admin.query(...mysqlInsert(database, row));
      return url;
    },
    createEmptyDb() {
      return owned.createDatabase();
    },
    async readAllRows(db) {
      const [rows] = await owned.admin.query(`SELECT * FROM \`${databaseOf(db)}\`.services ORDER BY id`);
      return (rows as Record<string, unknown>[]).map(withFullDatetimes);
    },
    async stop() {
      if (server === undefined) await owned.stop();
    },
  };
}
