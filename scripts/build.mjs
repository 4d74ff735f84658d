// Bundles src/cli.ts into dist/ with esbuild: one file to load at start-up instead of
// dozens, and code that only some commands need (the SQLite store, chalk) split into
// chunks that stay behind their dynamic import(). tsc still type-checks (npm test).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// An ESM import of a Node built-in builds a namespace of all its exports, which runs lazy
// getters: `import { statSync } from 'node:fs'` loads fs/promises and every stream class.
// Built-ins taken through require() skip that, a few milliseconds of every run.
const builtinsThroughRequire = {
  name: 'builtins-through-require',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) =>
      args.kind === 'import-statement' && !args.importer.includes('node_modules')
        ? { path: args.path, namespace: 'builtin' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

// commander requires node:child_process at load time, only to run git-style executable
// subcommands, which svc has none of; loading it (with net and streams) costs every run
// a few milliseconds. Commander gets it on first use instead.
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents:
        "let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

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
  plugins: [builtinsThroughRequire, lazyChildProcessForCommander],
  logLevel: 'warning',
});
