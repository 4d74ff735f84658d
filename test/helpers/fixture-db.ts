import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';

export const SCHEMA_SQL = readFileSync(new URL('../../schema.sql', import.meta.url), 'utf8');

/** Column values for one row; unspecified columns get what a first heartbeat would write. */
export type RowValues = Record<string, string | number | null>;

/** What a first heartbeat writes into the columns a fixture row does not give. */
export const FIRST_BEAT_DEFAULTS: RowValues = {
  deleted: 0,
  report_count: 1,
  disabled: 0,
  availability_zone: 'nova',
  replication_status: 'not-capable',
  frozen: 0,
};

/** Creates an svc database at `path` holding `rows` (ids in the order given). */
export function createFixtureDb(path: string, rows: RowValues[], schema = SCHEMA_SQL): void {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.exec(schema);
    for (const row of rows) insertRow(db, row);
  } finally {
    db.close();
  }
}

export function insertRow(db: Database.Database, values: RowValues): void {
  const row = { ...FIRST_BEAT_DEFAULTS, ...values };
  const names = Object.keys(row);
  db.prepare(
    `INSERT INTO services (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
  ).run(...Object.values(row));
}

/** Every row of the services table, all columns, in id order. */
export function readAllRows(path: string): Record<string, unknown>[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT * FROM services ORDER BY id').all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}
