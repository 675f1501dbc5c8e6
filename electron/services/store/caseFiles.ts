import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { agendaItems, CaseFile, summarize, type CaseSummary, type AgendaItem } from '../../../shared/model';
import type { ListQuery } from '../../../shared/contract';
import { CaseCodec, type CaseRead } from './caseCodec';
import { IndexWrites } from './indexWrites';
import { listQuarantine, quarantineFile, type QuarantineEntry } from './quarantine';
import { ServiceError } from '../errors';
import { wipe } from '../crypto';
import { DurableJsonFile, writeFileDurably } from '../disk/durableFile';
import { SUMMARY_INDEX_FILE } from '../disk/folderLayout';
import { DataDirLock } from '../disk/lock';
import { fileStateOf, sameFile, type FileState, type FileStates } from '../disk/statFiles';
import type { IndexEntry, SummaryIndex } from './summaryIndex';
import { Catalogue } from './catalogue';
import { reconcilePooled } from './readPool';
import { readIfValidated } from './peekRead';
import { WorkerPool } from './workerPool';
import { refreshExternal } from './externalRefresh';
import { Recorder } from './recorder';
import type { Meta } from './meta';
import type { StoreOptions } from './storeOptions';
import { HistoryLog } from '../audit/historyLog';
import { readManifest } from '../audit/manifest';
import type { StoreChange } from './storeChange';

export type { StoreChange } from './storeChange';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const CASES = 'cases';
const TRASH = 'trash';
const META = 'meta.json';

/**
 * The open folder's case files, the floor the store's writes stand on: its lock,
 * key and lifecycle, the catalogue, reads (validated, cached, quarantined when bad)
 * and the change feed. One JSON file per case under `cases/`, written durably;
 * `trash/` for trashed cases; `quarantine/` for files that failed to load.
 */
export class CaseFiles {
  /** Summaries of the live cases and the checked trash, kept on disk as the summary index (store/catalogue.ts). */
  private readonly catalogue: Catalogue;
  /** One entry per case in cases/: its summary and the file state it came from (the catalogue's). */
  protected readonly entries: Map<string, IndexEntry>;
  /** Recently used whole cases, most recent last; checked against the file before use. */
  protected readonly cache = new Map<string, { case: CaseFile; file: FileState }>();
  private readonly cacheLimit: number;
  /** Trashed files checked (read and validated) in the state they are in; kept in the summary index (the catalogue's). */
  protected readonly trashChecked: Map<string, FileState>;
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private readonly restated = new Set<(id: string) => void>();
  private readonly closeHooks = new Set<() => Promise<void>>();
  protected queue: Promise<unknown> = Promise.resolve();
  /** Writes asked for and not yet finished (queued or running): while any is, no index is serialised. */
  private inFlight = 0;
  private readonly quietWaiters: Array<() => void> = [];
  private closed = false;
  /** Checked before each write (has another device changed vault.json?); throws to refuse it. */
  writeGuard: (() => Promise<void>) | null = null;
  /** Derived files (settings, address book) as this process last wrote them: the folder watcher tells them from another device's. */
  readonly ownWrites = new Map<string, FileState>();
  /** When the summary index is written: beside the save queue, once saves pause. */
  private readonly indexWrites = new IndexWrites((whole) => this.writeIndex(whole), () => this.catalogue.compactionDue);
  protected readonly historyLog: HistoryLog;
  /** Reads and writes the store's files, sealed or plain: the one switch on the key. */
  protected readonly codec: CaseCodec;
  /** History lines, manifest entries, and the saves that did not fully reach the disk (store/recorder.ts). */
  protected readonly recorder: Recorder;
  /** Saves whose history entry could not be written (the save itself stands); `verify` reports them. */
  protected readonly historyGaps: Recorder['gaps'];
  /** Saves the disk did not confirm (the folder sync failed after the rename): in place, maybe not durable. */
  protected readonly unconfirmed: Recorder['unconfirmed'];

  protected constructor(
    readonly dataDir: string,
    protected readonly lock: DataDirLock,
    protected meta: Meta,
    /** Files quarantined by this open (the folder may hold older ones too). */
    readonly quarantinedNow: QuarantineEntry[],
    protected readonly options: StoreOptions,
    index: SummaryIndex,
    /** The folder's data key when it is encrypted (wiped on close); every file then goes through the encrypted adapter. */
    protected readonly dataKey: Buffer | null = null,
  ) {
    this.catalogue = new Catalogue(index, (id) => this.peek(id), () => this.scheduleIndexFlush());
    this.entries = this.catalogue.cases;
    this.trashChecked = this.catalogue.trash;
    this.historyLog = new HistoryLog(dataDir, dataKey, options.fs);
    this.recorder = new Recorder(dataDir, dataKey, this.historyLog, () => this.now(), options.fs);
    this.historyGaps = this.recorder.gaps;
    this.unconfirmed = this.recorder.unconfirmed;
    this.codec = new CaseCodec(dataDir, dataKey, options.fs);
    this.cacheLimit = options.cacheSize ?? 256;
  }

  get schemaVersion(): number {
    return this.meta.schemaVersion;
  }

  get idleLockMinutes(): number | undefined {
    return this.meta.idleLockMinutes;
  }

  setIdleLockMinutes(minutes: number): Promise<void> {
    return this.exclusive(async () => {
      const next = { ...this.meta, idleLockMinutes: minutes };
      await new DurableJsonFile<unknown>(path.join(this.dataDir, META), this.options.fs).write(next);
      this.meta = next;
    });
  }

  /** True when the folder is encrypted: nothing this store writes (briefs' working files included) may be plain. */
  get encrypted(): boolean {
    return this.dataKey !== null;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.shutDown();
    await this.lock.release();
    wipe(this.dataKey);
  }

  /** Closes the store but hands its lock and (a copy of) its key to the caller, for work on the whole folder (a restore, a conversion); the caller then reopens with `held`, or releases the lock and wipes the key. */
  async detach(): Promise<{ lock: DataDirLock; dataKey: Buffer | null }> {
    if (this.closed) throw new ServiceError('internal', 'The store is closed.');
    await this.shutDown();
    const dataKey = this.dataKey ? Buffer.alloc(this.dataKey.length) : null;
    if (dataKey) this.dataKey!.copy(dataKey);
    wipe(this.dataKey);
    return { lock: this.lock, dataKey };
  }

  protected async shutDown(): Promise<void> {
    await this.queue.catch(() => undefined);
    for (const hook of this.closeHooks) await hook().catch(() => undefined); // caches: a failure costs a rebuild, nothing more
    await this.queue.catch(() => undefined);
    this.closed = true;
    await this.indexWrites.stop();
    await this.recorder.settled();
  }

  /** Hears every saved change (create, update, import, trash, restore). */
  subscribe(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hears a case file replaced by one holding the same revision and content (a copied folder): only its state changed, for caches kept on disk. */
  onRestated(listener: (id: string) => void): () => void {
    this.restated.add(listener);
    return () => this.restated.delete(listener);
  }

  protected emit(change: DistributiveOmit<StoreChange, 'file'> | StoreChange): void {
    // An upsert carries the state its case was remembered with (remember runs first).
    const full = change.type === 'upsert' && !('file' in change) ? { ...change, file: this.fileState(change.case.id)! } : change;
    for (const listener of this.listeners) listener(full as StoreChange);
  }

  /** The state of a live case's file as the store last saw it: what caches on disk compare with. */
  fileState(id: string): FileState | undefined {
    return this.catalogue.fileState(id);
  }

  /**
   * Work to finish before the store closes or detaches (after the last save, with
   * the key still held): a derived file written on the way out, say.
   */
  beforeClose(hook: () => Promise<void>): () => void {
    this.closeHooks.add(hook);
    return () => this.closeHooks.delete(hook);
  }

  /**
   * A file derived from the cases (a cache such as the search index), at the top of
   * the data folder: sealed under its own name when the folder is encrypted (nothing
   * in it may be plain), written durably, outside the save queue. Null when missing
   * or when it will not open.
   */
  async readDerivedFile(name: string): Promise<Buffer | null> {
    this.assertOpen();
    return this.openFolderFile(name).catch(() => null);
  }

  /**
   * A file of the folder (`rel`, with "/") opened under the name it is bound to — a
   * Syncthing conflict copy under its original's (disk/folderLayout). Throws when it is
   * missing or will not open, saying why (conflicts/ reports it).
   */
  async openFolderFile(rel: string): Promise<Buffer> {
    this.assertOpen();
    const file = path.join(this.dataDir, ...rel.split('/'));
    return this.codec.open(file, await readFile(file));
  }

  /** `quiet`: sealed between saves (whenQuiet), for a file large enough to hold up one; never from inside a write. */
  async writeDerivedFile(name: string, bytes: Uint8Array, quiet = false): Promise<void> {
    this.assertOpen();
    const file = path.join(this.dataDir, name);
    const seal = () => this.codec.seal(file, bytes);
    await this.writeGuard?.();
    await writeFileDurably(file, quiet ? await this.whenQuiet(seal) : seal(), this.options.fs).then(async () => this.ownWrites.set(name, fileStateOf(await stat(file))));
  }

  // --- reading -------------------------------------------------------------

  protected caseFile(id: string, where: typeof CASES | typeof TRASH = CASES): string {
    return path.join(this.dataDir, where, `${id}.json`);
  }

  /** Worker threads over this folder's case files (store/workerPool.ts), each given its own copy of the key; closed by the caller. */
  workerPool<Item, Result>(url: () => URL | null, workers?: number): WorkerPool<Item, Result> {
    this.assertOpen();
    return new WorkerPool(url, this.dataDir, this.dataKey, workers);
  }

  /** Where a live case's file is (the search build's workers read it there). */
  casePath(id: string): string {
    return this.caseFile(id);
  }

  /** Reads and validates one case file; says why when it cannot. */
  protected readCase(file: string): Promise<CaseRead> {
    return this.codec.readCase(file);
  }

  /** Brings the catalogue in line with cases/ and trash/ (store/reconcile.ts), quarantining bad files. */
  protected async reconcile(files: FileStates): Promise<void> {
    const io = { readCase: (file: string) => this.readCase(file), quarantine: (file: string, reason: string) => this.quarantine(file, reason), quarantined: this.quarantinedNow };
    if (await reconcilePooled(this.catalogue, this.dataDir, files, io, this.dataKey, this.options.onOpenProgress)) await this.indexWrites.flush(true);
  }

  /** Files changed behind the app's back (another device): re-read in the save queue, told with cause 'external' (store/externalRefresh.ts). */
  refreshFromDisk(swept?: FileStates): Promise<{ changed: number; otherSeal: number }> {
    return this.exclusive(() => refreshExternal(this.catalogue, this.dataDir, { readCase: (f) => this.readCase(f), quarantine: (f, r) => this.quarantine(f, r), quarantined: this.quarantinedNow, sealed: this.codec.sealed, cache: this.cache, cacheLimit: this.cacheLimit, recorded: async () => (await readManifest(this.dataDir, this.dataKey)).items, emit: (c) => this.emit(c), restated: (id) => this.restated.forEach((l) => l(id)), flush: () => this.scheduleIndexFlush() }, swept), false);
  }

  private writeIndex(whole: boolean): Promise<void> {
    return this.catalogue.write(path.join(this.dataDir, SUMMARY_INDEX_FILE), this.options.fs, this.dataKey ?? undefined, (work) => this.whenQuiet(work), whole);
  }

  protected scheduleIndexFlush(): void {
    this.indexWrites.schedule();
  }

  /** Writes the summary index now, outside the save queue (a purged case must not wait in it for a quiet moment). */
  protected flushIndexNow(): Promise<void> {
    return this.indexWrites.flush(true);
  }

  /** Moves a bad file aside with a note of why; it is never overwritten or deleted. */
  private quarantine(file: string, reason: string): Promise<QuarantineEntry> {
    return quarantineFile(this.dataDir, this.codec, file, reason);
  }

  /** Everything in `quarantine/`, from this open and earlier ones. */
  listQuarantine(): Promise<QuarantineEntry[]> {
    return listQuarantine(this.dataDir, this.codec);
  }

  protected assertOpen(): void {
    if (this.closed) throw new ServiceError('internal', 'The case store is closed.');
  }

  count(): number {
    return this.entries.size;
  }

  /** Every case id in cases/, for those who need to visit them all. */
  ids(): string[] {
    return [...this.entries.keys()];
  }

  list(query: ListQuery = {}): CaseSummary[] {
    this.assertOpen();
    return this.catalogue.list(query);
  }

  summary(id: string): CaseSummary | undefined {
    return this.entries.get(id)?.summary;
  }

  /** Every live case's open items (deadlines, hearings, follow-ups), with the case they belong to. */
  openItems(): Promise<Array<Pick<CaseSummary, 'id' | 'title' | 'kind'> & { agenda: readonly AgendaItem[] }>> {
    this.assertOpen();
    return this.catalogue.openItems();
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /**
   * The whole case, from the cache when the file is unchanged since it was read,
   * else from disk. A file damaged behind the app's back is quarantined, never
   * served and never overwritten.
   */
  async get(id: string): Promise<CaseFile> {
    this.assertOpen();
    if (!this.entries.has(id)) throw new ServiceError('not_found', `No case with id "${id}". It may be in the Trash.`);
    const file = this.caseFile(id);
    const st = await stat(file).catch(() => null);
    const cached = this.cache.get(id);
    if (st && cached && sameFile(cached.file, fileStateOf(st))) {
      this.cache.delete(id);
      this.cache.set(id, cached);
      return cached.case;
    }
    const result = st ? await this.readCase(file) : { ok: false as const, reason: 'the file is missing' };
    if (!result.ok) {
      this.entries.delete(id);
      this.cache.delete(id);
      this.scheduleIndexFlush();
      if (st) this.quarantinedNow.push(await this.quarantine(file, result.reason));
      this.emit({ type: 'remove', id, cause: 'quarantine' });
      throw new ServiceError('not_found', `The case file for "${id}" was changed outside Casefile and cannot be read (${result.reason}); it was moved to quarantine.`);
    }
    const entry = this.entries.get(id);
    const changedOutside = !entry || !sameFile(entry, fileStateOf(st!));
    this.remember(result.value, st!);
    if (changedOutside) {
      // Edited behind the app's back: the list row was just updated, and the search index must follow too.
      this.scheduleIndexFlush();
      this.emit({ type: 'upsert', case: result.value, cause: 'external' });
    }
    return result.value;
  }

  /**
   * A case for quoting only (search snippets): from the cache, or read and parsed
   * without validating it again when its file is still in the state the store
   * validated (its summary entry; checked on the open file before and after the
   * read). Anything else goes through `get`, which validates, and quarantines a bad
   * file. Validation is most of the cost of reading a case, and a search quotes up
   * to fifty. Null when there is no such case (any more).
   */
  async peek(id: string): Promise<CaseFile | null> {
    this.assertOpen();
    const entry = this.entries.get(id);
    if (!entry) return null;
    // Unreadable, or no longer what was validated: get() says what it is.
    return readIfValidated(this.caseFile(id), entry, this.codec, this.cache.get(id)) ?? this.get(id).catch(() => null);
  }

  protected remember(c: CaseFile, st: Stats): void {
    const file = fileStateOf(st);
    this.entries.set(c.id, { summary: summarize(c), agenda: agendaItems(c), ...file });
    this.cache.delete(c.id);
    this.cache.set(c.id, { case: c, file });
    while (this.cache.size > this.cacheLimit) this.cache.delete(this.cache.keys().next().value!);
  }

  /** Reads every case in turn (for indexing and export), in small parallel batches; through `peek` (for indexing: not validated again) or `get`. */
  async *all(read: 'get' | 'peek' = 'get'): AsyncGenerator<CaseFile> {
    const ids = this.ids();
    const BATCH = 64;
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = await Promise.all(ids.slice(i, i + BATCH).map((id) => (read === 'peek' ? this.peek(id) : this.get(id).catch(() => null))));
      for (const c of batch) if (c) yield c;
    }
  }

  // --- writing (one at a time, so rev checks and file renames never interleave) ---

  protected exclusive<T>(work: () => Promise<T>, write = true): Promise<T> {
    this.assertOpen();
    this.inFlight++;
    const guarded = write && this.writeGuard ? async () => (await this.writeGuard!(), work()) : work;
    const run = this.queue.then(guarded, guarded);
    this.queue = run.catch(() => undefined);
    void this.queue.then(() => {
      if (--this.inFlight === 0) for (const wake of this.quietWaiters.splice(0)) wake();
    });
    return run;
  }

  /**
   * Runs `work` (synchronous: serialising or sealing an index) at a moment when no
   * write is queued or running, so that it never lands inside a save's window —
   * from the call of `update` to its answer — however long it takes.
   */
  async whenQuiet<T>(work: () => T): Promise<T> {
    while (this.inFlight > 0) await new Promise<void>((wake) => this.quietWaiters.push(wake));
    return work();
  }

  protected now(): string {
    return (this.options.now ?? (() => new Date()))().toISOString();
  }

  /** A case file's bytes as the store writes them (sealed when the folder is encrypted). */
  protected caseBytes(c: CaseFile): string | Uint8Array {
    return this.codec.caseBytes(this.caseFile(c.id), c);
  }
}
