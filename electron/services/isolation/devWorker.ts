// From TypeScript sources (vitest, tsx), the worker is bundled once per process with
// esbuild into out/.isolation-dev/, its dependencies left to load from node_modules as
// the built app loads them. Running it through tsx instead costs six seconds per worker
// (tsx reads pdf.js's multi-megabyte source maps on every load).

import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

let built: URL | undefined;

export function devWorkerUrl(entry: URL): URL {
  if (built) return built;
  const source = fileURLToPath(entry);
  const root = path.resolve(path.dirname(source), '../../..');
  const dir = path.join(root, 'out', '.isolation-dev');
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, `isolationWorker-${process.pid}.mjs`);
  const tmp = `${outfile}.${Date.now()}.tmp`;
  // esbuild comes with tsx (a dev dependency), which is what runs TypeScript sources at all.
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  esbuild.buildSync({ entryPoints: [source], outfile: tmp, bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', logLevel: 'silent' });
  renameSync(tmp, outfile);
  process.once('exit', () => rmSync(outfile, { force: true }));
  built = pathToFileURL(outfile);
  return built;
}
