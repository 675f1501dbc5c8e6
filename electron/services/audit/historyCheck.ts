import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AuditEntry } from '../../../shared/model';
import { aadForPath } from '../disk/folderLayout';
import { sha256Hex } from './digest';
import { decodeHistoryLine, HISTORY_DIR, historyRel } from './historyLog';
import { caseFileDigest, MANIFEST_FILE, readManifest, type ManifestState } from './manifest';
import { isUnconfirmed } from './unconfirmedLine';

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

export type HistoryIssueKind =
  | 'damaged-line'
  | 'torn-line'
  | 'missing-revisions'
  | 'unconfirmed-line'
  | 'no-history'
  | 'orphaned'
  | 'unreadable-case'
  | 'chain-broken'
  | 'rolled-back'
  | 'altered-case'
  | 'vanished'
  | 'manifest-damaged';

/** What tampering an error amounts to, in the words the user sees. */
export type TamperVerdict = 'rolled-back' | 'deleted' | 'altered';

export type HistoryIssue = {
  /** The file concerned, relative to the data folder (as `verify` names files). */
  file: string;
  caseId: string;
  kind: HistoryIssueKind;
  severity: 'error' | 'warning';
  /** Set on what no crash leaves. */
  verdict?: TamperVerdict;
  /** In words, for the user: what is wrong, and what it means. */
  message: string;
  /** 1-based line of the history file, for line issues. */
  line?: number;
  /** The revisions concerned, for missing ones. */
  revs?: number[];
  /** The newest revision the history or the manifest vouches for, and its hash when known: what a good copy must be. */
  lastGood?: { rev: number; sha256?: string; at?: string };
};

export type HistoryCheckOptions = {
  /**
   * Case ids held in quarantine: their case file is damaged, not gone, so their
   * history is not orphaned. The store knows them (it names quarantined files).
   */
  quarantinedIds?: Iterable<string>;
  /** The manifest, when the caller has read it; otherwise it is read from disk. */
  manifest?: ManifestState;
  /** Only these cases (the open checks the few whose files changed); every file in the folder when absent. */
  only?: ReadonlySet<string>;
};

const CASE_FILE = /^([A-Za-z0-9_-]{1,64})\.json$/;
const HISTORY_FILE = /^([A-Za-z0-9_-]{1,64})\.jsonl$/;

async function names(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

const revList = (revs: number[]) => {
  // 3, 4, 5, 9 → "3–5, 9"
  const parts: string[] = [];
  for (let i = 0; i < revs.length; ) {
    let j = i;
    while (j + 1 < revs.length && revs[j + 1] === revs[j]! + 1) j++;
    parts.push(j === i ? String(revs[i]) : `${revs[i]}–${revs[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
};

type GoodLine = { entry: AuditEntry; json: string; line: number };
type ParsedLog = { entries: GoodLine[]; bad: { line: number; torn: boolean }[] };

function parseLog(text: string, key: Buffer | null, aad: string): ParsedLog {
  const lines = text.split('\n');
  const terminated = text.endsWith('\n');
  if (terminated) lines.pop();
  const entries: GoodLine[] = [];
  const bad: ParsedLog['bad'] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const json = decodeHistoryLine(line, key, aad);
    let entry: AuditEntry | null = null;
    if (json !== null) {
      try {
        const parsed = AuditEntry.safeParse(JSON.parse(json));
        if (parsed.success) entry = parsed.data;
      } catch {
        // not JSON: reported below
      }
    }
    if (entry) entries.push({ entry, json: json!, line: i + 1 });
    else bad.push({ line: i + 1, torn: !terminated && i === lines.length - 1 });
  });
  return { entries, bad };
}

/**
 * Revisions the history should hold but does not: from where it starts up to
 * the case's rev. It starts at 1 (a case is created at rev 1), or later where
 * an import brought the case in at a higher rev (its earlier revisions were
 * made elsewhere), or where a restore of a snapshot without histories began it.
 */
function missingRevs(entries: AuditEntry[], caseRev: number): number[] {
  let from = 1;
  for (const [i, e] of entries.entries()) {
    if (e.cause === 'import' && !e.imported) from = Math.max(from, e.rev);
    if (i === 0 && e.cause === 'backup-restore') from = Math.max(from, e.rev);
  }
  const have = new Set(entries.map((e) => e.rev));
  const missing: number[] = [];
  for (let r = from; r <= caseRev; r++) if (!have.has(r)) missing.push(r);
  return missing;
}

/**
 * Breaks in a history's chain. A line right after a damaged one is not blamed
 * again (the damaged line is reported), nor is a `backup-restore` line without
 * the chain: a restore appends it (backup/restore) and the next save chains on.
 */
function chainBreaks(log: ParsedLog): Array<{ line: number; message: string }> {
  const breaks: Array<{ line: number; message: string }> = [];
  const badLines = new Set(log.bad.map((b) => b.line));
  const seen = new Map<string, number>();
  let expected = '';
  let chained = false;
  let previousLine = 0;
  for (const { entry, json, line } of log.entries) {
    let badBetween = false;
    for (let l = previousLine + 1; l < line; l++) if (badLines.has(l)) badBetween = true;
    const hash = sha256Hex(json);
    if (entry.prev !== undefined) {
      if (entry.prev !== expected && !badBetween) {
        const same = seen.get(hash);
        breaks.push({
          line,
          message:
            same !== undefined
              ? `line ${line} repeats line ${same}: the history was altered (a line copied into it)`
              : `line ${line} does not follow the line before it: a line was removed from the history, or lines were moved or copied into it`,
        });
      }
      chained = true;
    } else if (chained && entry.cause !== 'backup-restore') {
      breaks.push({ line, message: `line ${line} has no link to the line before it although the lines before it do: it was put into the history from elsewhere` });
    }
    if (!seen.has(hash)) seen.set(hash, line);
    expected = hash;
    previousLine = line;
  }
  return breaks;
}

type CaseOnDisk = { rev: number; sha256: string; file: string } | null;

/** Compares a case file with its history's newest line: older is rolled back, the same rev with other content is altered. */
function newestLineIssue(id: string, log: ParsedLog, onDisk: NonNullable<CaseOnDisk>): HistoryIssue | null {
  const newest = log.entries.at(-1)?.entry;
  if (!newest) return null;
  const lastGood = { rev: newest.rev, ...(newest.sha256 ? { sha256: newest.sha256 } : {}), at: newest.at };
  if (onDisk.rev < newest.rev) {
    return {
      file: onDisk.file,
      caseId: id,
      kind: 'rolled-back',
      severity: 'error',
      verdict: 'rolled-back',
      lastGood,
      message: `rolled back: the case file is at revision ${onDisk.rev}, but its history records revision ${newest.rev} (saved ${newest.at}); an older copy of the file was put in its place`,
    };
  }
  if (onDisk.rev === newest.rev && newest.sha256 !== undefined && newest.sha256 !== onDisk.sha256) {
    return {
      file: onDisk.file,
      caseId: id,
      kind: 'altered-case',
      severity: 'error',
      verdict: 'altered',
      lastGood,
      message: `altered: the case file is not the revision ${newest.rev} its history records (saved ${newest.at}); it was changed outside Casefile`,
    };
  }
  return null;
}

/**
 * A history whose last line is a save a crash cut short after its line and before
 * its case file (audit/unconfirmedLine): a warning, in place of "rolled back" or
 * "deleted". Null when the history is anything else.
 */
function unconfirmedLine(id: string, rel: string, log: ParsedLog, onDisk: CaseOnDisk, manifest: ManifestState): HistoryIssue | null {
  const newest = log.entries.at(-1);
  if (!newest || log.bad.some((b) => b.line > newest.line && !b.torn)) return null;
  if ((manifest.items.get(id)?.rev ?? 0) >= newest.entry.rev) return null;
  if (!isUnconfirmed(newest.entry, log.entries.at(-2)?.entry ?? null, onDisk && { rev: onDisk.rev, sha256: onDisk.sha256 })) return null;
  const rev = newest.entry.rev;
  return {
    file: rel,
    caseId: id,
    kind: 'unconfirmed-line',
    severity: 'warning',
    line: newest.line,
    revs: [rev],
    message:
      rev === 1
        ? `line ${newest.line} records the creation of the case, but its case file was never written: Casefile stopped while saving it, before the save was confirmed; the next save of a case with this id replaces the line`
        : `line ${newest.line} records revision ${rev}, but the case file is still at revision ${rev - 1}: Casefile stopped while saving it, before the save was confirmed, so the case is as it was before that save; its next save replaces the line`,
  };
}

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
  const histories = new Set<string>();
  /** Cases already reported as tampered with: one verdict per case. */
  const tampered = new Set<string>();

  for (const name of await names(path.join(dataDir, HISTORY_DIR))) {
    const id = HISTORY_FILE.exec(name)?.[1];
    if (id === undefined || (only && !only.has(id))) continue;
    histories.add(id);
    const rel = historyRel(id);
    const text = await readFile(path.join(dataDir, HISTORY_DIR, name), 'utf8');
    const log = parseLog(text, key, aadForPath(rel));
    for (const b of log.bad) {
      issues.push({
        file: rel,
        caseId: id,
        kind: b.torn ? 'torn-line' : 'damaged-line',
        severity: b.torn ? 'warning' : 'error',
        ...(b.torn ? {} : { verdict: 'altered' as const }),
        line: b.line,
        message: b.torn
          ? `line ${b.line} was cut short while it was being written (a crash or power loss); that change's entry is lost, the case itself is not`
          : key
            ? `line ${b.line} does not open with the folder's key: it was altered or damaged, and the change it recorded cannot be shown`
            : `line ${b.line} is not a readable history entry: it was altered or damaged, and the change it recorded cannot be shown`,
      });
    }
    for (const b of chainBreaks(log)) issues.push({ file: rel, caseId: id, kind: 'chain-broken', severity: 'error', verdict: 'altered', line: b.line, message: `altered: ${b.message}` });
    // A damaged case file, or one in quarantine, is reported as such, not read as a case never written.
    const known = cases.has(id) ? cases.get(id)! !== null : !quarantined.has(id);
    const unconfirmed = known ? unconfirmedLine(id, rel, log, cases.get(id) ?? null, manifest) : null;
    if (unconfirmed) {
      issues.push(unconfirmed);
      continue;
    }
    if (!cases.has(id)) {
      if (quarantined.has(id)) continue;
      const newest = log.entries.at(-1)?.entry;
      tampered.add(id);
      issues.push({
        file: rel,
        caseId: id,
        kind: 'orphaned',
        severity: 'error',
        verdict: 'deleted',
        ...(newest ? { lastGood: { rev: newest.rev, ...(newest.sha256 ? { sha256: newest.sha256 } : {}), at: newest.at } } : {}),
        message: `deleted: its case (${id}) is gone: no case file in cases/, trash/ or quarantine/ (it was deleted outside Casefile); restore it from a backup, or keep the history as the record of it`,
      });
      continue;
    }
    const onDisk = cases.get(id);
    if (!onDisk) continue; // the case file is damaged; verify reports that
    const newest = newestLineIssue(id, log, onDisk);
    if (newest) {
      tampered.add(id);
      issues.push(newest);
      continue;
    }
    const missing = missingRevs(log.entries.map((e) => e.entry), onDisk.rev);
    if (missing.length === 0) continue;
    const rev = onDisk.rev;
    const newestOnly = missing.length === 1 && missing[0] === rev;
    issues.push({
      file: rel,
      caseId: id,
      kind: 'missing-revisions',
      severity: 'warning',
      revs: missing,
      message: newestOnly
        ? `revision ${rev} (the newest) was saved but is not in the history: the save was interrupted, or the disk refused, before its history line was written`
        : `revision${missing.length > 1 ? 's' : ''} ${revList(missing)} of ${rev} ${missing.length > 1 ? 'are' : 'is'} not in the history: lost when Casefile stopped between saving the case and recording the change, or removed from the file`,
    });
  }

  for (const [id, onDisk] of [...cases].sort(([a], [b]) => a.localeCompare(b))) {
    if (histories.has(id) || onDisk === null) continue;
    // A case created — or imported, at whatever revision its bundle gave it — just before a crash:
    // its first line is the one that was being written. A deleted history file looks the same.
    issues.push({
      file: historyRel(id),
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

  issues.push(...manifestIssues(manifest, cases, histories, quarantined, tampered, only));
  return issues;
}

/** The cases the manifest vouches for against the disk: gone with their history (deleted), or older than it says (rolled back). */
function manifestIssues(manifest: ManifestState, cases: ReadonlyMap<string, CaseOnDisk>, histories: ReadonlySet<string>, quarantined: ReadonlySet<string>, tampered: ReadonlySet<string>, only: ReadonlySet<string> | undefined): HistoryIssue[] {
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
    if (onDisk.rev < item.rev) {
      issues.push({ file: onDisk.file, caseId: id, kind: 'rolled-back', severity: 'error', verdict: 'rolled-back', lastGood, message: `rolled back: the case file is at revision ${onDisk.rev}, but the folder's manifest records revision ${item.rev}; an older copy of the file was put in its place` });
    } else if (onDisk.rev === item.rev && item.sha256 !== null && item.sha256 !== onDisk.sha256) {
      issues.push({ file: onDisk.file, caseId: id, kind: 'altered-case', severity: 'error', verdict: 'altered', lastGood, message: `altered: the case file is not the revision ${item.rev} the folder's manifest records; it was changed outside Casefile` });
    }
  }
  return issues;
}
