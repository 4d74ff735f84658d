// Bundles src/cli.ts into dist/ with esbuild: one file to load at start-up instead of
// dozens, and code that only some commands need (the SQLite store, chalk) split into
// chunks that stay behind their dynamic import(). tsc still type-checks (npm test).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // better-sqlite3's JavaScript is bundled into the store's chunk (a dozen fewer files to
  // load), its addon is loaded by path at run time; `bindings` only as its fallback.
  // mysql2 stays a package of its own, loaded only for mysql:// databases.
  external: ['bindings', 'mysql2', 'mysql2/*'],
  // Chunks live one folder below dist/, as src/store/ is below src/, so that a path such as
  // '../../schema.sql' relative to import.meta.url names the same file from both.
  chunkNames: 'chunks/[name]-[hash]',
  entryNames: '[name]',
  // commander is CommonJS and requires Node built-ins, which an ESM bundle must be given.
  banner: { js: "import { createRequire as __svcCreateRequire } from 'node:module'; const require = __svcCreateRequire(import.meta.url);" },
  minifySyntax: true,
  logLevel: 'warning',
});
