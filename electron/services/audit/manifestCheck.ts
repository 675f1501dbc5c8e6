import { readFile } from 'node:fs/promises';
import { aadForPath } from '../disk/folderLayout';
import { historyFilesOf, peekDevice } from './historyFiles';
import { parseHistoryText } from './historyLog';
import { MANIFEST_FILE, type ManifestState } from './manifest';
import type { HistoryIssue } from './historyIssues';

// The folder's manifest against the disk (audit/historyCheck). The manifest is this
// machine's own (it is not synced: disk/syncIgnore), so a case another device saved
// differs from it; such a case is passed when a line of that device's history records
// the case file exactly as it is (its revision and SHA-256).

type CaseOnDisk = { rev: number; sha256: string; file: string } | null;

/** The cases the manifest vouches for against the disk: gone with their history (deleted), or older than it says (rolled back). */
export function manifestIssues(manifest: ManifestState, cases: ReadonlyMap<string, CaseOnDisk>, histories: ReadonlySet<string>, quarantined: ReadonlySet<string>, tampered: ReadonlySet<string>, only: ReadonlySet<string> | undefined, vouched: (id: string, rev: number, sha256: string) => boolean): HistoryIssue[] {
  const issues: HistoryIssue[] = [];
  for (const f of manifest.faults) {
    issues.push({ file: MANIFEST_FILE, caseId: '', kind: 'manifest-damaged', severity: 'error', verdict: 'altered', line: f.line, message: `altered: the folder's manifest (its list of cases): ${f.message}` });
  }
  for (const [id, item] of [...manifest.items].sort(([a], [b]) => a.localeCompare(b))) {
    if (tampered.has(id) || quarantined.has(id) || (only && !only.has(id))) continue;
    const lastGood = { rev: item.rev, ...(item.sha256 ? { sha256: item.sha256 } : {}) };
    if (!cases.has(id)) {
      if (histories.has(id)) continue; // reported above as orphaned
      issues.push({
        file: `cases/${id}.json`,
        caseId: id,
        kind: 'vanished',
        severity: 'error',
        verdict: 'deleted',
        lastGood,
        message: `deleted: case ${id} (revision ${item.rev} in the folder's manifest) is gone, and its history with it: no case file in cases/, trash/ or quarantine/; it was deleted outside Casefile`,
      });
      continue;
    }
    const onDisk = cases.get(id);
    if (!onDisk) continue; // damaged: verify reports it
    // Saved on another device and brought by sync: that device's history vouches for it (this manifest is this machine's own).
    if (vouched(id, onDisk.rev, onDisk.sha256)) continue;
    if (onDisk.rev < item.rev) {
      issues.push({ file: onDisk.file, caseId: id, kind: 'rolled-back', severity: 'error', verdict: 'rolled-back', lastGood, message: `rolled back: the case file is at revision ${onDisk.rev}, but the folder's manifest records revision ${item.rev}; an older copy of the file was put in its place` });
    } else if (onDisk.rev === item.rev && item.sha256 !== null && item.sha256 !== onDisk.sha256) {
      issues.push({ file: onDisk.file, caseId: id, kind: 'altered-case', severity: 'error', verdict: 'altered', lastGood, message: `altered: the case file is not the revision ${item.rev} the folder's manifest records; it was changed outside Casefile` });
    }
  }
  return issues;
}

/**
 * Whether a line of another device's history (not this machine's, not the legacy file)
 * records the case exactly as `onDisk` holds it: the open asks this only before it
 * would report a case that differs from the manifest.
 */
export async function vouchedByOtherDevice(dataDir: string, key: Buffer | null, id: string, onDisk: { rev: number; sha256: string }): Promise<boolean> {
  const self = (await peekDevice(dataDir))?.id ?? null;
  for (const f of await historyFilesOf(dataDir, id)) {
    if (f.deviceId === null || f.deviceId === self) continue;
    const text = await readFile(f.file, 'utf8').catch(() => '');
    if (parseHistoryText(text, key, aadForPath(f.rel)).entries.some((e) => e.rev === onDisk.rev && e.sha256 === onDisk.sha256)) return true;
  }
  return false;
}
