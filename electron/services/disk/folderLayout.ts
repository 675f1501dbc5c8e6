import { readdir, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { TEMP_SUFFIX } from './durableFile';
import { LOCK_FILE } from './lock';
import { isSyncConflictName, parseSyncConflictName } from './syncConflictNames';

// Every file name of a data folder, and which files are encrypted under which
// name. This is the one place that knows the layout: a new kind of file in the
// data folder (an attachment store, say) must be added here, or conversions will
// list it under `untouched` and leave it in plain text. It sits on the lowest floor
// (disk/) so that every floor above can name a file without importing its owner.

export const VAULT_FILE = 'vault.json';
/** The summary catalogue of every case (store/summaryIndex). */
export const SUMMARY_INDEX_FILE = 'summary-index.json';
/** The saved search index (search/persistedIndex). */
export const SEARCH_INDEX_FILE = 'search-index.bin';
/** The folder's settings (settings/folderSettings). */
export const SETTINGS_FILE = 'settings.json';
/** The user's copy of the address book (addressees/addressBook). */
export const ADDRESSEES_FILE = 'addressees.json';
/** The team's hand corrections to the people index: merges and splits (people/curation). */
export const PEOPLE_FILE = 'people.json';
/** The folder's age key for sealed bundles and its partners' public keys (bundles/sharingKeys): synced, so a team shares one key. */
export const SHARING_KEYS_FILE = 'sharing-keys.json';
export const JOURNAL_FILE = 'vault.next.json';
const META_FILE = 'meta.json';
const CASES = 'cases';
const TRASH = 'trash';
const QUARANTINE = 'quarantine';
export const QUARANTINE_DIR = QUARANTINE;
/**
 * Quarantined files a restore made stale (it brought back a valid copy of their
 * case): moved here with their notes, kept for the user, no longer listed as
 * problems. Bound to their quarantine names, so moving them needs no re-sealing.
 */
export const RETIRED_QUARANTINE = 'retired-quarantine';
/** Briefs were rendered here and deleted (they render to memory now); a crash then could leave a plain PDF behind, so it is still emptied at every open. */
const BRIEF_TMP = 'tmp';
export const TMP_DIR = BRIEF_TMP;
/**
 * Each case's audit log: `<id>.<deviceId>.jsonl`, one per device that saved the case (a
 * folder synced between machines never has two of them append to one file), and
 * `<id>.jsonl` from before devices existed (read, never appended to again). Ids hold no
 * dots (shared/model/scalars), so the name splits one way. Defined here, not by the
 * log, so this module imports nothing that imports it.
 */
export const HISTORY_DIR = 'history';
const HISTORY_EXT = '.jsonl';
const HISTORY_NAME = /^([A-Za-z0-9_-]{1,64})(?:\.([a-z2-7]{8}))?\.jsonl$/;
/** A history file's case id and device id (null for the legacy file), or null for any other name. */
export function parseHistoryName(name: string): { caseId: string; deviceId: string | null } | null {
  const m = HISTORY_NAME.exec(name);
  return m ? { caseId: m[1]!, deviceId: m[2] ?? null } : null;
}
/** The folder's manifest of cases (audit/manifest): lines like a history's, bound to this name. */
export const MANIFEST_FILE = 'manifest.jsonl';
/**
 * Tombstones of cases deleted for good (audit/tombstones): `purged/<deviceId>.jsonl`, one file
 * per device (only that device writes it), lines like a history's, sealed under the file's path.
 * Synced, so the team's other machines read a purge as the folder's own act, not tampering.
 */
export const PURGED_DIR = 'purged';
const PURGED_NAME = /^([a-z2-7]{8})\.jsonl$/;
/** The device id a tombstone file belongs to, or null for any other name. */
export const parsePurgedName = (name: string): string | null => PURGED_NAME.exec(name)?.[1] ?? null;
/** Snapshots of the folder (the backup service names them). */
const BACKUPS = 'backups';
export const BACKUPS_DIR = BACKUPS;
const SNAPSHOT_EXT = '.casefile-snapshot';
/** The blobs of version 3 snapshots (backup/blobPool): stored like originals, so converted like them. */
const BACKUP_BLOBS = 'blobs';
/**
 * The originals behind sources (originals/originalStore): `files/ab/<sha256>.bin`,
 * by the SHA-256 of their bytes, sealed in authenticated chunks (crypto/streamSeal)
 * under one logical name, ORIGINALS_AAD, in an encrypted folder.
 */
export const FILES_DIR = 'files';
export const ORIGINALS_AAD = 'files/';
/** Originals are sealed in 1 MiB chunks (2^20): a sixteenth of the per-chunk work of the 64 KiB default, one chunk held in memory. */
export const ORIGINALS_CHUNK_LOG2 = 20;
export function originalRel(sha256: string): string {
  return `${FILES_DIR}/${sha256.slice(0, 2)}/${sha256}.bin`;
}
/** What is derived from an original and kept beside it: `layout`, where its words lie on its pages (shared/model/pageLayout). */
export type DerivedKind = 'layout';
export function derivedRel(sha256: string, kind: DerivedKind): string {
  return `${FILES_DIR}/${sha256.slice(0, 2)}/${sha256}.${kind}.json`;
}
/**
 * What belongs to this machine only and never travels with the folder (Syncthing is told
 * to ignore it): this device's identity, `local/device.json` (disk/device). Plain: it
 * names a laptop, nothing of a case.
 */
export const LOCAL_DIR = 'local';
export const DEVICE_FILE = `${LOCAL_DIR}/device.json`;
/** What the caseload and the people index need of each case, kept between runs (people/caseFacts.ts); sealed in an encrypted folder. */
export const CASE_FACTS_FILE = `${LOCAL_DIR}/case-facts.ndjson`;
/** What the next snapshot starts from: the newest snapshots' lines in a form quicker to read than their manifests (backup/snapshotRecords). */
export const SNAPSHOT_RECORDS_DIR = `${LOCAL_DIR}/snapshot-records`;
/** A restore in progress names its snapshot here (plain: it holds nothing but that name). */
export const RESTORE_JOURNAL = 'restore.json';
/** A data-folder migration in progress (store/migrations/journal); plain, it names two layout numbers. */
export const MIGRATION_JOURNAL = 'migration.json';
/** What Syncthing must not carry from this machine (disk/syncIgnore writes it). */
export const SYNC_IGNORE_FILE = '.stignore';

/**
 * How a file's state (plain or encrypted) is told from its bytes, and how it is converted.
 * - `json`, `gzip`: sealed whole; case files and the index are JSON and snapshots
 *   gzip streams when plain, and neither can start with the envelope's magic, so
 *   the magic alone tells the state.
 * - `raw`: sealed whole, but quarantined files may hold any bytes, even an
 *   envelope (a damaged encrypted case quarantined as is), so only a successful
 *   decryption proves they are in the encrypted state.
 * - `lines`: a history, sealed line by line so the store can keep appending to
 *   it; each line's state is told by its first characters (see audit/historyLog).
 */
export type TargetFormat = 'json' | 'gzip' | 'raw' | 'lines' | 'stream';

/**
 * One file to convert: its path relative to the data folder (with "/"), its AAD, and its format.
 * - `stream` (an original, crypto/originalReseal): sealed in chunks under ORIGINALS_AAD, converted
 *   file to file in bounded memory. An original may hold any bytes, even a sealed file of its own,
 *   so its state is told by whether it opens — and, in files/, by `sha256`, the hash its plain
 *   bytes must have (its name). A quarantined original has no such hash (it changed).
 */
export type Target = {
  rel: string;
  aad: string;
  format: TargetFormat;
  sha256?: string;
};

/**
 * The name a file's envelope is bound to. A case keeps its name whether it is
 * live or in the Trash ("cases/<id>.json" for both), so the store can keep
 * trashing and restoring with one atomic rename; every other file is bound to
 * its own path. Moving a file anywhere else — or swapping two cases — fails
 * authentication.
 */
export function aadForPath(relativePath: string): string {
  const rel = conflictOriginal(relativePath.split(path.sep).join('/'));
  if (rel.startsWith(`${TRASH}/`)) return `${CASES}/${rel.slice(TRASH.length + 1)}`;
  if (rel.startsWith(`${RETIRED_QUARANTINE}/`)) return `${QUARANTINE}/${rel.slice(RETIRED_QUARANTINE.length + 1)}`;
  return rel;
}

/** A Syncthing conflict copy holds the bytes of the file it copies, sealed under that file's name: it opens (and converts) under it. */
function conflictOriginal(rel: string): string {
  const slash = rel.lastIndexOf('/');
  const parsed = parseSyncConflictName(rel.slice(slash + 1));
  return parsed ? `${rel.slice(0, slash + 1)}${parsed.original}` : rel;
}

/** `aadForPath` for an absolute file inside `dataDir`. */
export function aadForFile(dataDir: string, file: string): string {
  return aadForPath(path.relative(dataDir, file));
}

export const isTempName = (name: string) => name.startsWith('.') && name.endsWith(TEMP_SUFFIX);
const isCaseFileName = (name: string) => name.endsWith('.json') && !name.startsWith('.');
/** A case's file, never a Syncthing conflict copy of one (conflicts/ reads those). */
export const isLiveCaseFileName = (name: string) => isCaseFileName(name) && !isSyncConflictName(name);

/** A folder's entries; a folder not made yet (or removed) is empty. */
export async function entries(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

// migration.json: a data-folder migration in progress (store/migrations/journal); plain, it names two layout numbers.
const TOP_LEVEL_KNOWN = new Set([SYNC_IGNORE_FILE, FILES_DIR, META_FILE, LOCK_FILE, VAULT_FILE, JOURNAL_FILE, SUMMARY_INDEX_FILE, SEARCH_INDEX_FILE, SETTINGS_FILE, ADDRESSEES_FILE, PEOPLE_FILE, MANIFEST_FILE, CASES, TRASH, QUARANTINE, RETIRED_QUARANTINE, BRIEF_TMP, HISTORY_DIR, BACKUPS, RESTORE_JOURNAL, LOCAL_DIR, MIGRATION_JOURNAL, SHARING_KEYS_FILE, PURGED_DIR]);

/** The format of a file in `sub`, or null for a name the layout does not know there. */
function formatIn(sub: string, name: string): TargetFormat | null {
  if (sub === QUARANTINE || sub === RETIRED_QUARANTINE) return 'raw';
  if (name.startsWith('.')) return null;
  if (sub === HISTORY_DIR) return name.endsWith(HISTORY_EXT) ? 'lines' : null;
  if (sub === BACKUPS) return name.endsWith(SNAPSHOT_EXT) ? 'gzip' : null;
  return isCaseFileName(name) ? 'json' : null;
}

/** Every file to convert, in a stable order, and every file the layout does not know (left as it is). */
export async function listFolder(dataDir: string): Promise<{ targets: Target[]; untouched: string[] }> {
  const targets: Target[] = [];
  const untouched: string[] = [];
  for (const sub of [CASES, TRASH, QUARANTINE, RETIRED_QUARANTINE, HISTORY_DIR, BACKUPS]) {
    for (const entry of (await entries(path.join(dataDir, sub))).sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = `${sub}/${entry.name}`;
      if (isTempName(entry.name)) continue;
      if ((sub === QUARANTINE || sub === BACKUPS) && entry.name === FILES_DIR && entry.isDirectory()) continue; // listed by listOriginals
      if (sub === BACKUPS && entry.name === BACKUP_BLOBS && entry.isDirectory()) continue; // likewise (the snapshots' blobs, backup/blobPool)
      const format = entry.isFile() ? formatIn(sub, entry.name) : null;
      if (format) targets.push({ rel, aad: aadForPath(rel), format });
      else untouched.push(rel);
    }
  }
  await listOriginals(dataDir, targets, untouched);
  for (const entry of (await entries(path.join(dataDir, PURGED_DIR))).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = `${PURGED_DIR}/${entry.name}`;
    if (isTempName(entry.name)) continue;
    if (entry.isFile() && parsePurgedName(entry.name)) targets.push({ rel, aad: rel, format: 'lines' });
    else untouched.push(rel);
  }
  for (const entry of await entries(dataDir)) {
    if (entry.name === SUMMARY_INDEX_FILE && entry.isFile()) targets.push({ rel: SUMMARY_INDEX_FILE, aad: SUMMARY_INDEX_FILE, format: 'json' });
    // The saved search index starts with a line of JSON, so like the summary index it cannot start with the envelope's magic.
    else if (entry.name === SEARCH_INDEX_FILE && entry.isFile()) targets.push({ rel: SEARCH_INDEX_FILE, aad: SEARCH_INDEX_FILE, format: 'json' });
    // The folder's settings (who prepares its briefs): JSON when plain, sealed like the rest.
    else if (entry.name === SETTINGS_FILE && entry.isFile()) targets.push({ rel: SETTINGS_FILE, aad: SETTINGS_FILE, format: 'json' });
    // The user's address book (addressees/): JSON when plain, sealed like the settings.
    else if (entry.name === ADDRESSEES_FILE && entry.isFile()) targets.push({ rel: ADDRESSEES_FILE, aad: ADDRESSEES_FILE, format: 'json' });
    // The people index's merges and splits (people/): the names of judges and lawyers, sealed like the settings.
    else if (entry.name === PEOPLE_FILE && entry.isFile()) targets.push({ rel: PEOPLE_FILE, aad: PEOPLE_FILE, format: 'json' });
    // The sharing keys (a private age key among them): sealed like the settings, so never in clear in an encrypted folder.
    else if (entry.name === SHARING_KEYS_FILE && entry.isFile()) targets.push({ rel: SHARING_KEYS_FILE, aad: SHARING_KEYS_FILE, format: 'json' });
    // The manifest of case revisions (tamper evidence): sealed line by line, like a history.
    else if (entry.name === MANIFEST_FILE && entry.isFile()) targets.push({ rel: MANIFEST_FILE, aad: MANIFEST_FILE, format: 'lines' });
    // A conflict copy of the settings or the address book is converted with them, under their name (conflicts/ settles it).
    else if (entry.isFile() && [SETTINGS_FILE, ADDRESSEES_FILE, PEOPLE_FILE].includes(parseSyncConflictName(entry.name)?.original ?? '')) targets.push({ rel: entry.name, aad: aadForPath(entry.name), format: 'json' });
    else if (!TOP_LEVEL_KNOWN.has(entry.name) && !isTempName(entry.name) && !entry.name.startsWith(`${LOCK_FILE}.`)) untouched.push(entry.name);
  }
  return { targets, untouched: untouched.sort() };
}

const ORIGINAL_NAME = /^([0-9a-f]{64})\.bin$/;
/** A quarantined original: its hash, and a stamp when an earlier copy was set aside already. */
const QUARANTINED_ORIGINAL = /^[0-9a-f]{64}(-[0-9A-Za-z-]+)?\.bin$/;
const DERIVED_NAME = /^([0-9a-f]{64})\.[a-z]+\.json$/;

/** The shards (`ab/`) of a store of originals under `root` (files/ or backups/files/), sorted. */
async function shardsOf(dataDir: string, root: string): Promise<string[]> {
  return (await entries(path.join(dataDir, ...root.split('/'))))
    .filter((e) => e.isDirectory() && /^[0-9a-f]{2}$/.test(e.name))
    .map((e) => e.name)
    .sort();
}

/** The stores of originals: the live one, and the pool of backed-up originals beside the snapshots (backup/originalsPool). */
const ORIGINAL_ROOTS = [FILES_DIR, `${BACKUPS}/${FILES_DIR}`, `${BACKUPS}/${BACKUP_BLOBS}`];

/**
 * Originals (`files/ab/<sha256>.bin`, and their copies in `backups/files/ab/`: streamed,
 * checked against their name), what is derived from them (`files/ab/<sha256>.<kind>.json`,
 * sealed whole under its path) and quarantined originals (`quarantine/files/<sha256>.bin`,
 * kept under ORIGINALS_AAD so moving one aside is a rename). Anything else there is untouched.
 */
async function listOriginals(dataDir: string, targets: Target[], untouched: string[]): Promise<void> {
  for (const root of ORIGINAL_ROOTS) {
    for (const entry of await entries(path.join(dataDir, ...root.split('/')))) {
      if (!(entry.isDirectory() && /^[0-9a-f]{2}$/.test(entry.name)) && !isTempName(entry.name)) untouched.push(`${root}/${entry.name}`);
    }
    for (const shard of await shardsOf(dataDir, root)) {
      for (const entry of (await entries(path.join(dataDir, ...root.split('/'), shard))).sort((a, b) => a.name.localeCompare(b.name))) {
        const rel = `${root}/${shard}/${entry.name}`;
        if (isTempName(entry.name)) continue;
        const original = entry.isFile() ? ORIGINAL_NAME.exec(entry.name) : null;
        const derived = entry.isFile() && root === FILES_DIR ? DERIVED_NAME.exec(entry.name) : null;
        if (original?.[1]?.startsWith(shard)) targets.push({ rel, aad: ORIGINALS_AAD, format: 'stream', sha256: original[1] });
        else if (derived?.[1]?.startsWith(shard)) targets.push({ rel, aad: rel, format: 'json' });
        else untouched.push(rel);
      }
    }
  }
  for (const entry of (await entries(path.join(dataDir, QUARANTINE, FILES_DIR))).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = `${QUARANTINE}/${FILES_DIR}/${entry.name}`;
    if (isTempName(entry.name)) continue;
    if (entry.isFile() && QUARANTINED_ORIGINAL.test(entry.name)) targets.push({ rel, aad: ORIGINALS_AAD, format: 'stream' });
    else if (entry.isFile() && entry.name.endsWith('.reason.txt')) targets.push({ rel, aad: rel, format: 'raw' });
    else untouched.push(rel);
  }
}

/** Where a changed original is moved aside (verify): never served again, kept for the user. */
export function quarantinedOriginalRel(sha256: string): string {
  return `${QUARANTINE}/${FILES_DIR}/${sha256}.bin`;
}

/**
 * Deletes what crashes leave behind: temp files of interrupted durable writes
 * (a conversion's may hold plaintext) and the brief-render folder. Neither is
 * ever the truth: the file each temp was meant to replace is intact.
 */
export async function removeLeftovers(dataDir: string, folders: readonly string[] = ['.', CASES, TRASH, QUARANTINE, RETIRED_QUARANTINE, HISTORY_DIR, BACKUPS, PURGED_DIR]): Promise<Map<string, string[]>> {
  await rm(path.join(dataDir, BRIEF_TMP), { recursive: true, force: true });
  // What is left in each folder: the store lists cases/ from it rather than read 10,000 names twice.
  const kept = new Map<string, string[]>();
  for (const sub of folders) {
    const names: string[] = [];
    for (const entry of await entries(path.join(dataDir, sub))) {
      if (isTempName(entry.name)) await unlink(path.join(dataDir, sub, entry.name)).catch(() => undefined);
      else names.push(entry.name);
    }
    kept.set(sub, names);
  }
  // An interrupted intake or conversion of an original leaves its temp file beside it (it may hold plaintext).
  const stores = await Promise.all(ORIGINAL_ROOTS.map(async (root) => [root, ...(await shardsOf(dataDir, root)).map((s) => `${root}/${s}`)]));
  for (const sub of [...stores.flat(), `${QUARANTINE}/${FILES_DIR}`]) {
    for (const entry of await entries(path.join(dataDir, ...sub.split('/')))) {
      if (isTempName(entry.name)) await unlink(path.join(dataDir, ...sub.split('/'), entry.name)).catch(() => undefined);
    }
  }
  return kept;
}
