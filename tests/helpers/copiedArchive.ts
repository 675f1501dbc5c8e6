// A generated archive for the first-open tests: `count` bench cases (scripts/bench/generate.ts,
// ~12 KB each, names in three scripts) written straight into a new folder, as a copy from
// another machine or a backup drive arrives — every file new to the indexes.
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { tempDir } from './fixtures';
import { summarize, type CaseSummary } from '../../shared/model';
import { CURRENT_SCHEMA_VERSION } from '../../electron/services/store/meta';
import { generateCase, type GeneratedCase } from '../../scripts/bench/generate';

export async function writeArchive(dir: string, count: number): Promise<GeneratedCase[]> {
  await mkdir(path.join(dir, 'cases'), { recursive: true });
  await writeFile(path.join(dir, 'meta.json'), JSON.stringify({ format: 'casefile-data', schemaVersion: CURRENT_SCHEMA_VERSION, createdAt: '2026-01-01T00:00:00.000Z' }));
  const made: GeneratedCase[] = [];
  for (let i = 0; i < count; i++) {
    const g = generateCase(i);
    await writeFile(path.join(dir, 'cases', `${g.case.id}.json`), `${JSON.stringify(g.case, null, 2)}\n`);
    made.push(g);
  }
  return made;
}

/** The folder copied elsewhere (new inodes and change times: nothing in its indexes matches). */
export async function copyArchive(from: string, to: string): Promise<string> {
  await cp(from, to, { recursive: true });
  return to;
}

/** The summaries the list must show, from the generated cases themselves. */
export const summariesOf = (made: readonly GeneratedCase[]): CaseSummary[] => made.map((g) => summarize(g.case)).sort((a, b) => a.id.localeCompare(b.id));

/**
 * One generated archive for a test file (written before its tests, removed after them), and a
 * fresh copy of it for each test that asks: `made` is filled in place once the archive is written.
 */
export function archiveForTheseTests(count: number, prefix: string): { made: GeneratedCase[]; freshCopy: () => Promise<string> } {
  const made: GeneratedCase[] = [];
  let root = '';
  let cleanup: () => Promise<void> = async () => undefined;
  let copies = 0;
  beforeAll(async () => {
    ({ dir: root, cleanup } = await tempDir(prefix));
    made.push(...(await writeArchive(path.join(root, 'original'), count)));
  });
  afterAll(async () => cleanup());
  return { made, freshCopy: () => copyArchive(path.join(root, 'original'), path.join(root, `copy-${++copies}`)) };
}
