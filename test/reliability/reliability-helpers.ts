import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { SVC_BIN, tempDir } from '../helpers/svc-process.js';

/** A stack trace line as Node prints it, or Node's dump of an uncaught error. */
export const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$|^node:internal|Uncaught|\bthrow er\b/m;

/** `svc: error: ...` (or a warning) and nothing else: one line. */
export const ONE_ERROR_LINE = /^svc: error: [^\n]+\n$/;

export function integrityOf(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

export function reportCountOf(path: string, host: string, binary: string): number {
  const db = new Database(path, { readonly: true });
  try {
    const row = db
      .prepare('SELECT SUM(report_count) AS total FROM services WHERE host = ? AND "binary" = ? AND deleted = 0')
      .get(host, binary) as { total: number | null };
    return row.total ?? 0;
  } finally {
    db.close();
  }
}

export function fileBytes(path: string): Buffer {
  return readFileSync(path);
}

export interface RunningSvc {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started = new Set<ChildProcess>();

/** Kills whatever startSvc started that is still running (call it in afterEach). */
export function killStartedSvcs(): void {
  for (const child of started) child.kill('SIGKILL');
  started.clear();
}

/** Starts the built svc without waiting for it, with a clean environment and an optional umask. */
export function startSvc(args: string[], env: Record<string, string> = {}, umask?: string): RunningSvc {
  const command = umask === undefined ? process.execPath : '/bin/sh';
  const argv =
    umask === undefined
      ? [SVC_BIN, ...args]
      : ['-c', `umask ${umask} && exec "$0" "$@"`, process.execPath, SVC_BIN, ...args];
  const child = spawn(command, argv, {
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: tempDir('svc-home-'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  started.add(child);
  child.on('exit', () => started.delete(child));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

function holds(condition: () => boolean): boolean {
  try {
    return condition();
  } catch {
    return false; // e.g. a database svc is still creating
  }
}

/** Polls `condition` every 20 ms until it holds (a throw counts as not yet); fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!holds(condition)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Whether a process is gone: no such id, or a zombie nobody has reaped yet. */
export function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}
