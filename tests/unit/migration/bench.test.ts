import { readdir, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CaseFile } from '../../../shared/model';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { CURRENT_SCHEMA_VERSION } from '../../../electron/services/store/meta';
import { generateCase } from '../../../scripts/bench/generate';
import { tempDir } from '../../helpers/fixtures';

// The benchmark's cases are version 2 and its folder is at the current layout, as
// scripts/bench/run.ts writes it: its first open is an open, never a migration.

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-bench-model-')));
afterEach(() => cleanup());

it('generated cases are stored version-2 cases, and a folder of them opens without migrating', async () => {
  await mkdir(path.join(dir, 'cases'), { recursive: true });
  await writeFile(path.join(dir, 'meta.json'), JSON.stringify({ format: 'casefile-data', schemaVersion: CURRENT_SCHEMA_VERSION, createdAt: new Date().toISOString() }));
  for (let i = 0; i < 20; i++) {
    const { case: c } = generateCase(i);
    expect(CaseFile.parse(c)).toEqual(c);
    if (c.kind === 'political_prisoner') expect(c.decisions[0]!.penalty!.term!.years).toBeGreaterThan(0);
    await writeFile(path.join(dir, 'cases', `${c.id}.json`), `${JSON.stringify(c, null, 2)}\n`);
  }
  const store = await CaseStore.open(dir);
  try {
    expect(store.count()).toBe(20);
    expect(store.quarantinedNow).toEqual([]);
    expect(await readdir(path.join(dir, 'backups')).catch(() => [])).toEqual([]); // no snapshot before a migration
  } finally {
    await store.close();
  }
});
