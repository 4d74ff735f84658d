import { readFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { SCHEMA_PATH } from './paths.js';

const SCHEMA_SQL = readFileSync(SCHEMA_PATH, 'utf8');
const BINARIES = ['cinder-volume', 'cinder-scheduler', 'cinder-backup'] as const;

/** The time every benchmark runs at (SVC_NOW), so that some services are up and some down. */
export const BENCH_NOW = '2026-01-01T12:00:30Z';

function dbTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '000');
}

/**
 * A database of `count` live services, the same on every run: a third of each binary,
 * volumes on backends (`host@lvm-N`), beats spread over the last two minutes, one in ten
 * disabled with a reason, half in a cluster.
 */
export function createBenchDb(path: string, count: number): void {
  rmSync(path, { force: true });
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.exec(SCHEMA_SQL);
    const insert = db.prepare(
      `INSERT INTO services (created_at, updated_at, deleted, host, "binary", topic, report_count,
         disabled, availability_zone, disabled_reason, modified_at, replication_status, frozen, cluster_name)
       VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 'not-capable', 0, ?)`,
    );
    const now = Date.parse(BENCH_NOW);
    db.transaction(() => {
      for (let index = 0; index < count; index++) {
        const binary = BINARIES[index % BINARIES.length]!;
        const node = `node-${String(index).padStart(6, '0')}`;
        const host = binary === 'cinder-volume' ? `${node}@lvm-${index % 4}` : node;
        const updated = now - 30_000 - (index % 7) * 20_000 - (index % 1000);
        const disabled = index % 10 === 0;
        insert.run(
          dbTimestamp(updated - 86_400_000),
          dbTimestamp(updated),
          host,
          binary,
          binary,
          index + 1,
          disabled ? 1 : 0,
          `az-${index % 5}`,
          disabled ? `maintenance window ${index}` : null,
          disabled ? dbTimestamp(updated - 5_000) : null,
          index % 2 === 1 ? `cluster-${index % 50}` : null,
        );
      }
    })();
  } finally {
    db.close();
  }
}
