#!/usr/bin/env node
// Launcher for the built command line (out/main/cli.js); says what to do when it is not built.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('casefile: the command line is not built yet. Run `npm run build` in the Casefile folder first.\n');
  process.exit(1);
}
await import(cli);
