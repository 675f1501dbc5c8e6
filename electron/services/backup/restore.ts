import { mkdir, readFile, rename, unlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CaseFile, DateTime, type AuditEntry, type SnapshotInfo } from '../../../shared/model';
import { writeHistoryText } from '../audit/historyLog';
import { rebuildManifest } from '../audit/manifest';
import { checksumIssues } from '../cases/finalize';
import { aadForPath, encryptBytes } from '../crypto';
import { RETIRED_QUARANTINE } from '../crypto/folderLayout';
import { ioError, isIoError, ServiceError } from '../errors';
import { fsyncDir, TEMP_SUFFIX, writeFileDurably, type DurableFs } from '../store/durableFile';
import { SUMMARY_INDEX_FILE } from '../store/summaryIndex';
import { SEARCH_INDEX_FILE } from '../search/files';
import { decodeSnapshot, type SnapshotContent } from './archive';
import { BACKUPS_DIR, createSnapshot, listSnapshots, names, parseSnapshotName, pruneSnapshots, snapshotAad } from './snapshots';
import { quarantinedCaseId } from '../store/quarantineNames';

// Putting a data folder back as a snapshot holds it, crash-safely.
//
// restore:  check the snapshot whole → snapshot the current state (so the
//           restore can be undone) → write restore.json naming the snapshot →
//           write every file of the snapshot (temp + fsync + rename) and delete
//           every case and history file it does not hold → delete restore.json
//
// The snapshot never changes, so the middle step can be redone from the start
// any number of times: a crash anywhere leaves restore.json behind, and the next
// open (recoverRestore) finishes the restore before anything else reads the folder.
// The caller holds the folder's lock and has closed the store.

export const RESTORE_JOURNAL = 'restore.json';
const WRITE_BATCH = 16;
const Journal = z.strictObject({ format: z.literal('casefile-restore'), snapshot: z.string(), at: DateTime });

export type RestoreOptions = { fs?: DurableFs; now?: Date; onProgress?: (p: { done: number; total: number }) => void };

/** Reads and checks one snapshot by name; the name must be one `listSnapshots` gives. */
export async function readSnapshot(dataDir: string, name: string, key: Buffer | null): Promise<SnapshotContent> {
  if (!parseSnapshotName(name) || name !== path.basename(name)) throw new ServiceError('bad_input', `"${name}" is not the name of a snapshot; \`casefile backups\` (or Settings → Backups) lists them.`);
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(dataDir, BACKUPS_DIR, name));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new ServiceError('not_found', `There is no snapshot named ${name} in ${path.join(dataDir, BACKUPS_DIR)}.`);
    throw err;
  }
  return decodeSnapshot(name, bytes, key, snapshotAad(name));
}

/**
 * The snapshot's files, each case's history ending with a `backup-restore`
 * entry stamped `at` (the journal's time, so a redo writes the same bytes).
 */
function filesToWrite(content: SnapshotContent, at: string): SnapshotContent['entries'] {
  const revs = new Map<string, number>();
  for (const e of content.entries) {
    const m = /^(?:cases|trash)\/(.+)\.json$/.exec(e.path);
    if (!m) continue;
    try {
      const rev = (JSON.parse(e.text) as { rev?: unknown }).rev;
      if (typeof rev === 'number') revs.set(m[1]!, rev);
    } catch {
      // Checked whole when the snapshot was read; a case that is not JSON simply gets no entry.
    }
  }
  const line = (id: string) => `${JSON.stringify({ at, rev: revs.get(id)!, cause: 'backup-restore', changes: [] } satisfies AuditEntry)}\n`;
  const out = content.entries.map((e) => {
    const id = /^history\/(.+)\.jsonl$/.exec(e.path)?.[1];
    if (id === undefined || !revs.has(id)) return e;
    const text = `${e.text}${e.text === '' || e.text.endsWith('\n') ? '' : '\n'}${line(id)}`;
    revs.delete(id);
    return { ...e, text };
  });
  // Cases whose snapshot holds no history (taken before histories existed) start one.
  for (const id of revs.keys()) out.push({ path: `history/${id}.jsonl`, mtimeMs: Date.parse(at), text: line(id) });
  return out;
}


/** The case a snapshot entry holds, when it is a valid one: parses, passes the model, carries `id`, matches its sources' hashes. */
function validCase(text: string, id: string): CaseFile | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = CaseFile.safeParse(raw);
  return parsed.success && parsed.data.id === id && checksumIssues(parsed.data).length === 0 ? parsed.data : null;
}

/**
 * Quarantined files whose case the restore brought back valid are stale: left
 * listed, `verify` would fail on them forever and `recover` would refuse with a
 * conflict. They move, with their notes, to retired-quarantine/ — kept, not
 * deleted, since the damaged bytes may still matter to someone. Idempotent.
 */
async function retireQuarantine(dataDir: string, content: SnapshotContent): Promise<string[]> {
  const restored = new Set<string>();
  for (const e of content.entries) {
    const id = /^(?:cases|trash)\/(.+)\.json$/.exec(e.path)?.[1];
    if (id !== undefined && validCase(e.text, id)) restored.add(id);
  }
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

/** Makes the folder's meta, cases, trash and histories exactly the snapshot's (plus the restore's history entries). Idempotent. */
async function apply(dataDir: string, content: SnapshotContent, key: Buffer | null, at: string, options: RestoreOptions): Promise<void> {
  const fs = options.fs;
  const files = filesToWrite(content, at);
  const wanted = new Set(files.map((e) => e.path));
  const total = files.length;
  const put = async (entry: SnapshotContent['entries'][number]) => {
    const file = path.join(dataDir, ...entry.path.split('/'));
    const aad = aadForPath(entry.path);
    if (entry.path.startsWith('history/')) {
      await writeHistoryText(file, entry.text, key, aad, fs);
    } else {
      const bytes = key && entry.path !== 'meta.json' ? encryptBytes(key, entry.text, aad) : entry.text;
      await writeFileDurably(file, bytes, fs, { syncDir: false }); // the folders are synced once, below
    }
    // A trashed case's mtime is when it was trashed.
    const when = new Date(entry.mtimeMs);
    await utimes(file, when, when).catch(() => undefined);
  };
  // Several at once: each write waits for its fsync, and the disk takes them better together. The
  // order does not matter — until restore.json is gone, a crash means the whole restore is redone.
  for (let i = 0; i < total; i += WRITE_BATCH) {
    options.onProgress?.({ done: i, total });
    await Promise.all(files.slice(i, i + WRITE_BATCH).map(put));
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
  await retireQuarantine(dataDir, content);
  // The rollback a restore makes is the user's: the manifest says so, from the files just written.
  await rebuildManifest(dataDir, key, 'restored', at, fs ? { fs } : {});
  options.onProgress?.({ done: total, total });
}

export async function restoreSnapshot(dataDir: string, name: string, key: Buffer | null, options: RestoreOptions = {}): Promise<{ restored: SnapshotInfo; safetySnapshot: SnapshotInfo }> {
  const content = await readSnapshot(dataDir, name, key);
  const restored = (await listSnapshots(dataDir)).find((s) => s.name === name)!;
  const safetySnapshot = await createSnapshot(dataDir, { reason: 'before-restore', key, ...(options.now ? { now: options.now } : {}), ...(options.fs ? { fs: options.fs } : {}) });
  const at = (options.now ?? new Date()).toISOString();
  try {
    await writeFileDurably(path.join(dataDir, RESTORE_JOURNAL), `${JSON.stringify({ format: 'casefile-restore', snapshot: name, at })}\n`, options.fs);
    await apply(dataDir, content, key, at, options);
    await unlink(path.join(dataDir, RESTORE_JOURNAL));
    await fsyncDir(dataDir, options.fs);
  } catch (err) {
    if (!isIoError(err)) throw err;
    throw new ServiceError('io', `${ioError(err, 'restore the snapshot').message.replace(/The previous version is intact\.$/, '')}The restore is finished the next time the folder is opened; the state before it is in the snapshot ${safetySnapshot.name}.`);
  }
  await pruneSnapshots(dataDir);
  return { restored, safetySnapshot };
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
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let journal: z.infer<typeof Journal>;
  try {
    journal = Journal.parse(JSON.parse(raw));
  } catch {
    // Written durably before any file changed: a torn journal means the restore never began.
    await unlink(path.join(dataDir, RESTORE_JOURNAL));
    return null;
  }
  const content = await readSnapshot(dataDir, journal.snapshot, key);
  await apply(dataDir, content, key, journal.at, options);
  await unlink(path.join(dataDir, RESTORE_JOURNAL));
  await fsyncDir(dataDir, options.fs);
  return journal.snapshot;
}

/**
 * The newest valid copy of case `id` any snapshot holds (live or trashed then):
 * it must parse, pass the model, carry that id and match its sources' hashes.
 * Damaged snapshots are passed over.
 */
export async function findValidCopy(dataDir: string, key: Buffer | null, id: string): Promise<{ case: CaseFile; snapshot: string } | null> {
  for (const info of await listSnapshots(dataDir)) {
    let content: SnapshotContent;
    try {
      content = await readSnapshot(dataDir, info.name, key);
    } catch (err) {
      if (err instanceof ServiceError) continue;
      throw err;
    }
    for (const rel of [`cases/${id}.json`, `trash/${id}.json`]) {
      const entry = content.entries.find((e) => e.path === rel);
      const valid = entry ? validCase(entry.text, id) : null;
      if (valid) return { case: valid, snapshot: info.name };
    }
  }
  return null;
}
