// From TypeScript sources (vitest, tsx), a worker is bundled once per process with
// esbuild into node_modules/.cache/ (where build tools keep theirs; never packed, unlike
// out/), named by its content so processes and worktrees share or keep apart their
// copies without cleaning up; its dependencies load from node_modules as the built
// app's do. Running it through tsx instead costs six seconds per worker (tsx reads
// pdf.js's multi-megabyte source maps on every load). The isolation worker, the
// store's read pool and the search build's workers start theirs this way.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = new Map<string, URL>();

/** The bundled worker for a TypeScript entry (`readWorker.ts`, `isolationWorker.ts`), built once per process. */
export function devWorkerUrl(entry: URL): URL {
  const source = fileURLToPath(entry);
  const known = built.get(source);
  if (known) return known;
  const root = fileURLToPath(new URL('../../', import.meta.url)); // this file's place in the sources: electron/services/
  const dir = path.join(root, 'node_modules', '.cache', 'casefile-workers');
  mkdirSync(dir, { recursive: true });
  // esbuild comes with tsx (a dev dependency), which is what runs TypeScript sources at all.
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const out = esbuild.buildSync({ entryPoints: [source], write: false, bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', logLevel: 'silent' });
  const code = out.outputFiles[0]!.contents;
  const outfile = path.join(dir, `${path.basename(source, '.ts')}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(outfile)) {
    const tmp = `${outfile}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, outfile);
  }
  const url = pathToFileURL(outfile);
  built.set(source, url);
  return url;
}

/**
 * A pool worker's entry, for a module at `here` (its import.meta.url): `<name>.ts` beside it bundled
 * as above when running from sources, or `<name>.js` beside the built main-process bundles
 * (electron-vite builds each worker as an entry in out/main/; the module itself may sit in
 * out/main/chunks/). Null when the build lacks it: the caller then works on the main thread.
 */
export function poolWorkerUrl(here: string, name: string): URL | null {
  if (here.endsWith('.ts')) return devWorkerUrl(new URL(`./${name}.ts`, here));
  for (const rel of [`./${name}.js`, `../${name}.js`]) {
    const url = new URL(rel, here);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return null;
}
