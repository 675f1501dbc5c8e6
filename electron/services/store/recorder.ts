import path from 'node:path';
import type { AuditCause, AuditEntry, CaseFile } from '../../../shared/model';
import { confirmRename, prepareDurable, type DurableFs, type UnconfirmedWriteError } from '../disk/durableFile';
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
  /** Manifest lines, one after another (each chains on the one before), behind the saves they record. */
  private manifestLines: Promise<unknown> = Promise.resolve();

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
    if (last) await this.noteInManifest(id, last);
  }

  /**
   * A save of `c`: its case file's durable write (`bytes` to `file`: temp, fsync,
   * rename, fsync the folder) and its history line issued at once, so the save
   * waits for one fsynced write of each side by side, not one after the other.
   * The line may land before the file: a crash between leaves an unconfirmed line
   * (audit/unconfirmedLine). One such line left by an earlier crash is cut off
   * first — the file's new version is renamed into place only after that cut, so
   * the old line is never read as the new file's. A file that cannot be written
   * takes its line back. The manifest line follows once both are on disk, in the
   * background (the manifest may fall behind a case, never run ahead of it;
   * `settled` waits for it). `previous`: the case as its file holds it (none: no file).
   */
  async saveBeside(c: CaseFile, entry: AuditEntry, previous: CaseFile | undefined, file: string, bytes: string | Uint8Array): Promise<void> {
    const onDisk = previous ? { rev: previous.rev, sha256: caseDigest(previous) } : null;
    const cut = this.log.dropUnconfirmed(c.id, onDisk).then(
      () => true,
      () => false,
    );
    // undefined: not written beside the file (the history could not even be read), so recorded after it, as before.
    const line = cut.then((ok) =>
      ok
        ? this.log.append(c.id, [entry]).then(
            () => null,
            (err: Error) => err,
          )
        : undefined,
    );
    let prepared;
    try {
      prepared = await prepareDurable(file, bytes, this.fs);
    } catch (err) {
      await this.takeBack(c.id, onDisk, line);
      throw err;
    }
    await cut;
    try {
      await prepared.commit();
    } catch (err) {
      await prepared.abort();
      await this.takeBack(c.id, onDisk, line);
      throw err;
    }
    // In place but maybe not durable: the save stands (the caller notes it), and so does its line.
    const unconfirmed = await confirmRename(file, this.fs).then(
      () => null,
      (err: unknown) => err,
    );
    const written = await line;
    if (written === undefined) await this.record(c.id, [entry]);
    else this.finishLine(c.id, entry, written);
    if (unconfirmed) throw unconfirmed;
  }

  /** The line of a save whose case file was not written, taken back (left, should that fail: an unconfirmed line, cut at the next save). */
  private async takeBack(id: string, onDisk: { rev: number; sha256: string } | null, line: Promise<Error | null | undefined>): Promise<void> {
    if ((await line) === null) await this.log.withdraw(id, onDisk).catch(() => undefined);
  }

  private finishLine(id: string, entry: AuditEntry, failed: Error | null): void {
    if (failed) this.gaps.push({ id, rev: entry.rev, error: failed.message });
    void this.noteInManifest(id, entry);
  }

  /** Queues the manifest's line for a case's newest entry; resolves when it is written (a failure leaves it behind, as a crash would). */
  private noteInManifest(id: string, entry: AuditEntry): Promise<void> {
    const at = this.now();
    const next = this.manifestLines.then(() => noteInManifest(this.dataDir, this.dataKey, id, entry.rev, entry.sha256, at, this.fs));
    this.manifestLines = next.catch(() => undefined);
    return next.catch(() => undefined);
  }

  /** Once every manifest line queued so far is written: before the store closes, or checks the folder. */
  async settled(): Promise<void> {
    await this.manifestLines;
  }

  noteUnconfirmed(err: UnconfirmedWriteError, c: CaseFile): void {
    this.unconfirmed.push({ file: path.relative(this.dataDir, err.file), id: c.id, rev: c.rev, reason: err.reason });
  }

  /** A confirmed save of a case confirms its folder, and with it every earlier unconfirmed save of that case. */
  confirmed(id: string): void {
    for (let i = this.unconfirmed.length - 1; i >= 0; i--) if (this.unconfirmed[i]!.id === id) this.unconfirmed.splice(i, 1);
  }
}
