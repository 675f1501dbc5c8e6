import { z } from 'zod';
import { DateTime } from '../../../shared/model';
import { ServiceError } from '../errors';
import { DurableJsonFile, type DurableFs } from '../disk/durableFile';
import { clearMigrationJournal, readMigrationJournal, writeMigrationJournal } from './migrations/journal';

/** The data-folder layout this build reads and writes. Raise it with a migration. */
export const CURRENT_SCHEMA_VERSION = 2;

export const Meta = z.strictObject({
  format: z.literal('casefile-data'),
  schemaVersion: z.int().min(0),
  createdAt: DateTime,
  migratedAt: DateTime.optional(),
  /** Minutes without use before an encrypted folder locks itself (0: never). Plain on purpose: the lock screen reads it. */
  idleLockMinutes: z.int().min(0).max(1440).optional(),
});
export type Meta = z.infer<typeof Meta>;

/**
 * `dataKey`: the folder's key when it is encrypted, for migrations that must read or rewrite files;
 * `now`: the time history entries are stamped with; `fs`: injected file-system calls (fault tests).
 */
export type MigrationContext = { dataDir: string; casesDir: string; dataKey: Buffer | null; now?: () => string; fs?: DurableFs };

/**
 * Moves a data folder from `from` to `from + 1`. A migration must be idempotent:
 * a crash after it ran but before meta.json recorded it runs it again.
 */
export type Migration = { from: number; description: string; up(ctx: MigrationContext): Promise<void> };

/**
 * meta.json does not read (a flipped byte, a cut): nothing may be read or
 * written by a store that cannot tell the folder's layout, but the way back
 * must stay open — the session still lists, restores and recovers from
 * backups (see session.ts), which is what this message sends the user to.
 */
export class DamagedMetaError extends ServiceError {
  constructor(why: string) {
    super(
      'internal',
      `meta.json in the data folder is damaged (${why}). Restore a backup: \`casefile backups\` lists them and \`casefile restore <name>\` puts the folder back as it was then, meta.json included (in the app: Settings → Backups → Restore). Recovering a quarantined case file (\`casefile recover <file>\`) puts back the newest good meta.json first. Nothing was changed.`,
    );
    this.name = 'DamagedMetaError';
  }
}

/** The folder's meta, or null when there is none yet (a new folder); DamagedMetaError when it does not read. */
export async function readMeta(file: DurableJsonFile<unknown>): Promise<Meta | null> {
  let raw: unknown;
  try {
    raw = await file.read();
  } catch (err) {
    throw new DamagedMetaError((err as Error).message);
  }
  if (raw === null) return null;
  return parseMeta(raw);
}

export function parseMeta(raw: unknown): Meta {
  const parsed = Meta.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DamagedMetaError(issue ? `${issue.path.join('.') || 'top level'}: ${issue.message}` : 'invalid');
  }
  return parsed.data;
}

/**
 * Brings the folder to `target`, one recorded step at a time. Each step is named
 * in a journal and meta.json raised before it rewrites anything (see
 * migrations/journal), so an older build refuses a half-migrated folder and the
 * next open of this one finishes the step. Returns `meta` itself when nothing ran.
 */
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
  const stepFrom = (from: number) => {
    const step = migrations.find((m) => m.from === from);
    if (!step) throw new ServiceError('unsupported', `No migration from data-folder layout ${from}; nothing was changed.`);
    return step;
  };
  let current = meta;
  const interrupted = await readMigrationJournal(ctx.dataDir);
  if (interrupted && interrupted.to === current.schemaVersion && interrupted.from < interrupted.to) {
    // A step a crash cut short: meta.json was raised, the files are partly rewritten. Run it again.
    for (let from = interrupted.from; from < interrupted.to; from++) await stepFrom(from).up(ctx);
    current = { ...current, migratedAt: new Date().toISOString() };
    await file.write(current);
  }
  if (interrupted) await clearMigrationJournal(ctx.dataDir, ctx.fs);
  while (current.schemaVersion < target) {
    const step = stepFrom(current.schemaVersion);
    const to = step.from + 1;
    await writeMigrationJournal(ctx.dataDir, step.from, to, ctx.fs);
    await file.write({ ...current, schemaVersion: to });
    await step.up(ctx);
    current = { ...current, schemaVersion: to, migratedAt: new Date().toISOString() };
    await file.write(current);
    await clearMigrationJournal(ctx.dataDir, ctx.fs);
  }
  return current;
}
