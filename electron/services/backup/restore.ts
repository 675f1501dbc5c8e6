import { access, mkdir, open, readFile, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { noteOriginals, restoreOriginals, type OriginalsRestoreReport } from './originalsPool';
import { z } from 'zod';
import { AuditEntry, CaseFile, DateTime, type SnapshotInfo } from '../../../shared/model';
import { encodeHistoryText, historyRel, readHistoryText } from '../audit/historyLog';
import { readDevice } from '../disk/device';
import type { DeviceInfo } from '../../../shared/team';
import { rebuildManifest } from '../audit/manifest';
import { checksumIssues } from '../cases/finalize';
import { aadForPath, encryptBytes } from '../crypto';
import { RETIRED_QUARANTINE } from '../disk/folderLayout';
import { ioError, isIoError, ServiceError } from '../errors';
import { fsyncDir, TEMP_SUFFIX, writeFileDurably, type DurableFs } from '../disk/durableFile';
import { SEARCH_INDEX_FILE, SUMMARY_INDEX_FILE } from '../disk/folderLayout';
import { readSnapshotFile, type SnapshotContent, type SnapshotEntry } from './archive';
import { BACKUPS_DIR, createSnapshot, listSnapshots, names, parseSnapshotName, pruneSnapshots, snapshotAad, snapshotStreamAad } from './snapshots';
import { quarantinedCaseId } from '../disk/quarantineNames';
import { throwIfCancelled } from '../callContext';
import { convertStoredCase } from '../store/migrations/convertCase';

// Putting a data folder back as a snapshot holds it, crash-safely, with memory
// bounded by the largest file whatever the snapshot's size.
//
// restore:  stream the snapshot into a staging folder, checking it line by line
//           (nothing in the folder changes; a damaged snapshot — its trailer's
//           hash, a chunk's tag — throws the staging away) → snapshot the current
//           state (so the restore can be undone) → write restore.json naming the
//           snapshot → move every staged file into place (rename) and delete
//           every case and history file the snapshot does not hold → delete
//           restore.json → delete the staging folder
//
// The staged files and their list (staging/manifest.json) are durable before
// restore.json is written, and moving them is idempotent, so a crash anywhere
// after it leaves restore.json behind and the next open (recoverRestore)
// finishes the moves before anything else reads the folder. A staging folder
// without restore.json is never the truth: it is deleted. The caller holds the
// folder's lock and has closed the store.

export const RESTORE_JOURNAL = 'restore.json';
/** Where a restore stages the snapshot's files; its name reads as a leftover to the rest of the layout. */
export const RESTORE_STAGING = `.restore-staging${TEMP_SUFFIX}`;
const MANIFEST = 'manifest.json';
const WRITE_BATCH = 16;
const Journal = z.strictObject({
  format: z.literal('casefile-restore'),
  snapshot: z.string(),
  at: DateTime,
  /** Written by a staging restore: the files wait in RESTORE_STAGING. Absent in a journal an older Casefile left: the restore is staged again. */
  staged: z.literal(true).optional(),
});
const Manifest = z.strictObject({
  format: z.literal('casefile-restore-staging'),
  snapshot: z.string(),
  at: DateTime,
  /** Every file the folder holds once restored (relative, with "/"). */
  files: z.array(z.string()),
  /** Cases the snapshot holds valid: their quarantined files are made stale by the restore. */
  restored: z.array(z.string()),
});
type Manifest = z.infer<typeof Manifest>;

export type RestoreOptions = {
  fs?: DurableFs;
  now?: Date;
  onProgress?: (p: { done: number; total: number }) => void;
  /** The longest line a snapshot may hold (tests lower it). */
  maxLineBytes?: number;
  /** Checked while staging and through the safety snapshot; once the journal is written the restore finishes. */
  signal?: AbortSignal;
};

const stagingDir = (dataDir: string) => path.join(dataDir, RESTORE_STAGING);
const dropStaging = (dataDir: string) => rm(stagingDir(dataDir), { recursive: true, force: true }).catch(() => undefined);

/** The file of a snapshot by name; the name must be one `listSnapshots` gives. */
async function snapshotFile(dataDir: string, name: string): Promise<string> {
  if (!parseSnapshotName(name) || name !== path.basename(name)) throw new ServiceError('bad_input', `"${name}" is not the name of a snapshot; \`casefile backups\` (or Settings → Backups) lists them.`);
  const file = path.join(dataDir, BACKUPS_DIR, name);
  try {
    await access(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new ServiceError('not_found', `There is no snapshot named ${name} in ${path.join(dataDir, BACKUPS_DIR)}.`);
    throw err;
  }
  return file;
}

/**
 * Streams one snapshot by name through `visit`, checking it whole (see
 * readSnapshotFile): what `visit` was given counts only once this resolves.
 */
export async function streamSnapshot(dataDir: string, name: string, key: Buffer | null, visit?: (entry: SnapshotEntry) => void | Promise<void>, maxLineBytes?: number) {
  const file = await snapshotFile(dataDir, name);
  return readSnapshotFile(name, file, { key, wholeAad: snapshotAad(name), streamAad: snapshotStreamAad(name), ...(visit ? { visit } : {}), ...(maxLineBytes ? { maxLineBytes } : {}) });
}

/** Reads and checks one snapshot by name, its entries gathered in memory: for small folders and tests; a restore streams. */
export async function readSnapshot(dataDir: string, name: string, key: Buffer | null): Promise<SnapshotContent> {
  const entries: SnapshotEntry[] = [];
  const { header, skipped } = await streamSnapshot(dataDir, name, key, (e) => void entries.push(e));
  return { header, entries, skipped };
}

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

async function readManifest(dataDir: string, snapshot: string): Promise<Manifest | null> {
  try {
    const parsed = Manifest.safeParse(JSON.parse(await readFile(path.join(stagingDir(dataDir), MANIFEST), 'utf8')));
    return parsed.success && parsed.data.snapshot === snapshot ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The case a snapshot entry holds, when it is a valid one: parses, passes the model, carries `id`, matches its sources' hashes. */
function validCase(text: string, id: string): CaseFile | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  // A snapshot taken before the folder's migration holds version-1 cases: read as version 2, as the migration reads them.
  const parsed = CaseFile.safeParse(raw);
  const c = parsed.success ? parsed.data : readAsStored(raw);
  return c !== null && c.id === id && checksumIssues(c).length === 0 ? c : null;
}

function readAsStored(raw: unknown): CaseFile | null {
  const converted = convertStoredCase(raw);
  return converted.ok ? converted.case : null;
}

/**
 * Quarantined files whose case the restore brought back valid are stale: left
 * listed, `verify` would fail on them forever and `recover` would refuse with a
 * conflict. They move, with their notes, to retired-quarantine/ — kept, not
 * deleted, since the damaged bytes may still matter to someone. Idempotent.
 */
async function retireQuarantine(dataDir: string, restored: ReadonlySet<string>): Promise<string[]> {
  const retired: string[] = [];
  const from = path.join(dataDir, 'quarantine');
  const to = path.join(dataDir, RETIRED_QUARANTINE);
  for (const name of await names(from)) {
    const id = quarantinedCaseId(name);
    if (id === null || !restored.has(id)) continue;
    await mkdir(to, { recursive: true, mode: 0o700 });
    // The note first: a crash between the two leaves the file still listed, and the redo moves it.
    await rename(path.join(from, `${name}.reason.txt`), path.join(to, `${name}.reason.txt`)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
    await rename(path.join(from, name), path.join(to, name));
    retired.push(`${RETIRED_QUARANTINE}/${name}`);
  }
  if (retired.length > 0) {
    await fsyncDir(to);
    await fsyncDir(from);
  }
  return retired;
}

/** Makes the folder's meta, cases, trash and histories exactly the staged ones: moves each into place. Idempotent. */
async function apply(dataDir: string, manifest: Manifest, key: Buffer | null, at: string, options: RestoreOptions): Promise<void> {
  const fs = options.fs;
  const move = fs?.rename ?? rename;
  const root = stagingDir(dataDir);
  const wanted = new Set(manifest.files);
  const total = manifest.files.length;
  for (const sub of ['cases', 'trash', 'history']) await mkdir(path.join(dataDir, sub), { recursive: true, mode: 0o700 });
  const put = async (rel: string) => {
    try {
      await move(path.join(root, ...rel.split('/')), path.join(dataDir, ...rel.split('/')));
    } catch (err) {
      // Moved already, by the run a crash interrupted.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  };
  for (let i = 0; i < total; i += WRITE_BATCH) {
    options.onProgress?.({ done: i, total });
    await Promise.all(manifest.files.slice(i, i + WRITE_BATCH).map(put));
  }
  for (const sub of ['cases', 'trash', 'history']) {
    for (const name of await names(path.join(dataDir, sub))) {
      if (name.startsWith('.') && name.endsWith(TEMP_SUFFIX)) continue;
      if (!wanted.has(`${sub}/${name}`)) await unlink(path.join(dataDir, sub, name)).catch(() => undefined);
    }
  }
  // The summary index describes the files that were there; the store rebuilds it from the files.
  await unlink(path.join(dataDir, SUMMARY_INDEX_FILE)).catch(() => undefined);
  await unlink(path.join(dataDir, SEARCH_INDEX_FILE)).catch(() => undefined); // likewise the saved search index
  for (const sub of ['.', 'cases', 'trash', 'history']) await fsyncDir(path.join(dataDir, sub), fs).catch(() => undefined);
  await retireQuarantine(dataDir, new Set(manifest.restored));
  // The rollback a restore makes is the user's: the manifest says so, from the files just written.
  await rebuildManifest(dataDir, key, 'restored', at, fs ? { fs } : {});
  options.onProgress?.({ done: total, total });
}

/** Stages `name` for a restore stamped `at` and returns its manifest; on any failure nothing is left staged. */
async function staged(dataDir: string, name: string, key: Buffer | null, at: string, options: RestoreOptions, named: Map<string, string>): Promise<Manifest> {
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

export async function restoreSnapshot(dataDir: string, name: string, key: Buffer | null, options: RestoreOptions = {}): Promise<{ restored: SnapshotInfo; safetySnapshot: SnapshotInfo; originals: OriginalsRestoreReport }> {
  await snapshotFile(dataDir, name);
  const restored = (await listSnapshots(dataDir)).find((s) => s.name === name)!;
  const at = (options.now ?? new Date()).toISOString();
  const named = new Map<string, string>(); // the originals the restored cases name, gathered while staging
  const manifest = await staged(dataDir, name, key, at, options, named);
  let safetySnapshot: SnapshotInfo;
  try {
    safetySnapshot = await createSnapshot(dataDir, { reason: 'before-restore', key, ...(options.now ? { now: options.now } : {}), ...(options.fs ? { fs: options.fs } : {}), ...(options.signal ? { signal: options.signal } : {}) });
  } catch (err) {
    await dropStaging(dataDir);
    throw err;
  }
  try {
    await writeFileDurably(path.join(dataDir, RESTORE_JOURNAL), `${JSON.stringify({ format: 'casefile-restore', snapshot: name, at, staged: true })}\n`, options.fs);
    await apply(dataDir, manifest, key, at, options);
    await unlink(path.join(dataDir, RESTORE_JOURNAL));
    await fsyncDir(dataDir, options.fs);
    await dropStaging(dataDir);
  } catch (err) {
    const begun = await access(path.join(dataDir, RESTORE_JOURNAL)).then(() => true, () => false);
    // No journal on disk: nothing in the folder was touched, and the staged files are of no use.
    if (!begun) await dropStaging(dataDir);
    if (!isIoError(err)) throw err;
    if (!begun) throw new ServiceError('io', ioError(err, 'restore the snapshot').message.replace(/The previous version is intact\.$/, `Nothing was changed; the state before the attempt is also in the snapshot ${safetySnapshot.name}.`));
    throw new ServiceError('io', `${ioError(err, 'restore the snapshot').message.replace(/The previous version is intact\.$/, '')}The restore is finished the next time the folder is opened; the state before it is in the snapshot ${safetySnapshot.name}.`);
  }
  const originals = await restoreOriginals(dataDir, key, named);
  await pruneSnapshots(dataDir);
  return { restored, safetySnapshot, originals };
}

/**
 * Run on every open once the key is known: finishes a restore a crash
 * interrupted. Returns the snapshot's name when it did.
 */
export async function recoverRestore(dataDir: string, key: Buffer | null, options: RestoreOptions = {}): Promise<string | null> {
  let raw: string;
  try {
    raw = await readFile(path.join(dataDir, RESTORE_JOURNAL), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    // A staging folder without a journal is a restore that never began.
    await dropStaging(dataDir);
    return null;
  }
  let journal: z.infer<typeof Journal>;
  try {
    journal = Journal.parse(JSON.parse(raw));
  } catch {
    // Written durably before any file changed: a torn journal means the restore never began.
    await unlink(path.join(dataDir, RESTORE_JOURNAL));
    await dropStaging(dataDir);
    return null;
  }
  // A journal from before staging (or, never expected, without its staging): stage again, then move.
  const manifest = (journal.staged && (await readManifest(dataDir, journal.snapshot))) || (await staged(dataDir, journal.snapshot, key, journal.at, options, new Map()));
  await apply(dataDir, manifest, key, journal.at, options);
  await unlink(path.join(dataDir, RESTORE_JOURNAL));
  await fsyncDir(dataDir, options.fs);
  await dropStaging(dataDir);
  return journal.snapshot;
}

/**
 * The newest valid copy of case `id` any snapshot holds (live or trashed then):
 * it must parse, pass the model, carry that id and match its sources' hashes.
 * Damaged snapshots are passed over.
 */
export async function findValidCopy(dataDir: string, key: Buffer | null, id: string): Promise<{ case: CaseFile; snapshot: string } | null> {
  for (const info of await listSnapshots(dataDir)) {
    const found: { cases: CaseFile | null; trash: CaseFile | null } = { cases: null, trash: null };
    try {
      await streamSnapshot(dataDir, info.name, key, (e) => {
        if (e.path === `cases/${id}.json`) found.cases = validCase(e.text, id);
        else if (e.path === `trash/${id}.json`) found.trash = validCase(e.text, id);
      });
    } catch (err) {
      if (err instanceof ServiceError) continue;
      throw err;
    }
    // Only now, the whole snapshot checked, does what it holds count.
    const valid = found.cases ?? found.trash;
    if (valid) return { case: valid, snapshot: info.name };
  }
  return null;
}
