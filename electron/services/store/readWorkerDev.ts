// From TypeScript sources (vitest, tsx), the read pool's worker is bundled once per process
// with esbuild into node_modules/.cache/ (named by its content, so processes and worktrees
// share or keep apart their copies), its dependencies loading from node_modules as the built
// app's do — the way isolation/devWorker.ts starts the isolation worker.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

let built: URL | undefined;

export function devWorkerUrl(entry: URL): URL {
  if (built) return built;
  const source = fileURLToPath(entry);
  const root = path.resolve(path.dirname(source), '../../..');
  const dir = path.join(root, 'node_modules', '.cache', 'casefile-readpool');
  mkdirSync(dir, { recursive: true });
  // esbuild comes with tsx (a dev dependency), which is what runs TypeScript sources at all.
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const out = esbuild.buildSync({ entryPoints: [source], write: false, bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', logLevel: 'silent' });
  const code = out.outputFiles[0]!.contents;
  const outfile = path.join(dir, `readWorker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(outfile)) {
    const tmp = `${outfile}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, outfile);
  }
  built = pathToFileURL(outfile);
  return built;
}
