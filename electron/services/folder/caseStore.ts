import { OriginalStore } from '../originals/originalStore';
import { refuseUnknownOriginals } from '../originals/draftOriginals';
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { formatIssue } from '../../../shared/errors';
import { checkReferences, type Bundle, type CaseDraft, type CaseFile, type SnapshotInfo, type SnapshotReason } from '../../../shared/model';
import type { ExportedBundle, ImportReport, OnConflict, TamperFinding, VerifyReport } from '../../../shared/contract';
import { sha256Hex } from '../cases/finalize';
import { storedIdWarnings } from '../cases/caseIds';
import { ioError, isIoError, ServiceError } from '../errors';
import { wipe } from '../crypto';
import { openVault, recoverConversion } from './convert';
import { DurableJsonFile, fsyncDir } from '../disk/durableFile';
import { isLiveCaseFileName as isCaseFileName, removeLeftovers, SUMMARY_INDEX_FILE } from '../disk/folderLayout';
import { isSyncConflictName } from '../disk/syncConflictNames';
import { DataDirLock } from '../disk/lock';
import { statFiles } from '../disk/statFiles';
import { quarantinedCaseId, quarantinedFromTrash } from '../disk/quarantineNames';
import { HISTORY_DIR } from '../audit/historyLog';
import { checkHistories } from '../audit/historyCheck';
import { keepSyncIgnore } from '../disk/syncIgnore';
import { historyRel, peekDevice } from '../audit/historyFiles';
import { checkAtOpen, openBaseline, withLastGood, type OpenBaseline } from '../verify/tamper';
import { OriginalRefs, verifyOriginals } from '../verify/originals';
import { loadSummaryIndex, type SummaryIndex } from '../store/summaryIndex';
import { dropUnlisted } from '../store/confirmSweep';
import { CURRENT_SCHEMA_VERSION, migrate, readMeta, type Meta } from '../store/meta';
import { MIGRATIONS } from '../store/migrations';
import { CaseStoreBase, ENCRYPTED_MESSAGE, type QuarantineEntry, type StoreOptions } from '../store/caseStore';
import { copyBackupsOut, copyDestination, createSnapshot, findValidCopy, listCheckedSnapshots, pruneSnapshots, recoverRestore, verifySnapshots, type CopyOutReport } from '../backup';
import { HourlySnapshots } from '../backup/hourlySnapshots';
import { importCases, type BeforeWrite } from '../bundles/importCases';
import { scanConflicts } from '../conflicts/service';
import { timingSafeEqual } from 'node:crypto';
import { exportCases } from '../bundles/exportCases';
import type { PurgeReport } from '../../../shared/purge';
import { finishPurges } from './purgeCase';
import { purgeTrashed } from './purgeTrashed';

export { type QuarantineEntry, type StoreChange, type StoreOptions } from '../store/caseStore';

// The case store as the doors use it: the folder opened (a crash's conversion or
// restore finished, the layout migrated, tampering looked for), the store's cases,
// trash and quarantine (store/caseStore.ts), and the work on the whole folder that
// sits above the store — snapshots in their own queue beside the saves, quarantine
// recovery from them, and verify.

const CASES = 'cases';
const TRASH = 'trash';
const QUARANTINE = 'quarantine';
const META = 'meta.json';


export class CaseStore extends CaseStoreBase {
  /** Backups in flight, one after another, beside the save queue. */
  private backups: Promise<unknown> = Promise.resolve();
  /** What the open found tampered with (audit/tamper), for About and the window's banner. */
  tampered: readonly TamperFinding[] = [];
  private readonly hourly: HourlySnapshots | null;
  /** The original files behind the folder's sources, sealed with its key when it has one. */
  readonly originals: OriginalStore;

  private constructor(dataDir: string, lock: DataDirLock, meta: Meta, quarantinedNow: QuarantineEntry[], options: StoreOptions, index: SummaryIndex, dataKey: Buffer | null = null) {
    super(dataDir, lock, meta, quarantinedNow, options, index, dataKey);
    this.originals = new OriginalStore(dataDir, { key: () => this.dataKey, ...(options.fs ? { fs: options.fs } : {}) });
    const h = options.hourlySnapshots;
    this.hourly = h ? new HourlySnapshots({ dataDir, now: () => Date.parse(this.now()), settled: () => Promise.all([this.queue, this.backups]), take: () => this.backup('hourly'), ...(h.onError ? { onError: h.onError } : {}) }) : null;
  }

  static async open(dataDir: string, options: StoreOptions = {}): Promise<CaseStore> {
    const dir = path.resolve(dataDir);
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
    } catch (err) {
      throw isIoError(err) ? ioError(err, `create the data folder ${dir}`) : err;
    }
    const lock = options.held?.lock ?? (await DataDirLock.acquire(dir));
    let dataKey: Buffer | null = options.held?.dataKey ?? null;
    try {
      // cases/ as the sweep of leftovers found it, while nothing has changed it since.
      let caseNames: readonly string[] | undefined;
      if (!dataKey) {
        // Finishes (or rolls back towards encrypted) a conversion a crash interrupted; a wrong passphrase changes nothing.
        const recovery = await recoverConversion(dir, options.passphrase);
        if (recovery.state === 'clean') caseNames = recovery.left.get(CASES);
        if (recovery.state === 'needs_passphrase' || recovery.encrypted) {
          if (options.passphrase === undefined) throw new ServiceError('encrypted', ENCRYPTED_MESSAGE);
          dataKey = await openVault(dir, options.passphrase);
        }
      }
      // A restore a crash interrupted is finished before anything reads the folder.
      if ((await recoverRestore(dir, dataKey, options.fs ? { fs: options.fs } : {})) !== null) caseNames = undefined;
      // A permanent deletion a crash cut short is finished before anything reads the folder (folder/purgeCase).
      if ((await finishPurges(dir, dataKey, options.fs)).length > 0) caseNames = undefined;
      for (const sub of [CASES, TRASH, QUARANTINE, HISTORY_DIR]) await mkdir(path.join(dir, sub), { recursive: true, mode: 0o700 });
      await keepSyncIgnore(dir); // what Syncthing must leave on this machine (disk/syncIgnore)
      const metaFile = new DurableJsonFile<unknown>(path.join(dir, META), options.fs);
      const now = (options.now ?? (() => new Date()))().toISOString();
      const target = options.schemaVersion ?? CURRENT_SCHEMA_VERSION;
      let meta = await readMeta(metaFile);
      if (meta === null) {
        // A new folder starts at the current layout.
        meta = { format: 'casefile-data', schemaVersion: target, createdAt: now };
        await metaFile.write(meta);
      }
      if (meta.schemaVersion < target) {
        // A migration rewrites the folder: keep a copy of it as it was.
        await createSnapshot(dir, { reason: 'before-migration', key: dataKey, now: new Date(now), ...(options.fs ? { fs: options.fs } : {}) });
        await pruneSnapshots(dir, dataKey);
      }
      const unmigrated = meta;
      meta = await migrate(meta, metaFile, { dataDir: dir, casesDir: path.join(dir, CASES), dataKey, now: () => (options.now ?? (() => new Date()))().toISOString(), ...(options.fs ? { fs: options.fs } : {}) }, options.migrations ?? MIGRATIONS, target);
      if (meta !== unmigrated) caseNames = undefined; // a migration (or the end of one a crash cut short) may rewrite cases/
      // The index is read (in the thread pool) while this thread stats the case files.
      // Swept here when the open did not sweep the whole folder already (recoverConversion), or changed cases/ since.
      const names = (caseNames ?? (await removeLeftovers(dir, ['.', CASES, TRASH])).get(CASES)!).filter(isCaseFileName);
      const trusting = options.confirmInBackground === true;
      const [index, onDisk] = await Promise.all([loadSummaryIndex(path.join(dir, SUMMARY_INDEX_FILE), dataKey ?? undefined), trusting ? null : statFiles(path.join(dir, CASES), names)]);
      const store = new CaseStore(dir, lock, meta, [], options, index, dataKey);
      const checkTampering = async (baseline: OpenBaseline) => {
        const quarantinedIds = (await store.listQuarantine()).map((q) => quarantinedCaseId(q.file)).filter((id): id is string => id !== null);
        store.tampered = await checkAtOpen({ dataDir: dir, key: dataKey, live: store.entries, ...baseline, trash: store.trashChecked.keys(), quarantined: quarantinedIds, now, ...(options.fs ? { fs: options.fs } : {}) });
      };
      // A folder listed before: shown from its index at once (rows whose file is gone left out), every file checked after.
      if (trusting && index.cases.size > 0) {
        const { indexWrittenMs } = await openBaseline(dir, { cases: new Map() }); // the rows, copied when the check starts
        dropUnlisted(store.entries, names);
        store.confirmLater(async (check) => {
          const before = new Map(store.entries);
          await check();
          await checkTampering({ before, indexWrittenMs });
        });
        return store;
      }
      const baseline = await openBaseline(dir, index);
      await store.reconcile(onDisk ?? (await statFiles(path.join(dir, CASES), names)));
      await checkTampering(baseline);
      return store;
    } catch (err) {
      await lock.release();
      wipe(dataKey);
      throw err;
    }
  }

  protected override async shutDown(): Promise<void> {
    // A snapshot still being written must finish under this key and before a conversion or restore starts.
    await this.hourly?.stop();
    await this.backups;
    await super.shutDown();
  }

  protected override checkDraft(draft: CaseDraft, previous?: CaseFile): Promise<void> {
    return refuseUnknownOriginals(this.originals, draft, previous);
  }

  protected override saved(): void {
    this.hourly?.saved(); // returns at once: the snapshot, when due, waits for the save queue to settle
  }

  /** Deletes a trashed case for good, and from the snapshots when asked (folder/purgeTrashed.ts). */
  purge(id: string, options: { snapshots?: boolean } = {}, onProgress?: (p: { done: number; total: number }) => void, signal?: AbortSignal): Promise<PurgeReport> {
    this.assertOpen();
    return purgeTrashed(
      {
        dataDir: this.dataDir,
        key: this.dataKey,
        fs: this.options.fs,
        now: () => this.now(),
        exclusive: (work) => this.exclusive(work),
        inBackups: (work) => {
          const run = this.backups.then(() => (this.assertOpen(), work()));
          this.backups = run.catch(() => undefined);
          return run;
        },
        isLive: (id) => this.entries.has(id),
        trashed: (id) => this.trashed(id),
        settled: () => this.recorder.settled(),
        forget: (id) => {
          this.trashChecked.delete(id);
          this.cache.delete(id);
        },
        flushIndex: () => this.flushIndexNow(),
      },
      id,
      options,
      onProgress,
      signal,
    );
  }

  /** Imports a bundle, all or nothing (bundles/importCases.ts). */
  importBundle(bundle: Bundle, onConflict: OnConflict, beforeWrite?: BeforeWrite): Promise<ImportReport> {
    return importCases(this.bundleAccess(), bundle, onConflict, beforeWrite);
  }

  /** The named cases, or all, as a bundle (bundles/exportCases.ts). */
  exportBundle(ids?: string[], options: { history?: boolean } = {}): Promise<ExportedBundle> {
    return exportCases(this.bundleAccess(), ids, options);
  }

  /**
   * A snapshot of the folder, then the rotation. It runs beside saves (at 10,000
   * cases a snapshot takes seconds, and the one at start must not hold up typing),
   * one backup at a time; closing and detaching wait for it.
   */
  backup(reason: SnapshotReason, onProgress?: (p: { done: number; total: number }) => void, signal?: AbortSignal): Promise<SnapshotInfo> {
    this.assertOpen();
    const run = this.backups.then(async () => {
      this.assertOpen();
      // The quarantine a check may fill is part of the folder; and only a confirmed catalogue vouches for the case files'
      // states (each entry's, read in place: no copy of 100,000 of them).
      const confirmed = await this.confirmed().then(() => true, () => false);
      const known = confirmed ? (rel: string) => (rel.startsWith('cases/') && rel.endsWith('.json') ? this.entries.get(rel.slice('cases/'.length, -'.json'.length)) : undefined) : undefined;
      const info = await createSnapshot(this.dataDir, { reason, key: this.dataKey, now: new Date(this.now()), ...(this.options.fs ? { fs: this.options.fs } : {}), ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}), ...(known ? { known } : {}) });
      await pruneSnapshots(this.dataDir, this.dataKey);
      return info;
    });
    this.backups = run.catch(() => undefined);
    return run;
  }

  /**
   * Takes a snapshot and copies it — with an encrypted folder's vault.json, without
   * which it opens nowhere — into a new set in `dir` (a USB drive): the backup that
   * outlives the disk. Runs in the backups' line, so a lock waits for it.
   */
  async copyBackupsOut(dir: string, onProgress?: (p: { done: number; total: number }) => void): Promise<CopyOutReport> {
    this.assertOpen();
    if (!path.isAbsolute(dir)) throw new ServiceError('bad_input', `Give the full path of the folder to copy to (got "${dir}"). Nothing was copied.`);
    await copyDestination(this.dataDir, dir);
    const snapshot = await this.backup('manual', onProgress);
    const run = this.backups.then(() => {
      this.assertOpen();
      return copyBackupsOut(this.dataDir, dir, { key: this.dataKey, snapshots: [snapshot.name], ...(this.options.fs ? { fs: this.options.fs } : {}) });
    });
    this.backups = run.catch(() => undefined);
    return run;
  }

  listBackups(): Promise<SnapshotInfo[]> {
    this.assertOpen();
    return listCheckedSnapshots(this.dataDir, this.dataKey);
  }

  /**
   * Replaces a quarantined case file by the newest valid copy a snapshot holds,
   * back in the list; the damaged file and its note are then deleted, so the
   * folder verifies clean again. The copy is as old as that snapshot: the
   * result names it, and the history says the case was recovered.
   */
  recoverQuarantined(file: string): Promise<{ case: CaseFile; snapshot: string }> {
    return this.exclusive(async () => {
      const rel = path.normalize(file);
      const known = (await this.listQuarantine()).find((q) => path.normalize(q.file) === rel);
      if (!known) throw new ServiceError('not_found', `${file} is not in the quarantine folder; About lists the files that are.`);
      const id = quarantinedCaseId(rel);
      if (!id) throw new ServiceError('unsupported', `${file} is not a quarantined case file, so no backup can replace it.`);
      if (this.entries.has(id) || (await this.trashed(id).catch(() => null))) {
        throw new ServiceError('conflict', `A case with id "${id}" is in the list or the Trash already; the quarantined file was left as it is.`);
      }
      const found = await findValidCopy(this.dataDir, this.dataKey, id);
      if (!found) throw new ServiceError('not_found', `No backup holds a valid copy of case "${id}". The quarantined file was left as it is.`);
      // A case quarantined from the Trash goes back to the Trash: recovering must not undo the user's trashing.
      if (quarantinedFromTrash(rel)) await this.writeTrashed(found.case);
      else await this.writeCase(found.case, 'recover');
      await unlink(path.join(this.dataDir, rel)).catch(() => undefined);
      await unlink(path.join(this.dataDir, `${rel}.reason.txt`)).catch(() => undefined);
      await fsyncDir(path.join(this.dataDir, QUARANTINE));
      return found;
    });
  }

  /** True when `key` is this folder's data key (conflicts/: a vault copy kept must hold it). */
  sameDataKey(key: Buffer): boolean {
    return this.dataKey !== null && this.dataKey.length === key.length && timingSafeEqual(this.dataKey, key);
  }

  // --- checking ------------------------------------------------------------------

  /** Re-reads every file from disk and reports each problem; changes nothing but moving a changed original aside. */
  async verify(): Promise<VerifyReport> {
    this.assertOpen();
    await this.confirmed();
    const problems: VerifyReport['problems'] = [];
    const refs = new OriginalRefs();
    let checkedFiles = 0;
    const metaRaw = await readFile(path.join(this.dataDir, META), 'utf8').catch(() => null);
    checkedFiles++;
    if (metaRaw === null) problems.push({ file: META, message: 'missing' });
    for (const sub of [CASES, TRASH]) {
      for (const name of (await readdir(path.join(this.dataDir, sub))).sort()) {
        const rel = path.join(sub, name);
        if (isSyncConflictName(name)) continue; // listed below as an unresolved conflict
        if (!isCaseFileName(name)) {
          problems.push({ file: rel, message: 'unexpected file (not a case file)' });
          continue;
        }
        checkedFiles++;
        const result = await this.readCase(path.join(this.dataDir, rel));
        if (!result.ok) {
          problems.push({ file: rel, message: result.reason });
          continue;
        }
        const c = result.value;
        refs.note(rel, c);
        c.sources.forEach((s, i) => {
          if (s.sha256 !== sha256Hex(s.text)) problems.push({ file: rel, message: `sources[${i}] "${s.title}": the text does not match its sha256 (it was changed outside Casefile)` });
        });
        for (const issue of checkReferences(c)) problems.push({ file: rel, message: formatIssue(issue) });
        if (sub === TRASH && this.entries.has(c.id)) problems.push({ file: rel, message: `a case with the same id is also in ${CASES}/` });
      }
    }
    for (const q of await this.listQuarantine()) problems.push({ file: q.file, message: `quarantined: ${q.reason}` });
    for (const c of await scanConflicts(this)) {
      const what = c.kind === 'case' ? `case "${c.title ?? c.caseId}"` : c.file.replace(/\.sync-conflict-.*$/, '.json');
      problems.push({ file: c.file, message: `unresolved sync conflict: another device saved ${what} at the same time${c.valid ? '' : ` (the copy is not usable: ${c.problem})`}. Open Conflicts (or run casefile conflicts) to settle it.` });
    }
    for (const u of this.unconfirmed) {
      problems.push({ file: u.file, message: `revision ${u.rev} was saved, but the disk did not confirm it (${u.reason}): it may not survive a power cut. Check the disk (free space, errors), then save the case again.` });
    }
    const device = this.historyGaps.length > 0 ? ((await peekDevice(this.dataDir))?.id ?? null) : null;
    for (const gap of this.historyGaps) {
      problems.push({ file: path.join(HISTORY_DIR, path.basename(historyRel(gap.id, device))), message: `revision ${gap.rev} was saved but not recorded in the history (${gap.error})` });
    }
    // The histories, from the disk: altered or missing lines, and histories whose case is gone. What a
    // crash mid-save leaves (the newest line missing or cut short) is a warning, not a fault.
    const warnings: VerifyReport['warnings'] = [];
    const gapCases = new Set(this.historyGaps.map((g) => g.id));
    const quarantinedIds = (await this.listQuarantine()).map((q) => quarantinedCaseId(q.file)).filter((id): id is string => id !== null);
    for (const issue of await withLastGood(this.dataDir, this.dataKey, await checkHistories(this.dataDir, this.dataKey, { quarantinedIds }))) {
      if (issue.kind === 'missing-revisions' && gapCases.has(issue.caseId)) continue; // reported above, with the disk's reason
      (issue.severity === 'error' ? problems : warnings).push({ file: issue.file, message: issue.message });
    }
    warnings.push(...storedIdWarnings(this.entries.keys(), this.trashChecked.keys()));
    checkedFiles += (await readdir(path.join(this.dataDir, HISTORY_DIR)).catch(() => [])).length;
    const backups = await verifySnapshots(this.dataDir, this.dataKey);
    checkedFiles += backups.checked;
    problems.push(...backups.problems);
    // Re-hashes every original (a changed one is moved aside): the last, longest step.
    const originals = await verifyOriginals(this.originals, refs);
    problems.push(...originals.problems);
    return { ok: problems.length === 0, checkedFiles, problems, warnings, originals: { count: originals.count, bytes: originals.bytes } };
  }
}
