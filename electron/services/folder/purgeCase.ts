import { mkdir, readFile } from 'node:fs/promises';
import { historyFilesOf } from '../audit/historyFiles';
import path from 'node:path';
import { z } from 'zod';
import { DateTime, Id } from '../../../shared/model';
import { appendManifest } from '../audit/manifest';
import { writeTombstone } from '../audit/tombstones';
import { readDevice } from '../disk/device';
import { decryptBytes, isEncryptedBytes } from '../crypto';
import { fsyncDir, writeFileDurably, type DurableFs } from '../disk/durableFile';
import { aadForPath, entries, FILES_DIR, LOCAL_DIR, originalRel, RETIRED_QUARANTINE } from '../disk/folderLayout';
import { quarantinedCaseId } from '../disk/quarantineNames';
import { shredFile, type ShredResult } from '../disk/shred';
import { noteOriginals } from '../backup/originalsPool';

// "Delete permanently" of one trashed case: its file, its history, its quarantined
// copies and the originals no other case uses, each overwritten then unlinked
// (disk/shred), and a line in the folder's manifest saying the case was removed by
// the folder itself (its id and the date: nothing of its content), so `verify`
// and the next open do not call its absence tampering — and a tombstone in purged/
// (audit/tombstones: the id, the date, this device), synced, for the team's other machines.
//
// Crash safety: a journal, `local/purge-<id>.json` (machine-local, never synced;
// plain: an id, a date and the hashes that already name the originals' files), is
// written durably before the first file goes, and removed after the last. Every
// step after it is idempotent (a file already gone is passed over), so the next
// open of the folder runs the steps again from the start and the purge ends as if
// it had not been cut short. What another case uses is decided again at each run
// from the case files on disk, so a crash can never take an original a case needs.

const TRASH = 'trash';
const CASES = 'cases';
const QUARANTINE = 'quarantine';
const JOURNAL_PREFIX = 'purge-';

const Journal = z.strictObject({ id: Id, at: DateTime, originals: z.array(z.string().regex(/^[0-9a-f]{64}$/)) });
export type PurgeJournal = z.infer<typeof Journal>;

export type PurgeOutcome = {
  /** Files removed (case, histories, quarantined copies, originals and what is derived from them). */
  files: number;
  /** Of those, the ones whose bytes were overwritten before the unlink (the rest could only be unlinked). */
  overwritten: number;
  /** Originals of the case removed from files/. */
  originalsRemoved: string[];
  /** Originals of the case kept because another case still uses them. */
  originalsShared: number;
};

const journalFile = (dataDir: string, id: string) => path.join(dataDir, LOCAL_DIR, `${JOURNAL_PREFIX}${id}.json`);

/** A case file's sources, read loosely (a quarantined copy need not validate): what does not open or parse names nothing. */
async function sourcesIn(dataDir: string, rel: string, key: Buffer | null): Promise<unknown> {
  try {
    const bytes = await readFile(path.join(dataDir, ...rel.split('/')));
    const text = key ? (isEncryptedBytes(bytes) ? decryptBytes(key, bytes, aadForPath(rel)).toString('utf8') : null) : bytes.toString('utf8');
    return text === null ? null : (JSON.parse(text) as { sources?: unknown }).sources;
  } catch {
    return null;
  }
}

/** The originals every other case names: live, trashed, and quarantined copies that still read. */
async function originalsOfOtherCases(dataDir: string, key: Buffer | null, id: string): Promise<Set<string>> {
  const named = new Map<string, string>();
  for (const sub of [CASES, TRASH, QUARANTINE]) {
    for (const e of await entries(path.join(dataDir, sub))) {
      if (!e.isFile() || e.name.startsWith('.') || !e.name.endsWith('.json')) continue;
      if (sub === QUARANTINE ? quarantinedCaseId(e.name) === id : e.name === `${id}.json`) continue;
      noteOriginals(await sourcesIn(dataDir, `${sub}/${e.name}`, key), named);
    }
  }
  return new Set(named.keys());
}

/** The originals a case's sources name. */
export function originalsOf(c: { sources: ReadonlyArray<{ file?: { sha256: string } | undefined }> }): string[] {
  return [...new Set(c.sources.flatMap((s) => (s.file ? [s.file.sha256] : [])))].sort();
}

/** Writes the journal durably: from here on the purge finishes, now or at the next open. */
export async function beginPurge(dataDir: string, journal: PurgeJournal, fs?: DurableFs): Promise<void> {
  await mkdir(path.join(dataDir, LOCAL_DIR), { recursive: true, mode: 0o700 });
  await writeFileDurably(journalFile(dataDir, journal.id), `${JSON.stringify(Journal.parse(journal))}\n`, fs);
}

/** The purges a crash cut short, to be finished before the folder is read. A journal that does not parse is set aside by name only. */
async function pendingPurges(dataDir: string): Promise<PurgeJournal[]> {
  const found: PurgeJournal[] = [];
  for (const e of await entries(path.join(dataDir, LOCAL_DIR))) {
    if (!e.isFile() || !e.name.startsWith(JOURNAL_PREFIX) || !e.name.endsWith('.json')) continue;
    try {
      const parsed = Journal.safeParse(JSON.parse(await readFile(path.join(dataDir, LOCAL_DIR, e.name), 'utf8')));
      if (parsed.success) found.push(parsed.data);
    } catch {
      // A journal cut short by the crash was never acted on: no file was removed before it was whole.
    }
  }
  return found;
}

/** The files of the case's quarantined copies (and their notes), in quarantine/ and retired-quarantine/. */
async function quarantinedCopies(dataDir: string, id: string): Promise<string[]> {
  const out: string[] = [];
  for (const sub of [QUARANTINE, RETIRED_QUARANTINE]) {
    const names = (await entries(path.join(dataDir, sub))).filter((e) => e.isFile()).map((e) => e.name);
    for (const name of names) {
      const copy = name.endsWith('.reason.txt') ? name.slice(0, -'.reason.txt'.length) : name;
      if (quarantinedCaseId(copy) === id) out.push(path.join(dataDir, sub, name));
    }
  }
  return out;
}

/** An original's file and what is derived from it (files/ab/<sha>.*.json), and copies verify set aside. */
async function originalFiles(dataDir: string, sha256: string): Promise<string[]> {
  const live = path.join(dataDir, ...originalRel(sha256).split('/'));
  const shard = path.dirname(live);
  const derived = (await entries(shard)).filter((e) => e.isFile() && e.name.startsWith(`${sha256}.`) && e.name.endsWith('.json')).map((e) => path.join(shard, e.name));
  const setAside = (await entries(path.join(dataDir, QUARANTINE, FILES_DIR))).filter((e) => e.isFile() && e.name.startsWith(sha256)).map((e) => path.join(dataDir, QUARANTINE, FILES_DIR, e.name));
  return [live, ...derived, ...setAside];
}

/**
 * Runs (or runs again, after a crash) the purge a journal describes, then removes the
 * journal. The manifest's line goes first: a crash after it leaves a case the manifest
 * no longer vouches for, which the next open finishes removing before anything checks.
 */
export async function runPurge(dataDir: string, key: Buffer | null, journal: PurgeJournal, fs?: DurableFs): Promise<PurgeOutcome> {
  const outcome: PurgeOutcome = { files: 0, overwritten: 0, originalsRemoved: [], originalsShared: 0 };
  await appendManifest(dataDir, key, [], journal.at, fs, [journal.id]);
  // Synced, unlike the manifest: the team's other machines read the case's absence as this purge (audit/tombstones).
  await writeTombstone(dataDir, key, await readDevice(dataDir), journal.id, journal.at, fs);
  const shred = async (file: string) => {
    const result: ShredResult = await shredFile(file, fs);
    if (result !== 'absent') outcome.files++;
    if (result === 'overwritten') outcome.overwritten++;
  };
  const dirs = new Set<string>();
  const removeAll = async (files: string[]) => {
    for (const file of files) {
      await shred(file);
      dirs.add(path.dirname(file));
    }
  };
  await removeAll(await quarantinedCopies(dataDir, journal.id));
  await removeAll((await historyFilesOf(dataDir, journal.id)).map((f) => f.file));
  // The case file last of the case's own: while it is there, the Trash still lists the case.
  await removeAll([path.join(dataDir, TRASH, `${journal.id}.json`)]);
  const used = await originalsOfOtherCases(dataDir, key, journal.id);
  for (const sha256 of journal.originals) {
    if (used.has(sha256)) {
      outcome.originalsShared++;
      continue;
    }
    await removeAll(await originalFiles(dataDir, sha256));
    outcome.originalsRemoved.push(sha256);
  }
  for (const dir of dirs) await fsyncDir(dir, fs).catch(() => undefined);
  await shredFile(journalFile(dataDir, journal.id), fs);
  await fsyncDir(path.join(dataDir, LOCAL_DIR), fs).catch(() => undefined);
  return outcome;
}

/** At open, before the folder is read: finishes every purge a crash cut short. */
export async function finishPurges(dataDir: string, key: Buffer | null, fs?: DurableFs): Promise<string[]> {
  const done: string[] = [];
  for (const journal of await pendingPurges(dataDir)) {
    await runPurge(dataDir, key, journal, fs);
    done.push(journal.id);
  }
  return done;
}

