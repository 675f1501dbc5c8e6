import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurably, type DurableFs } from './durableFile';
import { LOCK_FILE } from './lock';
import { BACKUPS_DIR, JOURNAL_FILE, LOCAL_DIR, MANIFEST_FILE, MIGRATION_JOURNAL, QUARANTINE_DIR, RESTORE_JOURNAL, RETIRED_QUARANTINE, SEARCH_INDEX_FILE, SUMMARY_INDEX_FILE, SYNC_IGNORE_FILE, TMP_DIR } from './folderLayout';

// The data folder's `.stignore`: what Syncthing must not carry to the team's other
// machines. Syncthing never syncs the file itself, so every machine keeps its own, and
// Casefile writes its part at every open: a block between two marker lines, rewritten
// only when it differs, with every line the user put outside it kept as it is.
//
// What is machine-local, and why:
// - the folder lock and its side files: they name this machine's process;
// - the summary and search indexes: derived from the case files, rebuilt by each
//   machine from what it has (a synced index would describe another machine's cases);
// - manifest.jsonl: this machine's own record of the cases it saved (tamper evidence,
//   audit/manifest). Appended on every save, it would clash as soon as two machines
//   saved; a case that arrives through sync is vouched for by its history from the
//   device that saved it (audit/historyCheck) instead;
// - tmp/ (briefs being rendered), backups/ (snapshots stay per machine), local/ (this
//   device's identity), quarantine/ and retired-quarantine/ (this machine's findings);
// - journals of work in progress on this machine: a passphrase change
//   (vault.next.json), a restore (restore.json), a migration (migration.json);
// - the temp files of durable writes (`.<name>.<pid>.<random>.tmp`, anywhere), which
//   may hold plaintext while a conversion runs.
// Synced: cases/, trash/, history/ (one file per case per device), purged/ (tombstones of
// cases deleted for good, one file per device: audit/tombstones), files/ (originals,
// by their hash), meta.json, settings.json, addressees.json, people.json (the people index's merges and splits) and vault.json.

export const SYNC_IGNORE_BEGIN = '// BEGIN Casefile: machine-local files (Casefile rewrites this block at every open; add your own lines outside it)';
export const SYNC_IGNORE_END = '// END Casefile';

/** The patterns (Syncthing's syntax: a leading "/" anchors at the folder's root) the app keeps in its block. */
const SYNC_IGNORE_PATTERNS: readonly string[] = [
  `/${LOCK_FILE}`,
  `/${LOCK_FILE}.*`,
  `/${SUMMARY_INDEX_FILE}`,
  `/${SEARCH_INDEX_FILE}`,
  `/${MANIFEST_FILE}`,
  `/${TMP_DIR}`,
  `/${BACKUPS_DIR}`,
  `/${LOCAL_DIR}`,
  `/${QUARANTINE_DIR}`,
  `/${RETIRED_QUARANTINE}`,
  `/${JOURNAL_FILE}`,
  `/${RESTORE_JOURNAL}`,
  `/${MIGRATION_JOURNAL}`,
  // (?d): Syncthing may delete these when they stand in the way of removing a synced folder.
  '(?d).*.tmp',
];

/** `text` (the current file, or "") with the app's block in place of the old one, or appended when there was none. */
export function withAppBlock(text: string): string {
  const block = [SYNC_IGNORE_BEGIN, ...SYNC_IGNORE_PATTERNS, SYNC_IGNORE_END];
  const lines = text === '' ? [] : text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  const begin = lines.indexOf(SYNC_IGNORE_BEGIN);
  const end = begin === -1 ? -1 : lines.indexOf(SYNC_IGNORE_END, begin);
  // A begin marker without its end (cut by hand) loses only what follows it up to the file's end: the app's own lines.
  const kept = begin === -1 ? lines : [...lines.slice(0, begin), ...(end === -1 ? [] : lines.slice(end + 1))];
  const at = begin === -1 ? kept.length : begin;
  return `${[...kept.slice(0, at), ...block, ...kept.slice(at)].join('\n')}\n`;
}

/** Writes the app's block of `<dataDir>/.stignore` (durably, and only when it differs). True when the file was written. */
export async function keepSyncIgnore(dataDir: string, fs?: DurableFs): Promise<boolean> {
  const file = path.join(dataDir, SYNC_IGNORE_FILE);
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const next = withAppBlock(text);
  if (next === text) return false;
  await writeFileDurably(file, next, fs);
  return true;
}
