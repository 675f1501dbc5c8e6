import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The house rules of ARCHITECTURE.md, enforced: shared/ is pure, the renderer never
// reaches Node or Electron, and nothing plain Node runs imports 'electron' (it would
// try to download the binary and throw).

const root = path.resolve(import.meta.dirname, '../..');

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name)).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

async function importsOf(file: string): Promise<string[]> {
  const text = await readFile(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

const ELECTRON_SHELL = new Set(['electron/main.ts', 'electron/preload.ts']);

describe('runtime tiers', () => {
  it('shared/ imports nothing runtime-specific', async () => {
    for (const file of await sources('shared')) {
      for (const spec of await importsOf(file)) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^(node:|electron|fs$|path$|os$|crypto$|react)/);
        expect(spec, `${file} imports ${spec}`).not.toMatch(/\.\.\/(electron|renderer)\//);
      }
    }
  });

  it('renderer/ never imports node: modules, electron or the main-process code', async () => {
    for (const file of await sources('renderer')) {
      for (const spec of await importsOf(file)) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^(node:|electron)|\/electron\//);
      }
    }
  });

  it("only the Electron shell imports 'electron'", async () => {
    for (const file of await sources('electron')) {
      if (ELECTRON_SHELL.has(file) || file.startsWith('electron/shell/')) continue;
      for (const spec of await importsOf(file)) expect(spec, `${file} imports ${spec}`).not.toMatch(/^electron(\/|$)/);
    }
  });
});
