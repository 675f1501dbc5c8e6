import { stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { CaseFile, type AuditCustody, type AuditEntry, type AuditSyncConflict, type CaseDraft } from '../../../shared/model';
import type { TrashEntry } from '../../../shared/contract';
import { finalizeCase } from '../cases/finalize';
import { FolderIds, idForNewCase } from '../cases/caseIds';
import type { BundleAccess } from './bundleAccess';
import { listTrash, restoreCase, trashCase, trashedCase, type TrashHost } from './trash';
import { ioError, isIoError, ServiceError } from '../errors';
import { UnconfirmedWriteError, writeFileDurably } from '../disk/durableFile';
import { fileStateOf, sameFile } from '../disk/statFiles';
import { sweepCases } from './confirmSweep';
import { CaseFiles } from './caseFiles';

export { ENCRYPTED_MESSAGE, type StoreOptions } from './storeOptions';
export type { StoreChange } from './caseFiles';
export type { QuarantineEntry } from './quarantine';

const CASES = 'cases';
const TRASH = 'trash';

/**
 * The case store: cases created, updated, trashed and restored, each write durable
 * and recorded in its history, over the folder's case files (store/caseFiles.ts:
 * reads, catalogue, change feed). The store holds the folder's lock for as long as
 * it is open.
 */
export class CaseStoreBase extends CaseFiles {
  /** The check of every file against a trusting open's list (folder/caseStore.ts), once started. */
  private confirmation: Promise<void> | null = null;
  private confirmWork: (() => Promise<void>) | null = null;

  /**
   * Once every case file's state has been checked against the list the open showed, and the
   * rows that differ corrected (told with cause 'external'). Starts that check if it has not
   * started; at once when the open checked already. Verify, snapshots and tests await it.
   */
  confirmed(): Promise<void> {
    this.confirmation ??= this.confirmWork ? this.confirmWork() : Promise.resolve();
    return this.confirmation;
  }

  /** The open trusted the summary index: `work` confirms the files with `check` (what it does before and after: the tamper check). */
  protected confirmLater(work: (check: () => Promise<void>) => Promise<void>): void {
    this.confirmWork = () =>
      work(async () => {
        await this.refreshFromDisk(await sweepCases(path.join(this.dataDir, CASES)));
      });
  }

  protected override async shutDown(): Promise<void> {
    await this.confirmation?.catch(() => undefined);
    await super.shutDown();
  }

  /** Once what saves so far left to the background (their manifest lines) is on disk: for tools and tests that compare the folder's bytes. */
  settled(): Promise<void> {
    return this.recorder.settled();
  }

  /** Writes durably, then records the change and updates the summary, the cache and the listeners. */
  protected async writeCase(c: CaseFile, cause: 'create' | 'update' | 'recover' | 'sync-conflict', previous?: CaseFile, syncConflict?: AuditSyncConflict): Promise<void> {
    const file = this.caseFile(c.id);
    const entry = { ...this.recorder.entry(c, cause, previous), ...(syncConflict ? { syncConflict } : {}) };
    // The case file and its history line side by side (store/recorder saveBeside); a recovered
    // copy replaces a file whose state is not known, so its line follows the file as before.
    try {
      if (cause === 'recover') await this.codec.db(file).write(c);
      else await this.recorder.saveBeside(c, entry, previous, file, this.codec.caseBytes(file, c));
      this.recorder.confirmed(c.id);
    } catch (err) {
      // Renamed into place but not confirmed: the new version is what the file holds, so the
      // save stands (refusing it now would make the user's retry conflict with their own edit).
      if (err instanceof UnconfirmedWriteError) this.recorder.noteUnconfirmed(err, c);
      else throw isIoError(err) ? ioError(err, `save "${c.title}"`) : err;
    }
    this.remember(c, await stat(file));
    this.scheduleIndexFlush();
    if (cause === 'recover') await this.recorder.record(c.id, [entry]);
    // A settled conflict is an edit to those who keep derived data (the list, the search index).
    this.emit({ type: 'upsert', case: c, cause: cause === 'sync-conflict' ? 'update' : cause, ...(previous ? { previous } : {}) });
    this.saved();
  }

  /** Looks at a draft before it is saved, for what the floors above know (the originals it names); throws to refuse it. */
  protected checkDraft(_draft: CaseDraft, _previous?: CaseFile): Promise<void> {
    return Promise.resolve();
  }

  /** Called after each save of a live case is on disk and recorded (the folder's hourly snapshots listen). */
  protected saved(): void {}

  /** Puts a recovered copy of a trashed case back into trash/ (it stays out of the list and the search). */
  protected async writeTrashed(c: CaseFile): Promise<void> {
    const file = this.caseFile(c.id, TRASH);
    try {
      await writeFileDurably(file, this.codec.caseBytes(file, c), this.options.fs);
      this.recorder.confirmed(c.id);
    } catch (err) {
      if (err instanceof UnconfirmedWriteError) this.recorder.noteUnconfirmed(err, c);
      else throw isIoError(err) ? ioError(err, `recover "${c.title}"`) : err;
    }
    const st = await stat(file).catch(() => null);
    if (st) this.trashChecked.set(c.id, fileStateOf(st));
    this.scheduleIndexFlush();
    await this.recorder.record(c.id, [this.recorder.entry(c, 'recover')]);
  }

  /** Saves that stand but that the disk did not confirm, for `verify` and the About box. */
  get unconfirmedSaves(): ReadonlyArray<{ file: string; id: string; rev: number; reason: string }> {
    return this.unconfirmed;
  }

  private forget(id: string, cause: 'trash' | 'quarantine'): void {
    this.entries.delete(id);
    this.cache.delete(id);
    this.scheduleIndexFlush();
    this.emit({ type: 'remove', id, cause });
  }

  create(draft: CaseDraft): Promise<CaseFile> {
    return this.exclusive(async () => {
      const id = idForNewCase(draft.id, new FolderIds([...this.entries.keys(), ...this.trashChecked.keys()]));
      if (this.entries.has(id) || (await this.trashed(id))) {
        throw new ServiceError('conflict', `A case with id "${id}" exists already. Nothing was written.`);
      }
      await this.checkDraft(draft);
      const now = this.now();
      const c = finalizeCase(draft, { id, rev: 1, createdAt: now, updatedAt: now });
      await this.writeCase(c, 'create');
      return c;
    });
  }

  update(id: string, baseRev: number, draft: CaseDraft): Promise<CaseFile> {
    return this.exclusive(async () => {
      const known = this.fileState(id);
      const existing = await this.get(id);
      // The row an edit began from may be older than the file (changed behind the app's back, not yet
      // confirmed): get() read the file again, and the save is refused, whatever its revision says.
      const read = this.fileState(id);
      if (known && read && !sameFile(known, read)) {
        throw new ServiceError('conflict', `This case was changed outside Casefile (another device or program) after it was last read; it has been read again. Nothing was overwritten: reopen the case and make your edit again.`, undefined, existing);
      }
      if (draft.id !== undefined && draft.id !== id) {
        throw new ServiceError('bad_input', `The case body has id "${draft.id}" but the update is for "${id}".`, [{ path: ['case', 'id'], message: `expected "${id}"` }]);
      }
      if (draft.kind !== existing.kind) {
        // A prisoner case and an NGO case hold different parts (person, detention, charges vs organisation, measure):
        // changing kind in place would drop them silently.
        throw new ServiceError('bad_input', `The case is a ${existing.kind} case; its kind cannot be changed to ${draft.kind}. Nothing was written. Create a new case of that kind instead.`, [
          { path: ['case', 'kind'], message: `expected "${existing.kind}"` },
        ]);
      }
      if (existing.rev !== baseRev) {
        throw new ServiceError(
          'conflict',
          `This case was changed elsewhere (it is now at revision ${existing.rev}; your edit was based on ${baseRev}). Nothing was overwritten.`,
          undefined,
          existing,
        );
      }
      await this.checkDraft(draft, existing);
      const c = finalizeCase(draft, { id, rev: existing.rev + 1, createdAt: existing.createdAt, updatedAt: this.now() });
      await this.writeCase(c, 'update', existing);
      return c;
    });
  }

  /**
   * A Syncthing conflict settled (conflicts/): `draft` saved as one revision above both
   * sides (`otherRev`: the copy's), so every device converges on it; its history line
   * carries `note(saved)`, what was not kept. Resolves once the save is durable.
   */
  saveResolved(id: string, draft: CaseDraft, otherRev: number, note: (saved: CaseFile) => AuditSyncConflict): Promise<CaseFile> {
    return this.exclusive(async () => {
      const existing = await this.get(id);
      if (draft.kind !== existing.kind) throw new ServiceError('bad_input', `The case is a ${existing.kind} case and the version chosen is a ${draft.kind} case; keep both as two cases instead. Nothing was written.`, [{ path: ['kind'], message: `expected "${existing.kind}"` }]);
      await this.checkDraft(draft, existing);
      const c = finalizeCase({ ...draft, id }, { id, rev: Math.max(existing.rev, otherRev) + 1, createdAt: existing.createdAt, updatedAt: this.now() });
      await this.writeCase(c, 'sync-conflict', existing, note(c));
      return c;
    });
  }

  /** A conflict settled by keeping `c` as it is (a trashed case): a history line at its revision keeping what was let go. */
  recordSyncConflict(c: CaseFile, note: AuditSyncConflict): Promise<void> {
    return this.exclusive(() => this.historyLog.append(c.id, [{ ...this.recorder.entry(c, 'sync-conflict'), syncConflict: note }]));
  }

  // --- trash (store/trash.ts) ------------------------------------------------------

  private trashHost(): TrashHost {
    return {
      exclusive: (work) => this.exclusive(work),
      assertOpen: () => this.assertOpen(),
      now: () => this.now(),
      fs: this.options.fs,
      trashDir: path.join(this.dataDir, TRASH),
      caseFile: (id, where) => this.caseFile(id, where),
      readCase: (file) => this.readCase(file),
      get: (id) => this.get(id),
      isLive: (id) => this.entries.has(id),
      liveIds: () => this.entries.keys(),
      checked: this.trashChecked,
      unconfirmed: (err, c) => this.recorder.noteUnconfirmed(err, c),
      left: async (c) => {
        this.forget(c.id, 'trash');
        await this.recorder.record(c.id, [this.recorder.entry(c, 'trash')]);
      },
      returned: async (c) => {
        this.remember(c, await stat(this.caseFile(c.id)));
        this.scheduleIndexFlush();
        await this.recorder.record(c.id, [this.recorder.entry(c, 'restore')]);
        this.emit({ type: 'upsert', case: c, cause: 'restore' });
      },
    };
  }

  protected trashed(id: string): Promise<CaseFile | null> {
    return trashedCase(this.trashHost(), id);
  }

  trash(id: string): Promise<TrashEntry> {
    return trashCase(this.trashHost(), id);
  }

  restore(id: string): Promise<CaseFile> {
    return restoreCase(this.trashHost(), id);
  }

  listTrash(): Promise<TrashEntry[]> {
    return listTrash(this.trashHost());
  }

  // --- bundles (bundles/ does the work; folder/caseStore.ts hands it this) ----------

  /** The narrow view of the store that bundle import and export work over. */
  protected bundleAccess(): BundleAccess {
    return {
      exclusive: (work) => this.exclusive(work),
      assertOpen: () => this.assertOpen(),
      now: () => this.now(),
      fs: this.options.fs,
      casesDir: path.join(this.dataDir, CASES),
      caseFile: (id, where) => this.caseFile(id, where),
      caseBytes: (c) => this.caseBytes(c),
      has: (id) => this.entries.has(id),
      get: (id) => this.get(id),
      trashed: (id) => this.trashed(id),
      folderIds: () => new FolderIds([...this.entries.keys(), ...this.trashChecked.keys()]),
      all: () => this.all(),
      historyOf: async (id) => (await this.historyLog.read(id)).entries,
      landImported: async (c, previous, carried, replacesTrashed) => {
        this.remember(c, await stat(this.caseFile(c.id)));
        await this.recorder.record(c.id, [...carried.map((e) => ({ ...e, imported: true })), this.recorder.entry(c, 'import', previous)]);
        this.emit({ type: 'upsert', case: c, cause: 'import', ...(previous ? { previous } : {}) });
        if (replacesTrashed) {
          await unlink(this.caseFile(c.id, TRASH)).catch(() => undefined);
          this.trashChecked.delete(c.id);
        }
      },
      indexChanged: () => this.scheduleIndexFlush(),
    };
  }

  // --- history ---------------------------------------------------------------------

  /** A case's saved changes, oldest first; live, trashed, or gone (the log outlives the file). */
  async history(id: string): Promise<AuditEntry[]> {
    this.assertOpen();
    const { entries } = await this.historyLog.read(id);
    if (entries.length === 0 && !this.entries.has(id) && !(await this.trashed(id))) throw new ServiceError('not_found', `There is no case with id "${id}".`);
    return entries;
  }

  /**
   * An original left the app: a `custody` line on the case's revision as it stands, in
   * the save queue so no save slips between reading the rev and appending. Unlike a
   * save's line, a failure throws: nothing may leave without its record.
   */
  recordCustody(id: string, custody: AuditCustody): Promise<AuditEntry> {
    return this.exclusive(async () => {
      const entry: AuditEntry = { ...this.recorder.entry(await this.get(id), 'custody'), custody };
      await this.historyLog.append(id, [entry]);
      return entry;
    });
  }
}
