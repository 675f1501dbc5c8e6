import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { fsyncDir, writeFileDurably, type DurableFs } from '../../disk/durableFile';

// A migration in progress, named in the data folder. A step raises meta.json's
// layout BEFORE it rewrites anything, so a build that reads only the old layout
// refuses a half-migrated folder ("written by a newer Casefile") instead of
// quarantining the cases already rewritten; this journal is what tells the new
// build that the raised layout is not finished yet. It is written before meta.json
// is raised and deleted after meta.json records the step as done, so a crash
// anywhere leaves either the old layout (the step starts over) or the journal
// (the step runs again: every step is idempotent).

const MIGRATION_JOURNAL = 'migration.json';

const Journal = z.strictObject({ format: z.literal('casefile-migration'), from: z.int().min(0), to: z.int().min(1) });
export type MigrationJournal = z.infer<typeof Journal>;

/** The step a crash interrupted, or null. A journal that does not read was torn while written: meta.json was not raised yet. */
export async function readMigrationJournal(dataDir: string): Promise<MigrationJournal | null> {
  let text: string;
  try {
    text = await readFile(path.join(dataDir, MIGRATION_JOURNAL), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const parsed = Journal.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function writeMigrationJournal(dataDir: string, from: number, to: number, fs?: DurableFs): Promise<void> {
  await writeFileDurably(path.join(dataDir, MIGRATION_JOURNAL), `${JSON.stringify({ format: 'casefile-migration', from, to } satisfies MigrationJournal)}\n`, fs);
}

export async function clearMigrationJournal(dataDir: string, fs?: DurableFs): Promise<void> {
  await unlink(path.join(dataDir, MIGRATION_JOURNAL)).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
  await fsyncDir(dataDir, fs);
}
