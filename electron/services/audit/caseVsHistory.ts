import type { AuditEntry } from '../../../shared/model';
import type { GoodLine, ParsedLog } from './historyLines';
import { revList, type HistoryIssue } from './historyIssues';
import type { ManifestState } from './manifest';
import { isUnconfirmed } from './unconfirmedLine';

// One case's files against its history (audit/historyCheck): the newest line across
// every device's file must be the case file as it is (or older, for revisions the
// history misses), else the case was rolled back or altered.
//
// In a folder several devices keep in step through Syncthing, files arrive one by one:
// another device's case file may land before its history line, or its line before its
// case file. Such a case is "waiting for that device's history" (a warning), not
// tampering, while what arrived is recent (SYNC_WAIT_MS after it changed here) and a
// history file of another device exists for the case. On a folder only one machine
// writes there is no other device's file, so nothing here is weaker than before.

/** How long a case may wait for the other half of another device's save: a week, the longest a team laptop is expected to be offline mid-sync. */
export const SYNC_WAIT_MS = 7 * 24 * 60 * 60 * 1000;

export type FileLog = { rel: string; deviceId: string | null; log: ParsedLog; changedMs: number };
export type CaseOnDisk = { rev: number; sha256: string; file: string; changedMs: number } | null;

export type CaseContext = {
  id: string;
  files: FileLog[];
  /** The case file (cases/ or trash/): undefined when there is none, null when it does not read. */
  onDisk: CaseOnDisk | undefined;
  quarantined: boolean;
  manifest: ManifestState;
  /** This machine's device id, or null when it has none yet. */
  self: string | null;
  nowMs: number;
};

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

type Newest = { file: FileLog; line: GoodLine };

/** The line of the highest revision across the files (the later one in time on a tie). */
function newestOf(files: FileLog[]): Newest | null {
  let best: Newest | null = null;
  for (const file of files) {
    for (const line of file.log.entries) {
      const b = best?.line.entry;
      if (!b || line.entry.rev > b.rev || (line.entry.rev === b.rev && line.entry.at >= b.at)) best = { file, line };
    }
  }
  return best;
}

const lastGoodOf = (e: AuditEntry) => ({ rev: e.rev, ...(e.sha256 ? { sha256: e.sha256 } : {}), at: e.at });
const fromDevice = (e: AuditEntry, file: FileLog) => (e.device ? `the device "${e.device.name}"` : `the device ${file.deviceId}`);

/**
 * The newest line is a save a crash cut short after its line and before its case file
 * (audit/unconfirmedLine): its file's last line, one revision ahead, after a line that
 * records the case file as it is — in its own file or in another device's. Only in this
 * device's file (or the legacy one): that is where this machine's saves write.
 */
function unconfirmedLine(ctx: CaseContext, newest: Newest): HistoryIssue | null {
  const { file, line } = newest;
  // Only this machine's crash leaves one; another device's line ahead is that device's save on its way.
  if (file.deviceId !== null && file.deviceId !== ctx.self) return null;
  const log = file.log;
  if (log.entries.at(-1) !== line || log.bad.some((b) => b.line > line.line && !b.torn)) return null;
  if ((ctx.manifest.items.get(ctx.id)?.rev ?? 0) >= line.entry.rev) return null;
  const onDisk = ctx.onDisk ? { rev: ctx.onDisk.rev, sha256: ctx.onDisk.sha256 } : null;
  const befores = [log.entries.at(-2)?.entry ?? null];
  if (onDisk) for (const other of ctx.files) if (other !== file) befores.push(...other.log.entries.filter((e) => e.entry.rev === onDisk.rev).map((e) => e.entry));
  if (!befores.some((before) => isUnconfirmed(line.entry, before, onDisk))) return null;
  const rev = line.entry.rev;
  return {
    file: file.rel,
    caseId: ctx.id,
    kind: 'unconfirmed-line',
    severity: 'warning',
    line: line.line,
    revs: [rev],
    message:
      rev === 1
        ? `line ${line.line} records the creation of the case, but its case file was never written: Casefile stopped while saving it, before the save was confirmed; the next save of a case with this id replaces the line`
        : `line ${line.line} records revision ${rev}, but the case file is still at revision ${rev - 1}: Casefile stopped while saving it, before the save was confirmed, so the case is as it was before that save; its next save replaces the line`,
  };
}

const waiting = (ctx: CaseContext, file: string, message: string): HistoryIssue => ({ file, caseId: ctx.id, kind: 'waiting-for-device', severity: 'warning', message });

/** What the case's files say against its case file: one issue or none, and whether it is tampering. */
export function caseIssue(ctx: CaseContext): { issue: HistoryIssue | null; tampered: boolean } {
  const { id, onDisk } = ctx;
  const newest = newestOf(ctx.files);
  const known = onDisk !== undefined ? onDisk !== null : !ctx.quarantined;
  const unconfirmed = known && newest ? unconfirmedLine(ctx, newest) : null;
  if (unconfirmed) return { issue: unconfirmed, tampered: false };
  const others = ctx.files.filter((f) => f.deviceId !== null && f.deviceId !== ctx.self);
  const recent = (changedMs: number) => others.length > 0 && ctx.nowMs - changedMs < SYNC_WAIT_MS;
  if (onDisk === undefined) {
    if (ctx.quarantined) return { issue: null, tampered: false };
    const e = newest?.line.entry;
    if (e && others.includes(newest.file) && recent(newest.file.changedMs)) {
      return { tampered: false, issue: waiting(ctx, newest.file.rel, `waiting for that device's case file: ${fromDevice(e, newest.file)} saved revision ${e.rev} (${e.at}) and its history line has arrived, but the case file has not yet; Syncthing brings it next. If it has not come within a week, check that device's sync`) };
    }
    return {
      tampered: true,
      issue: {
        file: newest?.file.rel ?? ctx.files[0]!.rel,
        caseId: id,
        kind: 'orphaned',
        severity: 'error',
        verdict: 'deleted',
        ...(e ? { lastGood: lastGoodOf(e) } : {}),
        message: `deleted: its case (${id}) is gone: no case file in cases/, trash/ or quarantine/ (it was deleted outside Casefile); restore it from a backup, or keep the history as the record of it`,
      },
    };
  }
  if (!onDisk) return { issue: null, tampered: false }; // the case file is damaged; verify reports that
  if (newest) {
    const e = newest.line.entry;
    if (onDisk.rev < e.rev) {
      if (others.includes(newest.file) && recent(newest.file.changedMs)) {
        return { tampered: false, issue: waiting(ctx, onDisk.file, `waiting for that device's case file: ${fromDevice(e, newest.file)} saved revision ${e.rev} (${e.at}) and its history line has arrived, but the case file here is still at revision ${onDisk.rev}; Syncthing brings the file next. If it has not come within a week, check that device's sync`) };
      }
      return { tampered: true, issue: { file: onDisk.file, caseId: id, kind: 'rolled-back', severity: 'error', verdict: 'rolled-back', lastGood: lastGoodOf(e), message: `rolled back: the case file is at revision ${onDisk.rev}, but its history records revision ${e.rev} (saved ${e.at}); an older copy of the file was put in its place` } };
    }
    if (onDisk.rev === e.rev) {
      const atRev = ctx.files.flatMap((f) => f.log.entries.filter((l) => l.entry.rev === e.rev).map((l) => l.entry.sha256));
      if (!atRev.includes(onDisk.sha256) && atRev.some((sha) => sha !== undefined)) {
        if (recent(onDisk.changedMs)) return { tampered: false, issue: waiting(ctx, onDisk.file, `waiting for another device's history: the case file's revision ${e.rev} is not the one this machine's history records, and the line of the device that saved it has not arrived yet; Syncthing brings it next. If it has not come within a week, the file was changed outside Casefile`) };
        return { tampered: true, issue: { file: onDisk.file, caseId: id, kind: 'altered-case', severity: 'error', verdict: 'altered', lastGood: lastGoodOf(e), message: `altered: the case file is not the revision ${e.rev} its history records (saved ${e.at}); it was changed outside Casefile` } };
      }
    }
  }
  const merged = ctx.files.flatMap((f) => f.log.entries.map((l) => l.entry));
  const missing = missingRevs(merged, onDisk.rev);
  if (missing.length === 0) return { issue: null, tampered: false };
  const rel = newest?.file.rel ?? ctx.files[0]!.rel;
  if (onDisk.rev > (newest?.line.entry.rev ?? 0) && recent(onDisk.changedMs)) {
    return { tampered: false, issue: { ...waiting(ctx, rel, `waiting for another device's history: the case file is at revision ${onDisk.rev}, saved on another device whose history line${missing.length > 1 ? 's' : ''} (revision${missing.length > 1 ? 's' : ''} ${revList(missing)}) ha${missing.length > 1 ? 've' : 's'} not arrived yet; Syncthing brings ${missing.length > 1 ? 'them' : 'it'} next. If ${missing.length > 1 ? 'they have' : 'it has'} not come within a week, check that device's sync`), revs: missing } };
  }
  const rev = onDisk.rev;
  const newestOnly = missing.length === 1 && missing[0] === rev;
  return {
    tampered: false,
    issue: {
      file: rel,
      caseId: id,
      kind: 'missing-revisions',
      severity: 'warning',
      revs: missing,
      message: newestOnly
        ? `revision ${rev} (the newest) was saved but is not in the history: the save was interrupted, or the disk refused, before its history line was written`
        : `revision${missing.length > 1 ? 's' : ''} ${revList(missing)} of ${rev} ${missing.length > 1 ? 'are' : 'is'} not in the history: lost when Casefile stopped between saving the case and recording the change, or removed from the file`,
    },
  };
}
