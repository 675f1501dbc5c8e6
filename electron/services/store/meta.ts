import { z } from 'zod';
import { DateTime } from '../../../shared/model';
import { ServiceError } from '../errors';
import { DurableJsonFile } from './durableFile';

/** The data-folder layout this build reads and writes. Raise it with a migration. */
export const CURRENT_SCHEMA_VERSION = 1;

export const Meta = z.strictObject({
  format: z.literal('casefile-data'),
  schemaVersion: z.int().min(0),
  createdAt: DateTime,
  migratedAt: DateTime.optional(),
  /** Minutes without use before an encrypted folder locks itself (0: never). Plain on purpose: the lock screen reads it. */
  idleLockMinutes: z.int().min(0).max(1440).optional(),
});
export type Meta = z.infer<typeof Meta>;

/** `dataKey`: the folder's key when it is encrypted, for migrations that must read or rewrite files. */
export type MigrationContext = { dataDir: string; casesDir: string; dataKey: Buffer | null };

/**
 * Moves a data folder from `from` to `from + 1`. A migration must be idempotent:
 * a crash after it ran but before meta.json recorded it runs it again.
 */
export type Migration = { from: number; description: string; up(ctx: MigrationContext): Promise<void> };

/** None yet: version 1 is the first layout. */
export const MIGRATIONS: readonly Migration[] = [];

export async function readMeta(file: DurableJsonFile<unknown>): Promise<Meta | null> {
  let raw: unknown;
  try {
    raw = await file.read();
  } catch (err) {
    throw new ServiceError('internal', `meta.json in the data folder cannot be read (${(err as Error).message}). Restore it from a backup; nothing was changed.`);
  }
  if (raw === null) return null;
  const parsed = Meta.safeParse(raw);
  if (!parsed.success) {
    throw new ServiceError('internal', `meta.json in the data folder is not valid (${parsed.error.issues[0]?.message}). Restore it from a backup; nothing was changed.`);
  }
  return parsed.data;
}

/** Brings the folder to `target`, one recorded step at a time. */
export async function migrate(
  meta: Meta,
  file: DurableJsonFile<unknown>,
  ctx: MigrationContext,
  migrations: readonly Migration[],
  target: number,
): Promise<Meta> {
  if (meta.schemaVersion > target) {
    throw new ServiceError(
      'unsupported',
      `This data folder was written by a newer Casefile (layout ${meta.schemaVersion}; this one reads up to ${target}). Update Casefile; nothing was changed.`,
    );
  }
  let current = meta;
  while (current.schemaVersion < target) {
    const step = migrations.find((m) => m.from === current.schemaVersion);
    if (!step) {
      throw new ServiceError('unsupported', `No migration from data-folder layout ${current.schemaVersion}; nothing was changed.`);
    }
    await step.up(ctx);
    current = { ...current, schemaVersion: step.from + 1, migratedAt: new Date().toISOString() };
    await file.write(current);
  }
  return current;
}
