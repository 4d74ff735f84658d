// `npm run bench`: whole-process wall time and peak memory of svc beside baselines measured
// in the same run (`node -e 0` for start-up, the sqlite3 shell for bulk output).
// The ratios are the result; absolute times depend on the machine and its load.
// BENCH_STARTUP_RUNS and BENCH_BULK_RUNS change how many runs each median takes.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { BENCH_NOW, createBenchDb } from './fixture.js';
import { SVC_BIN } from './paths.js';
import { hasGnuTime, medianWallTimes, outputOf, peakRssMb, type Command } from './measure.js';

const SIZES = [1_000, 10_000, 100_000] as const;
const STARTUP_RUNS = Number(process.env['BENCH_STARTUP_RUNS'] ?? 21);
const BULK_RUNS = Number(process.env['BENCH_BULK_RUNS'] ?? 7);

// The columns service-list prints, as stored, so that the shell reads the same data.
const LIST_COLUMNS =
  '"binary", host, availability_zone, disabled, updated_at, cluster_name, disabled_reason, ' +
  'replication_status, active_backend_id, frozen';
const JSON_QUERY = `SELECT ${LIST_COLUMNS} FROM services WHERE deleted = 0 ORDER BY id`;
const BOX_QUERY = `SELECT ${LIST_COLUMNS} FROM services WHERE deleted = 0 ORDER BY "binary", host`;

/** Installs a Debian package when root; otherwise says how and stops. */
function requireTool(available: () => boolean, debianPackage: string, why: string): void {
  if (available()) return;
  if (process.getuid?.() !== 0) {
    console.error(`bench: ${why} needs Debian's ${debianPackage}: sudo apt-get install -y ${debianPackage}`);
    process.exit(1);
  }
  console.error(`bench: installing ${debianPackage} (${why})`);
  const install = (): number | null =>
    spawnSync('apt-get', ['install', '-y', debianPackage], { stdio: 'inherit' }).status;
  if (install() !== 0) {
    spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    if (install() !== 0 || !available()) {
      console.error(`bench: could not install ${debianPackage}`);
      process.exit(1);
    }
  }
}

const hasSqlite3 = (): boolean => spawnSync('sqlite3', ['-version'], { stdio: 'ignore' }).status === 0;

interface Row {
  what: string;
  svc: Command;
  baseline: Command;
  /** The issue's target ratio; rows without one are shown for scale. */
  target?: number;
  memoryLimitMb?: number;
}

function svc(db: string, ...args: string[]): Command {
  return { label: `svc ${args.join(' ')}`, argv: [process.execPath, SVC_BIN, '--db', db, ...args], env: { SVC_NOW: BENCH_NOW } };
}

function sqlite3(mode: '-json' | '-box', db: string, query: string): Command {
  return { label: `sqlite3 ${mode}`, argv: ['sqlite3', mode, db, query] };
}

const NODE_NOTHING: Command = { label: 'node -e 0', argv: [process.execPath, '-e', '0'] };

function fixed(value: number, digits = 1): string {
  return value.toFixed(digits);
}

function measureRows(rows: Row[], runs: number, scratch: string): string[] {
  const commands = [...new Set(rows.flatMap((row) => [row.svc, row.baseline]))];
  const times = medianWallTimes(commands, runs);
  const medians = new Map(commands.map((command, index) => [command, times[index]!]));
  return rows.map((row) => {
    const svcMs = medians.get(row.svc)!;
    const baseMs = medians.get(row.baseline)!;
    const ratio = svcMs / baseMs;
    const svcMb = peakRssMb(row.svc, scratch);
    const baseMb = peakRssMb(row.baseline, scratch);
    const memoryMet = row.memoryLimitMb === undefined || svcMb <= row.memoryLimitMb;
    const target =
      row.target === undefined ? '—' : `≤ ${row.target}×${row.memoryLimitMb === undefined ? '' : `, ≤ ${row.memoryLimitMb} MB`}`;
    const met = row.target === undefined ? '—' : ratio <= row.target && memoryMet ? 'yes' : 'NO';
    return (
      `| ${row.what} | ${fixed(svcMs)} | ${row.baseline.label} | ${fixed(baseMs)} | ${fixed(ratio, 2)}× | ` +
      `${fixed(svcMb)} / ${fixed(baseMb)} | ${target} | ${met} |`
    );
  });
}

function main(): void {
  requireTool(hasSqlite3, 'sqlite3', 'the sqlite3 baseline');
  requireTool(hasGnuTime, 'time', 'measuring peak memory');
  const scratch = mkdtempSync(join(tmpdir(), 'svc-bench-'));
  try {
    const dbs = new Map<number, string>();
    for (const size of SIZES) {
      const path = join(scratch, `services-${size}.db`);
      createBenchDb(path, size);
      dbs.set(size, path);
    }
    const beatDb = join(scratch, 'heartbeat.db');
    copyFileSync(dbs.get(1_000)!, beatDb);
    const db = (size: number): string => dbs.get(size)!;

    // Every svc command must succeed and print as much as its baseline has rows for.
    const lines = (command: Command): number => outputOf(command).toString('utf8').split('\n').length;
    for (const size of SIZES) {
      const expected = lines(sqlite3('-box', db(size), BOX_QUERY));
      const got = lines(svc(db(size), 'service-list'));
      if (got !== expected) throw new Error(`svc printed ${got} lines for ${size} services, sqlite3 -box ${expected}`);
    }

    const startup: Row[] = [
      { what: 'heartbeat', svc: svc(beatDb, 'heartbeat', '--binary', 'cinder-volume', '--host', 'bench@lvm'), baseline: NODE_NOTHING, target: 1.3 },
      { what: 'service-list, 1k', svc: svc(db(1_000), 'service-list'), baseline: NODE_NOTHING, target: 1.6 },
    ];
    const jsonRows = (size: number, target?: number, memoryLimitMb?: number): Row => ({
      what: `service-list -f json, ${size / 1000}k`,
      svc: svc(db(size), 'service-list', '-f', 'json'),
      baseline: sqlite3('-json', db(size), JSON_QUERY),
      target,
      memoryLimitMb,
    });
    const tableRows = (size: number, target?: number, memoryLimitMb?: number): Row => ({
      what: `service-list (table), ${size / 1000}k`,
      svc: svc(db(size), 'service-list'),
      baseline: sqlite3('-box', db(size), BOX_QUERY),
      target,
      memoryLimitMb,
    });
    const bulk: Row[] = [
      jsonRows(10_000),
      jsonRows(100_000, 1.5, 300),
      tableRows(10_000),
      tableRows(100_000, 3, 400),
    ];

    const loadBefore = loadavg();
    const table = [
      '| what | svc ms | baseline | baseline ms | ratio | peak MB svc / baseline | target | met |',
      '|---|---:|---|---:|---:|---:|---|---|',
      ...measureRows(startup, STARTUP_RUNS, scratch),
      ...measureRows(bulk, BULK_RUNS, scratch),
    ];
    const growth = ['json', 'table'].map((kind) => {
      const args = kind === 'json' ? ['service-list', '-f', 'json'] : ['service-list'];
      const [small, large] = medianWallTimes([svc(db(10_000), ...args), svc(db(100_000), ...args)], BULK_RUNS);
      const ratio = large! / small!;
      return `| growth, ${kind}: 100k ÷ 10k | ${fixed(large!)} | svc on 10k | ${fixed(small!)} | ${fixed(ratio, 2)}× | | ≤ 11× | ${ratio <= 11 ? 'yes' : 'NO'} |`;
    });
    const loadAfter = loadavg();

    const sqliteVersion = String(spawnSync('sqlite3', ['-version']).stdout).split(' ')[0];
    const cpu = cpus();
    console.log(table.concat(growth).join('\n'));
    console.log(
      `\nMedian of ${STARTUP_RUNS} runs (start-up) and ${BULK_RUNS} runs (bulk), interleaved; stdout to /dev/null; ` +
        `peak memory of one run by GNU time.\n` +
        `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${fixed(totalmem() / 2 ** 30, 0)} GiB, ` +
        `Node ${process.version}, sqlite3 ${sqliteVersion}; load average ${loadBefore.map((l) => fixed(l, 2)).join(' ')} ` +
        `before, ${loadAfter.map((l) => fixed(l, 2)).join(' ')} after.`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main();
