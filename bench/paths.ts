import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout the bench runs in: it is compiled to another folder, so look up from there. */
function findRepositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'schema.sql'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('bench: cannot find schema.sql above the bench script');
    dir = parent;
  }
  return dir;
}

export const REPOSITORY_ROOT = findRepositoryRoot();
export const SCHEMA_PATH = join(REPOSITORY_ROOT, 'schema.sql');
export const SVC_BIN = join(REPOSITORY_ROOT, 'bin', 'svc.js');
