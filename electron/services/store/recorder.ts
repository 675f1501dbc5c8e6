import path from 'node:path';
import type { AuditCause, AuditEntry, CaseFile } from '../../../shared/model';
import type { DurableFs, UnconfirmedWriteError } from '../disk/durableFile';
import { diffCases } from '../audit/diff';
import { caseDigest } from '../audit/digest';
import type { HistoryLog } from '../audit/historyLog';
import { noteInManifest } from '../audit/manifest';

/**
 * What a save leaves behind besides the case file: its history line and manifest
 * entry, and — when either part did not reach the disk as it should — the note
 * that `verify` and the About box read.
 */
export class Recorder {
  /** Saves whose history entry could not be written (the save itself stands); `verify` reports them. */
  readonly gaps: Array<{ id: string; rev: number; error: string }> = [];
  /** Saves the disk did not confirm (the folder sync failed after the rename): in place, maybe not durable. */
  readonly unconfirmed: Array<{ file: string; id: string; rev: number; reason: string }> = [];

  constructor(
    private readonly dataDir: string,
    private readonly dataKey: Buffer | null,
    private readonly log: HistoryLog,
    private readonly now: () => string,
    private readonly fs: DurableFs | undefined,
  ) {}

  entry(c: CaseFile, cause: AuditCause, previous?: CaseFile): AuditEntry {
    return { at: this.now(), rev: c.rev, cause, changes: previous ? diffCases(previous, c) : [], sha256: caseDigest(c) };
  }

  /**
   * Appends to a case's history after its change is on disk. A history that
   * cannot be written does not undo the save (the user's text is what matters);
   * the gap is remembered and `verify` names it.
   */
  async record(id: string, entries: AuditEntry[]): Promise<void> {
    try {
      await this.log.append(id, entries);
    } catch (err) {
      for (const e of entries) this.gaps.push({ id, rev: e.rev, error: (err as Error).message });
    }
    const last = entries.at(-1);
    if (last) await noteInManifest(this.dataDir, this.dataKey, id, last.rev, last.sha256, this.now(), this.fs);
  }

  noteUnconfirmed(err: UnconfirmedWriteError, c: CaseFile): void {
    this.unconfirmed.push({ file: path.relative(this.dataDir, err.file), id: c.id, rev: c.rev, reason: err.reason });
  }

  /** A confirmed save of a case confirms its folder, and with it every earlier unconfirmed save of that case. */
  confirmed(id: string): void {
    for (let i = this.unconfirmed.length - 1; i >= 0; i--) if (this.unconfirmed[i]!.id === id) this.unconfirmed.splice(i, 1);
  }
}
