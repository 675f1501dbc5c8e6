import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AuditEntry } from '../../../shared/model';
import { aadForPath, decryptBytes, EncryptedFileError, isEncryptedBytes } from '../crypto';
import { decodeHistoryLine, HISTORY_DIR, historyRel } from './historyLog';

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

export type HistoryIssueKind = 'damaged-line' | 'torn-line' | 'missing-revisions' | 'no-history' | 'orphaned' | 'unreadable-case';

export type HistoryIssue = {
  /** The file concerned, relative to the data folder (as `verify` names files). */
  file: string;
  caseId: string;
  kind: HistoryIssueKind;
  severity: 'error' | 'warning';
  /** In words, for the user: what is wrong, and what it means. */
  message: string;
  /** 1-based line of the history file, for line issues. */
  line?: number;
  /** The revisions concerned, for missing ones. */
  revs?: number[];
};

export type HistoryCheckOptions = {
  /**
   * Case ids held in quarantine: their case file is damaged, not gone, so their
   * history is not orphaned. The store knows them (it names quarantined files).
   */
  quarantinedIds?: Iterable<string>;
  /** Each case's rev, when the caller has them at hand; otherwise every case file is read. */
  revs?: ReadonlyMap<string, number>;
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

/** A case file's rev, or null when the file does not read as a case (the store quarantines those; `verify` reports them). */
async function revOf(dataDir: string, rel: string, key: Buffer | null): Promise<number | null> {
  try {
    const bytes = await readFile(path.join(dataDir, ...rel.split('/')));
    let text: string;
    if (key) {
      if (!isEncryptedBytes(bytes)) return null;
      text = decryptBytes(key, bytes, aadForPath(rel)).toString('utf8');
    } else text = bytes.toString('utf8');
    const rev = (JSON.parse(text) as { rev?: unknown }).rev;
    return typeof rev === 'number' && Number.isInteger(rev) && rev >= 1 ? rev : null;
  } catch (err) {
    if (err instanceof EncryptedFileError || err instanceof SyntaxError || (err as NodeJS.ErrnoException).code === 'ENOENT') return null;
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

type ParsedLog = { entries: AuditEntry[]; bad: { line: number; torn: boolean }[] };

function parseLog(text: string, key: Buffer | null, aad: string): ParsedLog {
  const lines = text.split('\n');
  const terminated = text.endsWith('\n');
  if (terminated) lines.pop();
  const entries: AuditEntry[] = [];
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
    if (entry) entries.push(entry);
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
 * Checks every history in `dataDir` (opened with `key` when the folder is
 * encrypted) against the cases in cases/ and trash/. Reads only; changes nothing.
 */
export async function checkHistories(dataDir: string, key: Buffer | null, options: HistoryCheckOptions = {}): Promise<HistoryIssue[]> {
  const issues: HistoryIssue[] = [];
  const revs = new Map<string, number | null>();
  for (const sub of ['cases', 'trash']) {
    for (const name of await names(path.join(dataDir, sub))) {
      const id = CASE_FILE.exec(name)?.[1];
      if (id === undefined || revs.get(id) != null) continue;
      revs.set(id, options.revs?.get(id) ?? (await revOf(dataDir, `${sub}/${name}`, key)));
    }
  }
  const quarantined = new Set(options.quarantinedIds ?? []);
  const histories = new Set<string>();

  for (const name of await names(path.join(dataDir, HISTORY_DIR))) {
    const id = HISTORY_FILE.exec(name)?.[1];
    if (id === undefined) continue;
    histories.add(id);
    const rel = historyRel(id);
    const text = await readFile(path.join(dataDir, HISTORY_DIR, name), 'utf8');
    const { entries, bad } = parseLog(text, key, aadForPath(rel));
    for (const b of bad) {
      issues.push({
        file: rel,
        caseId: id,
        kind: b.torn ? 'torn-line' : 'damaged-line',
        severity: b.torn ? 'warning' : 'error',
        line: b.line,
        message: b.torn
          ? `line ${b.line} was cut short while it was being written (a crash or power loss); that change's entry is lost, the case itself is not`
          : key
            ? `line ${b.line} does not open with the folder's key: it was altered or damaged, and the change it recorded cannot be shown`
            : `line ${b.line} is not a readable history entry: it was altered or damaged, and the change it recorded cannot be shown`,
      });
    }
    if (!revs.has(id)) {
      if (quarantined.has(id)) continue;
      issues.push({
        file: rel,
        caseId: id,
        kind: 'orphaned',
        severity: 'error',
        message: `its case (${id}) is gone: no case file in cases/, trash/ or quarantine/ (it was deleted outside Casefile); restore it from a backup, or keep the history as the record of it`,
      });
      continue;
    }
    const rev = revs.get(id);
    if (rev === null || rev === undefined) continue; // the case file is damaged; verify reports that
    const missing = missingRevs(entries, rev);
    if (missing.length === 0) continue;
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

  for (const [id, rev] of [...revs].sort(([a], [b]) => a.localeCompare(b))) {
    if (histories.has(id) || rev === null) continue;
    // A case created — or imported, at whatever revision its bundle gave it — just before a crash:
    // its first line is the one that was being written. A deleted history file looks the same.
    issues.push({
      file: historyRel(id),
      caseId: id,
      kind: 'no-history',
      severity: 'warning',
      revs: Array.from({ length: rev }, (_, i) => i + 1),
      message:
        rev === 1
          ? 'the case was created but its history file was never written: the save was interrupted, or the disk refused, before its first history line'
          : `the case is at revision ${rev} but has no history file: Casefile stopped before writing its first line (a crash while creating or importing it), or the file was deleted`,
    });
  }
  return issues;
}
