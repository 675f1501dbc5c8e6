import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { aadForPath } from '../disk/folderLayout';
import { caseIssue, type FileLog } from './caseVsHistory';
import { allHistoryFiles, historyRel, peekDevice } from './historyFiles';
import type { HistoryCheckOptions, HistoryIssue } from './historyIssues';
import { lineIssues, parseLog } from './historyLines';
import { caseFileDigest, readManifest } from './manifest';
import { manifestIssues } from './manifestCheck';
import { readTombstones, withTombstones } from './tombstones';

// Checks every case's history against its case, from the disk alone.
//
// A history line's seal proves the line, not the file: a line flipped by one
// byte stops opening (and the reader skips it), a line deleted, or the whole
// file deleted, leaves nothing to fail. What does not change is the case's own
// `rev`: every saved revision from the history's start up to it must have its
// line. So this reports, per case:
// - lines that do not open or do not parse (altered, or cut by a crash),
// - revisions missing from the history — which is also how a save whose
//   history line could not be written (the store remembers those only until it
//   closes) shows after a restart,
// - histories whose case is gone (the case file deleted behind the app's back).
//
// "warning" marks what a crash in the middle of a save can leave: a revision's
// line missing (the case was saved, the process died before its line was
// appended; later saves go on appending after the gap), or the last line cut
// short (unterminated). A line removed on purpose leaves the same trace, so a
// missing revision is reported — never passed over — but cannot be called
// tampering; nor can a case with no history file at all (a crash while creating
// or importing it, or the file deleted). What no crash produces is an "error": a
// line that does not open or parse (altered), a history whose case is gone.
//
// Tamper evidence (see historyLog and manifest) adds errors no crash produces
// either, each with a verdict:
// - altered: a line whose `prev` is not the hash of the line before it (a line
//   removed from the middle, repeated, moved), a line without the chain after
//   the chain began; a case file at its history's newest rev whose content is
//   not the one that line records; a damaged manifest;
// - rolled back: a case file older than its history's newest line, or than the
//   manifest says;
// - deleted: a history without its case (and the case not in quarantine), a
//   case in the manifest with neither file nor history.
// A save writes its case file and its history line side by side, then its
// manifest line, so a crash can leave the history or the manifest BEHIND the
// case — or the history's last line one revision AHEAD of it, when that line
// landed and the case file did not (audit/unconfirmedLine: only exactly that
// shape, and never with the manifest ahead too): the warnings above, never these. Lines written before the chain existed are
// checked as before; a file's chain starts at its first line with `prev`.
//
// A case's history is one file per device (audit/historyFiles): each file is checked
// line by line and as its own chain (audit/historyLines), the case file against the
// newest line across all of them (audit/caseVsHistory, which also says when a case is
// only waiting for another device's files), and the manifest against the disk
// (audit/manifestCheck).


export type { HistoryCheckOptions, HistoryIssue, HistoryIssueKind, TamperVerdict } from './historyIssues';
export { SYNC_WAIT_MS } from './caseVsHistory';

const CASE_FILE = /^([A-Za-z0-9_-]{1,64})\.json$/;

async function names(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** When a file last changed on this machine (its ctime, which no one can set back, or a later mtime). */
async function changedMs(file: string): Promise<number> {
  const st = await stat(file).catch(() => null);
  return st ? Math.max(st.mtimeMs, st.ctimeMs) : 0;
}

type CaseOnDisk = { rev: number; sha256: string; file: string } | null;

/**
 * Checks every history in `dataDir` (opened with `key` when the folder is
 * encrypted) against the cases in cases/ and trash/, and both against the
 * manifest. Reads only; changes nothing.
 */
export async function checkHistories(dataDir: string, key: Buffer | null, options: HistoryCheckOptions = {}): Promise<HistoryIssue[]> {
  const issues: HistoryIssue[] = [];
  const only = options.only;
  const cases = new Map<string, CaseOnDisk>();
  for (const sub of ['cases', 'trash']) {
    for (const name of await names(path.join(dataDir, sub))) {
      const id = CASE_FILE.exec(name)?.[1];
      if (id === undefined || cases.get(id) != null || (only && !only.has(id))) continue;
      const found = await caseFileDigest(dataDir, `${sub}/${name}`, key);
      cases.set(id, found && { ...found, file: `${sub}/${name}` });
    }
  }
  const quarantined = new Set(options.quarantinedIds ?? []);
  const manifest = options.manifest ?? (await readManifest(dataDir, key));
  const self = options.deviceId !== undefined ? options.deviceId : ((await peekDevice(dataDir))?.id ?? null);
  const nowMs = options.nowMs ?? Date.now();
  const histories = new Set<string>();
  /** Each case's first history file (relative), to name it in a message. */
  const historyFile = new Map<string, string>();
  /** Cases already reported as tampered with: one verdict per case. */
  const tampered = new Set<string>();
  /** Per case, what other devices' lines record ("rev:sha256"): what vouches for a case that came through sync. */
  const fromOthers = new Map<string, Set<string>>();

  for (const [id, files] of await allHistoryFiles(dataDir)) {
    if (only && !only.has(id)) continue;
    histories.add(id);
    historyFile.set(id, files[0]!.rel);
    const logs: FileLog[] = [];
    for (const f of files) {
      const text = await readFile(f.file, 'utf8');
      const log = parseLog(text, key, aadForPath(f.rel));
      issues.push(...lineIssues(id, f.rel, log, key !== null));
      logs.push({ rel: f.rel, deviceId: f.deviceId, log, changedMs: f.deviceId !== null && f.deviceId !== self ? await changedMs(f.file) : 0 });
      if (f.deviceId !== null && f.deviceId !== self) {
        const seen = fromOthers.get(id) ?? new Set<string>();
        for (const { entry } of log.entries) if (entry.sha256) seen.add(`${entry.rev}:${entry.sha256}`);
        fromOthers.set(id, seen);
      }
    }
    const found = cases.get(id);
    const onDisk = found && { ...found, changedMs: await changedMs(path.join(dataDir, ...found.file.split('/'))) };
    const { issue, tampered: isTampering } = caseIssue({ id, files: logs, onDisk: cases.has(id) ? onDisk! : undefined, quarantined: quarantined.has(id), manifest, self, nowMs });
    if (isTampering) tampered.add(id);
    if (issue) issues.push(issue);
  }

  for (const [id, onDisk] of [...cases].sort(([a], [b]) => a.localeCompare(b))) {
    if (histories.has(id) || onDisk === null) continue;
    // A case created — or imported, at whatever revision its bundle gave it — just before a crash:
    // its first line is the one that was being written. A deleted history file looks the same.
    issues.push({
      file: historyRel(id, self),
      caseId: id,
      kind: 'no-history',
      severity: 'warning',
      revs: Array.from({ length: onDisk.rev }, (_, i) => i + 1),
      message:
        onDisk.rev === 1
          ? 'the case was created but its history file was never written: the save was interrupted, or the disk refused, before its first history line'
          : `the case is at revision ${onDisk.rev} but has no history file: Casefile stopped before writing its first line (a crash while creating or importing it), or the file was deleted`,
    });
  }

  issues.push(...manifestIssues(manifest, cases, histories, quarantined, tampered, only, (id, rev, sha) => fromOthers.get(id)?.has(`${rev}:${sha}`) ?? false));
  // Cases deleted for good (here or on another device: audit/tombstones) are read as such, not as tampering.
  const tombstones = new Map([...(await readTombstones(dataDir, key))].filter(([id]) => !only || only.has(id)));
  const present = new Set([...cases.keys(), ...quarantined]);
  return withTombstones(issues, tombstones, present, historyFile);
}
