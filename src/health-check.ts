import { spawn } from 'node:child_process';

export type CheckResult = { ok: true } | { ok: false; reason: string };

/**
 * Cinder's manager.is_working(): runs `command` through /bin/sh. Its standard output is
 * dropped (cron mails output), its standard error passes through to say why it failed.
 * Past the timeout, or on abort, the whole process group is killed.
 */
export function runHealthCheck(command: string, timeoutSeconds: number, signal?: AbortSignal): Promise<CheckResult> {
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', command], {
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    });
    let timedOut = false;
    const kill = (): void => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutSeconds * 1000);
    signal?.addEventListener('abort', kill, { once: true });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: `could not run: ${error.message}` });
    });
    child.on('close', (code, killedBy) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', kill);
      if (timedOut) resolve({ ok: false, reason: `timed out after ${timeoutSeconds} s` });
      else if (code === 0) resolve({ ok: true });
      else if (code !== null) resolve({ ok: false, reason: `exited with status ${code}` });
      else resolve({ ok: false, reason: `killed by ${killedBy}` });
    });
  });
}
