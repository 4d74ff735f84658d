#!/usr/bin/env node
import { main } from '../dist/cli.js';

// A reader that stops early (svc service-list | head -1) ends the output quietly, as
// SIGPIPE ends a C tool; any other stream error is still loud.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = await main(process.argv.slice(2));
