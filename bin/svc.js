#!/usr/bin/env node
import { main } from '../dist/cli.js';

// A reader that stops early (svc service-list | head -1) ends the output quietly, as
// SIGPIPE ends a C tool; any other stream error is still loud.
function quietOnBrokenPipe(stream) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  return stream;
}

// Node builds process.stdout and process.stderr on first use, with the stream classes;
// a silent heartbeat never uses them, so they are guarded when first asked for.
let stdout;
let stderr;
const io = {
  get stdout() {
    return (stdout ??= quietOnBrokenPipe(process.stdout));
  },
  get stderr() {
    return (stderr ??= quietOnBrokenPipe(process.stderr));
  },
  env: process.env,
};

process.exitCode = await main(process.argv.slice(2), io);
