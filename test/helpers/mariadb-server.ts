import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import mysql, { type Connection } from 'mysql2/promise';

/** The user svc logs in as in tests; the password needs %-encoding in a URL. */
export const TEST_USER = 'svc';
export const TEST_PASSWORD = 'pa:ss@w/rd#1';

/** A private MariaDB server on loopback, with its own data directory and port. */
export interface MariaDbServer {
  port: number;
  /** A root session over the server's socket, for fixtures and checks. */
  admin: Connection;
  /** Another root session, e.g. to hold a lock while svc runs. */
  connect(): Promise<Connection>;
  /** A new empty database; returns its `mysql://` URL for TEST_USER. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

function findProgram(names: string[]): string | undefined {
  const folders = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/sbin', '/usr/bin', '/usr/local/sbin'];
  for (const name of names) {
    for (const folder of folders) {
      const path = join(folder, name);
      if (folder !== '' && existsSync(path)) return path;
    }
  }
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function mysqlUrl(port: number, database: string, password = TEST_PASSWORD, user = TEST_USER): string {
  return `mysql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

async function connectAdmin(socketPath: string, child: ChildProcess, errorLog: string): Promise<Connection> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) {
      const log = existsSync(errorLog) ? readFileSync(errorLog, 'utf8').split('\n').slice(-15).join('\n') : '';
      throw new Error(`mariadbd exited with ${child.exitCode}:\n${log}`);
    }
    try {
      return await rootSession(socketPath);
    } catch {
      await sleep(100);
    }
  }
  throw new Error('mariadbd did not accept connections within 60 s');
}

function rootSession(socketPath: string): Promise<Connection> {
  return mysql.createConnection({ socketPath, user: 'root', dateStrings: true, multipleStatements: true });
}

async function launch(folder: string, mariadbd: string): Promise<{ child: ChildProcess; port: number; admin: Connection }> {
  const port = await freePort();
  const socketPath = join(folder, 'mysqld.sock');
  const errorLog = join(folder, 'error.log');
  const args = [
    '--no-defaults',
    `--datadir=${join(folder, 'data')}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    `--socket=${socketPath}`,
    `--pid-file=${join(folder, 'mysqld.pid')}`,
    `--log-error=${errorLog}`,
    '--skip-name-resolve',
    '--skip-log-bin',
    '--innodb-buffer-pool-size=32M',
    '--innodb-log-file-size=16M',
    '--innodb-flush-log-at-trx-commit=2',
    '--max-connections=500',
  ];
  if (process.getuid?.() === 0) args.push('--user=root');
  const child = spawn(mariadbd, args, { stdio: 'ignore' });
  try {
    return { child, port, admin: await connectAdmin(socketPath, child, errorLog) };
  } catch (error) {
    child.kill('SIGKILL');
    await exited(child);
    throw error;
  }
}

/**
 * Starts MariaDB as `.ci/run` provides it (Debian's mariadb-server): a fresh data
 * directory under the system temp folder, a free loopback port, a user with a password.
 */
export async function startMariaDb(): Promise<MariaDbServer> {
  const mariadbd = findProgram(['mariadbd', 'mysqld']);
  const installDb = findProgram(['mariadb-install-db', 'mysql_install_db']);
  if (mariadbd === undefined || installDb === undefined) {
    throw new Error('MariaDB is not installed: `apt-get install mariadb-server` (.ci/run installs it)');
  }
  const folder = mkdtempSync(join(tmpdir(), 'svc-mariadb-'));
  const install = spawnSync(
    installDb,
    [
      '--no-defaults',
      `--datadir=${join(folder, 'data')}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      ...(process.getuid?.() === 0 ? ['--user=root'] : []),
    ],
    { encoding: 'utf8' },
  );
  if (install.status !== 0) {
    rmSync(folder, { recursive: true, force: true });
    throw new Error(`mariadb-install-db failed:\n${install.stdout}${install.stderr}`);
  }
  let launched: Awaited<ReturnType<typeof launch>> | undefined;
  for (let attempt = 1; launched === undefined; attempt += 1) {
    try {
      launched = await launch(folder, mariadbd);
    } catch (error) {
      // Another test may have taken the free port between our probe and the server's bind.
      if (attempt === 3) {
        rmSync(folder, { recursive: true, force: true });
        throw error;
      }
    }
  }
  const { child, port, admin } = launched;
  await admin.query(
    `CREATE USER '${TEST_USER}'@'127.0.0.1' IDENTIFIED BY ?; GRANT ALL ON *.* TO '${TEST_USER}'@'127.0.0.1'`,
    [TEST_PASSWORD],
  );
  let databases = 0;
  return {
    port,
    admin,
    connect: () => rootSession(join(folder, 'mysqld.sock')),
    async createDatabase() {
      databases += 1;
      const name = `svc_test_${databases}`;
      await admin.query(`CREATE DATABASE ${name}`);
      return mysqlUrl(port, name);
    },
    async stop() {
      await admin.end().catch(() => admin.destroy());
      child.kill('SIGTERM');
      const stopped = await Promise.race([exited(child).then(() => true), sleep(30_000, false, { ref: false })]);
      if (!stopped) {
        child.kill('SIGKILL');
        await exited(child);
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The database name at the end of a `mysql://` URL. */
export function databaseOf(url: string): string {
  return new URL(url).pathname.slice(1);
}
