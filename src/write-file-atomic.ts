import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SvcError } from './core/errors.js';

/**
 * A temporary name in the target's folder (a rename is atomic only within one file
 * system), hidden and not ending like the target, so a textfile collector that reads
 * `*.prom` never picks it up.
 */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

async function existingMode(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/**
 * Replaces `path` with `text` so that a reader sees either the old file or the whole new
 * one: write a temporary file next to it, flush it to disk, rename it over the target.
 * The temporary file never outlives the call, whether it succeeds or fails.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temporary = temporaryPathFor(path);
  let created = false;
  try {
    const mode = await existingMode(path);
    const handle = await open(temporary, 'wx', mode ?? 0o666);
    created = true;
    try {
      await handle.writeFile(text, 'utf8');
      if (mode !== undefined) await handle.chmod(mode); // The umask narrowed it at open.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
    created = false;
  } catch (error) {
    if (created) await unlink(temporary).catch(() => undefined);
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new SvcError(`cannot write ${path}: ${describeFsError(reason)}`);
  }
}

function describeFsError(code: string): string {
  switch (code) {
    case 'ENOENT':
      return 'no such folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a parent is not a folder';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'read-only file system';
    default:
      return code;
  }
}
