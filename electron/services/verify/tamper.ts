import { readFile, stat } from 'node:fs/promises';
import { statFiles } from '../disk/statFiles';
import path from 'node:path';
import type { TamperFinding } from '../../../shared/contract';
import { findValidCopy } from '../backup';
import { aadForPath, SUMMARY_INDEX_FILE } from '../disk/folderLayout';
import type { DurableFs } from '../disk/durableFile';
import type { IndexEntry } from '../store/summaryIndex';
import { caseDigest } from '../audit/digest';
import { checkHistories, type HistoryIssue } from '../audit/historyCheck';
import { isUnconfirmed } from '../audit/unconfirmedLine';
import { decodeHistoryLine, HISTORY_DIR, readCaseHistory } from '../audit/historyLog';
import { allHistoryFiles, historyFilesOf, peekDevice, type HistoryFile } from '../audit/historyFiles';
import { caseFileDigest, MANIFEST_FILE, needsCompaction, readManifest, rebuildManifest, writeManifest, type ManifestState } from '../audit/manifest';
import { vouchedByOtherDevice } from '../audit/manifestCheck';
import { settleTombstones } from '../audit/tombstones';
import { SYNC_WAIT_MS } from '../audit/historyCheck';

// Tamper evidence checked: at open, and with the last good version a snapshot holds
// offered with each finding (the manifest's line after each save is audit/manifest's).
//
// The open must stay cheap at 100,000 cases (it parses no case file when nothing
// changed), so it checks what it has at hand: every case in the manifest against
// the summaries (gone → deleted, an older rev → rolled back), the names in
// history/ (a history without its case → deleted), and — only for the few case
// files that changed since the summary index was written — their content against
// the manifest and their history's chain and newest line. Everything else (every
// chain, every case's hash) is `verify`'s: it reads the whole folder.

/** Case files changed since the index, beyond which the open leaves their histories to `verify` (a first open reads them all). */
const OPEN_HISTORY_CHECKS = 200;
/** Findings for which the snapshots are searched for a good copy (each search may read every snapshot). */
const OFFER_LOOKUPS = 10;

export type OpenCheckInput = {
  dataDir: string;
  key: Buffer | null;
  /** The store's summaries after the open reconciled them with cases/. */
  live: ReadonlyMap<string, IndexEntry>;
  trash: Iterable<string>;
  quarantined: Iterable<string>;
  now: string;
  fs?: DurableFs;
} & OpenBaseline;

/** What the open knew before it looked at the files: the summaries as the index had them, and when the index was written. */
export type OpenBaseline = { before: ReadonlyMap<string, IndexEntry>; indexWrittenMs: number };

/** Taken before the store reconciles (which may rewrite the index). */
export async function openBaseline(dataDir: string, index: { cases: ReadonlyMap<string, IndexEntry> }): Promise<OpenBaseline> {
  const st = await stat(path.join(dataDir, SUMMARY_INDEX_FILE)).catch(() => null);
  return { before: new Map(index.cases), indexWrittenMs: st ? Math.max(st.mtimeMs, st.ctimeMs) : 0 };
}

const toFinding = (i: HistoryIssue): TamperFinding => ({
  file: i.file,
  caseId: i.caseId,
  verdict: i.verdict!,
  message: i.message,
  ...(i.lastGood ? { lastGoodRev: i.lastGood.rev } : {}),
});

/**
 * Reads the manifest (writing it when the folder has none yet, compacting it when
 * due) and reports what the open can see was tampered with. Never rewrites what
 * the manifest says about a case to match the disk: the evidence stays until the
 * case is saved again, or the folder restored.
 */
export async function checkAtOpen(input: OpenCheckInput): Promise<TamperFinding[]> {
  const { dataDir, key, live } = input;
  const trash = new Set(input.trash);
  const quarantined = new Set(input.quarantined);
  let manifest = await readManifest(dataDir, key);
  const issues: HistoryIssue[] = [];
  if (manifest.missing) {
    // A folder from before manifests, or one whose manifest was deleted: begun from the summaries. A deletion
    // before this moment cannot be seen — unless a history says the folder had a manifest (its lines are chained).
    if (await chainedHistoryExists(dataDir, key, live)) {
      issues.push({ file: MANIFEST_FILE, caseId: '', kind: 'manifest-damaged', severity: 'error', verdict: 'deleted', message: "deleted: the folder's manifest (its list of cases) is gone; it was begun again from the cases present, so a case deleted before now cannot be noticed" });
    }
    manifest = await rebuildManifest(dataDir, key, 'created', input.now, { known: new Map([...live].map(([id, e]) => [id, e.summary.rev])), ...(input.fs ? { fs: input.fs } : {}) });
  } else if (needsCompaction(manifest) && manifest.faults.length === 0) {
    await writeManifest(dataDir, key, manifest.items, 'compacted', input.now, input.fs);
  }
  // A case deleted for good on another device (its tombstone synced, audit/tombstones) leaves the manifest, not a finding.
  const tombstones = await settleTombstones(dataDir, key, manifest, (id) => live.has(id) || trash.has(id) || quarantined.has(id), input.now, input.fs);
  const changed = new Set([...live].filter(([id, e]) => input.before.get(id) !== e).map(([id]) => id));
  issues.push(...(await manifestAtOpen(manifest, input, trash, quarantined, changed)));
  const flagged = new Set(issues.map((i) => i.caseId));
  const histories = await allHistoryFiles(dataDir);
  // Histories changed since the index was written (their ctime, which no one can set back), and those of changed cases.
  const recheck = new Set(changed);
  if (recheck.size <= OPEN_HISTORY_CHECKS) {
    for (const id of await historiesChangedSince(dataDir, histories, input.indexWrittenMs)) {
      recheck.add(id);
      if (recheck.size > OPEN_HISTORY_CHECKS) break;
    }
  }
  if (recheck.size > 0 && recheck.size <= OPEN_HISTORY_CHECKS) {
    const empty: ManifestState = { missing: false, items: new Map(), lines: 0, faults: [] };
    for (const issue of await checkHistories(dataDir, key, { only: recheck, manifest: empty, quarantinedIds: quarantined })) {
      if (issue.verdict && issue.kind !== 'orphaned' && !flagged.has(issue.caseId)) issues.push(issue);
    }
  }
  const self = (await peekDevice(dataDir))?.id ?? null;
  for (const [id, files] of histories) {
    if (live.has(id) || trash.has(id) || quarantined.has(id) || manifest.items.has(id) || flagged.has(id)) continue;
    // What sync has not removed yet of a case deleted for good elsewhere: verify says so.
    if (tombstones.has(id)) continue;
    // Another device's new case whose history came before its case file: verify says it is waiting.
    if (await arrivingFromOthers(files, self)) continue;
    const { entries } = await readCaseHistory(dataDir, id, key).catch(() => ({ entries: [] }));
    // The one line of a case whose first save a crash cut short before its file was written: verify warns of it.
    if (entries.length === 1 && isUnconfirmed(entries[0]!, null, null)) continue;
    const newest = entries.at(-1);
    const lastGood = newest && { rev: newest.rev, ...(newest.sha256 ? { sha256: newest.sha256 } : {}), at: newest.at };
    issues.push({ file: files[0]!.rel, caseId: id, kind: 'orphaned', severity: 'error', verdict: 'deleted', ...(lastGood ? { lastGood } : {}), message: `deleted: its case (${id}) is gone: no case file in cases/, trash/ or quarantine/ (it was deleted outside Casefile); restore it from a backup, or keep the history as the record of it` });
  }
  return offerLastGood(dataDir, key, issues);
}

async function manifestAtOpen(manifest: ManifestState, input: OpenCheckInput, trash: ReadonlySet<string>, quarantined: ReadonlySet<string>, changed: ReadonlySet<string>): Promise<HistoryIssue[]> {
  const issues: HistoryIssue[] = manifest.faults.map((f) => ({ file: MANIFEST_FILE, caseId: '', kind: 'manifest-damaged', severity: 'error', verdict: 'altered', line: f.line, message: `altered: the folder's manifest (its list of cases): ${f.message}` }));
  for (const [id, item] of manifest.items) {
    if (quarantined.has(id) || trash.has(id)) continue; // a trashed case's rev and content are `verify`'s to check
    const lastGood = { rev: item.rev, ...(item.sha256 ? { sha256: item.sha256 } : {}) };
    const entry = input.live.get(id);
    if (!entry) {
      const history = (await historyFilesOf(input.dataDir, id))[0];
      issues.push({
        file: history ? history.rel : `cases/${id}.json`,
        caseId: id,
        kind: history ? 'orphaned' : 'vanished',
        severity: 'error',
        verdict: 'deleted',
        lastGood,
        message: history
          ? `deleted: its case (${id}, revision ${item.rev} in the folder's manifest) is gone: no case file in cases/, trash/ or quarantine/ (it was deleted outside Casefile)`
          : `deleted: case ${id} (revision ${item.rev} in the folder's manifest) is gone, and its history with it: it was deleted outside Casefile`,
      });
    } else if (entry.summary.rev < item.rev) {
      const onDisk = await caseFileDigest(input.dataDir, `cases/${id}.json`, input.key);
      if (onDisk && (await vouchedByOtherDevice(input.dataDir, input.key, id, onDisk))) continue;
      issues.push({ file: `cases/${id}.json`, caseId: id, kind: 'rolled-back', severity: 'error', verdict: 'rolled-back', lastGood, message: `rolled back: the case file is at revision ${entry.summary.rev}, but the folder's manifest records revision ${item.rev}; an older copy of the file was put in its place` });
    } else if (entry.summary.rev === item.rev && item.sha256 !== null && changed.has(id)) {
      const onDisk = await caseFileDigest(input.dataDir, `cases/${id}.json`, input.key);
      if (onDisk && onDisk.sha256 !== item.sha256 && !(await vouchedByOtherDevice(input.dataDir, input.key, id, onDisk))) {
        issues.push({ file: `cases/${id}.json`, caseId: id, kind: 'altered-case', severity: 'error', verdict: 'altered', lastGood, message: `altered: the case file is not the revision ${item.rev} the folder's manifest records; it was changed outside Casefile` });
      }
    }
  }
  return issues;
}

/** Ids whose history files changed after `sinceMs` (all of them when the index is missing); stat in a plain loop, as the store stats cases/. */
async function historiesChangedSince(dataDir: string, histories: ReadonlyMap<string, HistoryFile[]>, sinceMs: number): Promise<string[]> {
  const byName = new Map([...histories].flatMap(([id, files]) => files.map((f) => [path.basename(f.file), id] as const)));
  const ids = new Set<string>();
  for (const [name, st] of await statFiles(path.join(dataDir, HISTORY_DIR), [...byName.keys()])) {
    if (Math.max(st.mtimeMs, st.ctimeMs) >= sinceMs) ids.add(byName.get(name)!);
  }
  return [...ids];
}

/** Whether every file of a case is another device's, the newest changed here within SYNC_WAIT_MS: a case still arriving. */
async function arrivingFromOthers(files: HistoryFile[], self: string | null): Promise<boolean> {
  if (files.some((f) => f.deviceId === null || f.deviceId === self)) return false;
  const times = await Promise.all(files.map((f) => stat(f.file).then((st) => Math.max(st.mtimeMs, st.ctimeMs), () => 0)));
  return Date.now() - Math.max(...times) < SYNC_WAIT_MS;
}

/**
 * Whether the first of a few histories' lines was written with the chain: then the folder had a manifest.
 * Only this machine's files count (and the legacy ones once it is a device of the folder): the
 * manifest is this machine's own, so another device's chained history says nothing of it, and a
 * machine new to a synced folder has none yet.
 */
async function chainedHistoryExists(dataDir: string, key: Buffer | null, live: ReadonlyMap<string, IndexEntry>): Promise<boolean> {
  const self = (await peekDevice(dataDir))?.id ?? null;
  if (self === null) return false;
  let looked = 0;
  for (const [id, files] of await allHistoryFiles(dataDir)) {
    if (!live.has(id)) continue;
    const mine = files.find((f) => f.deviceId === self) ?? files.find((f) => f.deviceId === null);
    if (!mine) continue;
    if (looked++ >= 5) break;
    const first = (await readFile(mine.file, 'utf8').catch(() => '')).split('\n')[0] ?? '';
    const json = decodeHistoryLine(first, key, aadForPath(mine.rel));
    try {
      if (json !== null && typeof (JSON.parse(json) as { prev?: unknown }).prev === 'string') return true;
    } catch {
      // not a line: not evidence either way
    }
  }
  return false;
}

/**
 * Each tamper finding with the last good version: the revision the history or
 * the manifest vouches for, and the newest snapshot copy of the case (the idea of
 * findValidCopy, which quarantine recovery uses) — said to be that very version
 * when its hash matches. Other issues pass through unchanged.
 */
export async function withLastGood<T extends HistoryIssue>(dataDir: string, key: Buffer | null, issues: T[]): Promise<Array<T & { snapshot?: string }>> {
  const out: Array<T & { snapshot?: string }> = [];
  let lookups = 0;
  for (const issue of issues) {
    const good = issue.lastGood;
    if (!issue.verdict || issue.caseId === '' || !good || lookups++ >= OFFER_LOOKUPS) {
      out.push(issue);
      continue;
    }
    const copy = await findValidCopy(dataDir, key, issue.caseId).catch(() => null);
    const when = good.at ? ` (saved ${good.at})` : '';
    if (!copy) {
      out.push({ ...issue, message: `${issue.message}. The last good version is revision ${good.rev}${when}; no snapshot holds the case, so only its history (\`casefile history ${issue.caseId}\`) records what it was` });
      continue;
    }
    const exact = good.sha256 !== undefined && caseDigest(copy.case) === good.sha256;
    const restore = `restore that snapshot (Settings → Backups, or \`casefile restore ${copy.snapshot}\`; the state before it is kept as a snapshot of its own)`;
    out.push({
      ...issue,
      snapshot: copy.snapshot,
      message: exact
        ? `${issue.message}. The last good version, revision ${good.rev}, is in the snapshot ${copy.snapshot}: ${restore}`
        : `${issue.message}. The last good version is revision ${good.rev}${when}; the newest snapshot holding the case, ${copy.snapshot}, has revision ${copy.case.rev}: ${restore}, and \`casefile history ${issue.caseId}\` shows what changed after it`,
    });
  }
  return out;
}

async function offerLastGood(dataDir: string, key: Buffer | null, issues: HistoryIssue[]): Promise<TamperFinding[]> {
  return (await withLastGood(dataDir, key, issues)).map((i) => ({ ...toFinding(i), ...(i.snapshot ? { snapshot: i.snapshot } : {}) }));
}
