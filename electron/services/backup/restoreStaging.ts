import { mkdir, open, readFile, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AuditEntry, DateTime } from '../../../shared/model';
import { encodeHistoryText, historyRel, readHistoryText } from '../audit/historyLog';
import { readDevice } from '../disk/device';
import type { DeviceInfo } from '../../../shared/team';
import { throwIfCancelled } from '../callContext';
import { aadForPath, encryptBytes } from '../crypto';
import { fsyncDir, TEMP_SUFFIX, writeFileDurably, type DurableFs } from '../disk/durableFile';
import { ioError, isIoError, ServiceError } from '../errors';
import { noteOriginals } from './originalsPool';
import { parseSnapshotName } from './snapshots';
import { streamSnapshot, validCase } from './snapshotReader';

// The first half of a restore (see restore.ts): the snapshot streamed into a
// staging folder beside the data, as the folder will hold it, and the list of
// its files written last. Only the staging folder is written, so a failure or a
// cancel here throws it away and the folder is as it was.

/** Where a restore stages the snapshot's files; its name reads as a leftover to the rest of the layout. */
export const RESTORE_STAGING = `.restore-staging${TEMP_SUFFIX}`;
const MANIFEST = 'manifest.json';
export const WRITE_BATCH = 16;
const Manifest = z.strictObject({
  format: z.literal('casefile-restore-staging'),
  snapshot: z.string(),
  at: DateTime,
  /** Every file the folder holds once restored (relative, with "/"). */
  files: z.array(z.string()),
  /** Cases the snapshot holds valid: their quarantined files are made stale by the restore. */
  restored: z.array(z.string()),
});
export type Manifest = z.infer<typeof Manifest>;

export type RestoreOptions = {
  fs?: DurableFs;
  now?: Date;
  onProgress?: (p: { done: number; total: number }) => void;
  /** The longest line a snapshot may hold (tests lower it). */
  maxLineBytes?: number;
  /** Checked while staging and through the safety snapshot; once the journal is written the restore finishes. */
  signal?: AbortSignal;
};

export const stagingDir = (dataDir: string) => path.join(dataDir, RESTORE_STAGING);
export const dropStaging = (dataDir: string) => rm(stagingDir(dataDir), { recursive: true, force: true }).catch(() => undefined);

const restoreLine = (at: string, rev: number, device: DeviceInfo) => `${JSON.stringify({ at, rev, cause: 'backup-restore', changes: [], device } satisfies AuditEntry)}\n`;

/** Writes one staged file as the folder stores it (sealed when encrypted), with the snapshot's mtime, synced. */
async function writeStaged(root: string, rel: string, text: string, mtimeMs: number, key: Buffer | null, fs?: DurableFs): Promise<void> {
  const file = path.join(root, ...rel.split('/'));
  const aad = aadForPath(rel);
  const when = new Date(mtimeMs);
  let bytes: string | Buffer;
  if (rel.startsWith('history/')) {
    // Each line stored as the folder stores lines (sealed one by one when encrypted); a line that is not an entry fails the restore, nothing changed.
    bytes = encodeHistoryText(text, key, aad, `${path.basename(file)} in the snapshot`);
  } else bytes = key && rel !== 'meta.json' ? encryptBytes(key, text, aad) : text;
  const handle = await (fs?.open ?? open)(file, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    // A trashed case's mtime is when it was trashed.
    await handle.utimes(when, when).catch(() => undefined);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Streams the snapshot into the staging folder: its files as the folder will
 * hold them, each case's history ending with a `backup-restore` entry stamped
 * `at` (the journal's time, so a redo writes the same bytes), then the list of
 * them. Throws (the staging left for the caller to drop) when the snapshot is
 * damaged anywhere, its trailer included.
 */
async function stage(dataDir: string, name: string, key: Buffer | null, at: string, options: RestoreOptions, named: Map<string, string>): Promise<void> {
  const root = stagingDir(dataDir);
  // The restore's line goes to this device's history file of each case (audit/historyFiles); other devices' files come back as they were.
  const device = await readDevice(dataDir);
  await rm(root, { recursive: true, force: true });
  for (const sub of ['cases', 'trash', 'history']) await mkdir(path.join(root, sub), { recursive: true, mode: 0o700 });
  // The files to come, as the name counts them (a case and its history each): the progress reported while staging.
  const counted = parseSnapshotName(name);
  const expected = counted ? 1 + 2 * (counted.cases + counted.trashed) : 0;
  const revs = new Map<string, number>();
  const historyDone = new Set<string>();
  const restored = new Set<string>();
  const files: string[] = [];
  const fileSet = new Set<string>();
  let inflight: Promise<void>[] = [];
  let failure: { err: unknown } | null = null;
  const settle = async () => {
    const batch = inflight;
    inflight = [];
    await Promise.all(batch);
    if (failure) throw failure.err;
  };
  await streamSnapshot(
    dataDir,
    name,
    key,
    async (entry) => {
      let text = entry.text;
      const c = /^(?:cases|trash)\/(.+)\.json$/.exec(entry.path);
      if (c) {
        try {
          const parsed = JSON.parse(text) as { rev?: unknown; sources?: unknown };
          if (typeof parsed.rev === 'number') revs.set(c[1]!, parsed.rev);
          noteOriginals(parsed.sources, named);
        } catch {
          // A case that is not JSON simply gets no history entry (the store quarantines it on open).
        }
        if (validCase(text, c[1]!)) restored.add(c[1]!);
      }
      const own = /^history\/([A-Za-z0-9_-]+)\.([a-z2-7]{8})\.jsonl$/.exec(entry.path);
      const h = own?.[2] === device.id ? own[1] : undefined;
      if (h !== undefined && revs.has(h)) {
        text = `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${restoreLine(at, revs.get(h)!, device)}`;
        historyDone.add(h);
      }
      // Still only the staging folder is written, which the catch in staged() drops: a clean place to stop.
      throwIfCancelled(options.signal, 'The restore');
      files.push(entry.path);
      fileSet.add(entry.path);
      // Several at once: each write waits for its fsync, and the disk takes them better together.
      inflight.push(writeStaged(root, entry.path, text, entry.mtimeMs, key, options.fs).catch((err: unknown) => void (failure ??= { err })));
      if (inflight.length >= WRITE_BATCH) {
        options.onProgress?.({ done: files.length, total: Math.max(expected, files.length) });
        await settle();
      }
    },
    options.maxLineBytes,
    // finally() waits for the promise its callback returns: the last writes settle before the check below.
    // oxlint-disable-next-line typescript/no-misused-promises
  ).finally(() => settle().catch(() => undefined));
  await settle();
  for (const [id, rev] of revs) {
    if (historyDone.has(id)) continue;
    const rel = historyRel(id, device.id);
    const file = path.join(root, ...rel.split('/'));
    if (fileSet.has(rel)) {
      // The history came before its case: add the entry to what was staged.
      const text = await readHistoryText(file, key, aadForPath(rel));
      await unlink(file);
      await writeStaged(root, rel, `${text}${restoreLine(at, rev, device)}`, Date.parse(at), key, options.fs);
    } else {
      // Cases whose snapshot holds no history (taken before histories existed) start one.
      files.push(rel);
      await writeStaged(root, rel, restoreLine(at, rev, device), Date.parse(at), key, options.fs);
    }
  }
  for (const sub of ['cases', 'trash', 'history']) await fsyncDir(path.join(root, sub), options.fs);
  const manifest: Manifest = { format: 'casefile-restore-staging', snapshot: name, at, files, restored: [...restored] };
  await writeFileDurably(path.join(root, MANIFEST), `${JSON.stringify(manifest)}\n`, options.fs);
}

export async function readManifest(dataDir: string, snapshot: string): Promise<Manifest | null> {
  try {
    const parsed = Manifest.safeParse(JSON.parse(await readFile(path.join(stagingDir(dataDir), MANIFEST), 'utf8')));
    return parsed.success && parsed.data.snapshot === snapshot ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Stages `name` for a restore stamped `at` and returns its manifest; on any failure nothing is left staged. */
export async function staged(dataDir: string, name: string, key: Buffer | null, at: string, options: RestoreOptions, named: Map<string, string>): Promise<Manifest> {
  try {
    await stage(dataDir, name, key, at, options, named);
    const manifest = await readManifest(dataDir, name);
    if (!manifest) throw new ServiceError('internal', `The restore of ${name} could not read back its own staging list. Nothing was changed.`);
    return manifest;
  } catch (err) {
    await dropStaging(dataDir);
    if (!isIoError(err)) throw err;
    throw new ServiceError('io', ioError(err, 'restore the snapshot').message.replace(/The previous version is intact\.$/, 'Nothing was changed.'));
  }
}

