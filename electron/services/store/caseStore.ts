import { closeSync, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { readdir, readFile, rename, stat, unlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import { agendaItems, CaseFile, emptyIdRecord, ownValue, setOwn, summarize, type AuditCause, type AuditEntry, type Bundle, type CaseDraft, type CaseSummary, type AgendaItem } from '../../../shared/model';
import type { ExportedBundle, ImportReport, ListQuery, OnConflict, TrashEntry } from '../../../shared/contract';
import { matchesCaseFilter } from '../../../shared/model/listFilter';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '../../../shared/model';
import { bundleIssues, finalizeCase } from '../cases/finalize';
import { assertNoLiveTwin, FolderIds, idForNewCase } from '../cases/caseIds';
import { planImport, type ImportPlan } from './importPlan';
import { CaseCodec, type CaseRead } from './caseCodec';
import { IndexWrites } from './indexWrites';
import { listQuarantine, quarantineFile, type QuarantineEntry } from './quarantine';
import { ioError, isIoError, ServiceError } from '../errors';
import { wipe } from '../crypto';
import { confirmRename, DurableJsonFile, fsyncDir, prepareDurable, UnconfirmedWriteError, writeFileDurably, type DurableFs } from '../disk/durableFile';
import { SUMMARY_INDEX_FILE } from '../disk/folderLayout';
import { DataDirLock } from '../disk/lock';
import { fileStateOf, sameFile, type FileState, type FileStates } from '../disk/statFiles';
import { fillAgendas, writeSummaryIndex, type IndexEntry, type SummaryIndex } from './summaryIndex';
import type { Meta, Migration } from './meta';
import { diffCases } from '../audit/diff';
import { HistoryLog } from '../audit/historyLog';
import { caseDigest } from '../audit/digest';
import { noteInManifest } from '../audit/manifest';

export type StoreOptions = {
  migrations?: readonly Migration[];
  schemaVersion?: number;
  /** Injected file-system calls for fault tests. */
  fs?: DurableFs;
  now?: () => Date;
  /** How many whole cases to keep in memory (the rest are read from disk on demand). */
  cacheSize?: number;
  /** Opens an encrypted data folder; a plain folder ignores it. */
  passphrase?: string;
  /**
   * Reopening after `detach`: the folder's lock, still held, and its key when
   * encrypted (then no passphrase is needed; the store owns the key again).
   */
  held?: { lock: DataDirLock; dataKey?: Buffer | null };
  /** Snapshots during the day, after the first save of each hour (backup/hourlySnapshots.ts); the app turns them on. */
  hourlySnapshots?: { onError?: (err: unknown) => void };
};

export const ENCRYPTED_MESSAGE = 'This data folder is encrypted. Give the passphrase (CASEFILE_PASSPHRASE or the prompt).';

/** What changed, for those who keep derived data (the search index). */
export type StoreChange =
  | {
      type: 'upsert';
      case: CaseFile;
      /** The version it replaced, when there was one. */
      previous?: CaseFile;
      /** `external`: the file was changed behind the app's back and `get` read the new version. */
      cause: 'create' | 'update' | 'import' | 'restore' | 'recover' | 'external';
      /** The state of the file this version was read from or written to, for caches kept on disk. */
      file: FileState;
    }
  | { type: 'remove'; id: string; cause: 'trash' | 'quarantine' };

export type { QuarantineEntry } from './quarantine';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const CASES = 'cases';
const TRASH = 'trash';
const META = 'meta.json';

const isCaseFileName = (name: string) => name.endsWith('.json') && !name.startsWith('.');



/**
 * The case store: one JSON file per case under `cases/`, written
 * durably; `trash/` for trashed cases; `quarantine/` for files that failed to
 * load. The store holds the folder's lock for as long as it is open.
 */
export class CaseStoreBase {
  /** One entry per case in cases/: its summary and the file state it came from. */
  protected readonly entries: Map<string, IndexEntry>;
  /** The summary index's agenda line, parsed when the agenda is first needed (the list does not need it). */
  private unreadAgendas: Buffer | null;
  private agendasFilled: Promise<void> = Promise.resolve();
  /** Recently used whole cases, most recent last; checked against the file before use. */
  private readonly cache = new Map<string, { case: CaseFile; file: FileState }>();
  /** Trashed files checked (read and validated) in the state they are in; kept in the summary index. */
  protected readonly trashChecked: Map<string, FileState>;
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private readonly closeHooks = new Set<() => Promise<void>>();
  protected queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** When the summary index is written: beside the save queue, once saves pause. */
  private readonly indexWrites = new IndexWrites(() => this.writeIndex());
  private readonly historyLog: HistoryLog;
  /** Reads and writes the store's files, sealed or plain: the one switch on the key. */
  private readonly codec: CaseCodec;
  /** Saves whose history entry could not be written (the save itself stands); `verify` reports them. */
  protected readonly historyGaps: Array<{ id: string; rev: number; error: string }> = [];
  /** Saves the disk did not confirm (the folder sync failed after the rename): in place, maybe not durable. */
  protected readonly unconfirmed: Array<{ file: string; id: string; rev: number; reason: string }> = [];

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
    this.entries = index.cases;
    this.trashChecked = index.trash;
    this.unreadAgendas = index.agendas;
    this.historyLog = new HistoryLog(dataDir, dataKey, options.fs);
    this.codec = new CaseCodec(dataDir, dataKey, options.fs);
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

  /**
   * Closes the store but hands its lock and (a copy of) its key to the caller,
   * for work on the whole folder — a restore, a conversion — after which the
   * caller reopens with `held`, or releases the lock and wipes the key itself.
   */
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
  }

  /** Hears every saved change (create, update, import, trash, restore). */
  subscribe(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: DistributiveOmit<StoreChange, 'file'> | StoreChange): void {
    // An upsert carries the state its case was remembered with (remember runs first).
    const full = change.type === 'upsert' && !('file' in change) ? { ...change, file: this.fileState(change.case.id)! } : change;
    for (const listener of this.listeners) listener(full as StoreChange);
  }

  /** The state of a live case's file as the store last saw it: what caches on disk compare with. */
  fileState(id: string): FileState | undefined {
    const entry = this.entries.get(id);
    return entry && { mtimeMs: entry.mtimeMs, size: entry.size, ctimeMs: entry.ctimeMs, ino: entry.ino };
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
    try {
      const bytes = await readFile(path.join(this.dataDir, name));
      return this.codec.open(path.join(this.dataDir, name), bytes);
    } catch {
      return null;
    }
  }

  async writeDerivedFile(name: string, bytes: Uint8Array): Promise<void> {
    this.assertOpen();
    const file = path.join(this.dataDir, name);
    await writeFileDurably(file, this.codec.seal(file, bytes), this.options.fs);
  }

  // --- reading -------------------------------------------------------------

  private caseFile(id: string, where: typeof CASES | typeof TRASH = CASES): string {
    return path.join(this.dataDir, where, `${id}.json`);
  }

  /** Reads and validates one case file; says why when it cannot. */
  protected readCase(file: string): Promise<CaseRead> {
    return this.codec.readCase(file);
  }

  /**
   * Brings the summary index in line with cases/: files whose mtime or size
   * disagree with their entry (or that have none) are parsed and validated —
   * quarantined when bad — and entries without a file are dropped. An untouched
   * archive opens without parsing a single case file.
   */
  protected async reconcile(files: FileStates): Promise<void> {
    const dir = path.join(this.dataDir, CASES);
    const onDisk = new Set<string>();
    let changed = false;
    const stale: Array<[string, FileState]> = [];
    for (const [name, state] of files) {
      const entry = this.entries.get(name.slice(0, -'.json'.length));
      if (entry && sameFile(entry, state)) onDisk.add(entry.summary.id);
      else stale.push([name, state]);
    }
    const BATCH = 1000; // files read at once when many changed (a first open reads them all)
    for (let i = 0; i < stale.length; i += BATCH) {
      const batch = stale.slice(i, i + BATCH);
      const results = await Promise.all(batch.map(([name]) => this.readCase(path.join(dir, name))));
      for (const [k, [name, state]] of batch.entries()) {
        const result = results[k]!;
        changed = true;
        if (result.ok) {
          this.entries.set(result.value.id, { summary: summarize(result.value), agenda: agendaItems(result.value), ...state });
          onDisk.add(result.value.id);
        } else {
          this.quarantinedNow.push(await this.quarantine(path.join(dir, name), result.reason));
        }
      }
    }
    for (const id of this.entries.keys()) {
      if (!onDisk.has(id)) {
        this.entries.delete(id);
        changed = true;
      }
    }
    // Trashed cases are case files too: a damaged one is quarantined, not left to fail a later
    // restore. Each is read once; after that only when its file state changes.
    const trashDir = path.join(this.dataDir, TRASH);
    const inTrash = new Set<string>();
    for (const name of (await readdir(trashDir)).filter(isCaseFileName)) {
      const id = name.slice(0, -'.json'.length);
      const file = path.join(trashDir, name);
      const st = await stat(file);
      const known = this.trashChecked.get(id);
      if (known && sameFile(known, fileStateOf(st))) {
        inTrash.add(id);
        continue;
      }
      changed = true;
      const result = await this.readCase(file);
      if (result.ok) {
        this.trashChecked.set(id, fileStateOf(st));
        inTrash.add(id);
      } else this.quarantinedNow.push(await this.quarantine(file, result.reason));
    }
    for (const id of this.trashChecked.keys()) {
      if (!inTrash.has(id)) {
        this.trashChecked.delete(id);
        changed = true;
      }
    }
    if (changed) await this.indexWrites.flush(true);
  }

  private async writeIndex(): Promise<void> {
    await this.withAgendas();
    const index = { cases: this.entries, trash: this.trashChecked };
    await writeSummaryIndex(path.join(this.dataDir, SUMMARY_INDEX_FILE), index, this.options.fs, this.dataKey ?? undefined);
  }

  private scheduleIndexFlush(): void {
    this.indexWrites.schedule();
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
    const rows: CaseSummary[] = [];
    for (const { summary: c } of this.entries.values()) {
      if (matchesCaseFilter(c, query)) rows.push(c);
    }
    return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
  }

  summary(id: string): CaseSummary | undefined {
    return this.entries.get(id)?.summary;
  }

  /** Every live case's open items (deadlines, hearings, follow-ups), with the case they belong to. */
  async openItems(): Promise<Array<Pick<CaseSummary, 'id' | 'title' | 'kind'> & { agenda: readonly AgendaItem[] }>> {
    this.assertOpen();
    await this.withAgendas();
    return Array.from(this.entries.values(), ({ summary: { id, title, kind }, agenda }) => ({ id, title, kind, agenda: agenda ?? [] }));
  }

  /**
   * Gives every entry its agenda: from the index's agenda line, or — should that
   * line be unreadable — from the case file, so that a damaged cache never hides
   * a deadline.
   */
  private withAgendas(): Promise<void> {
    if (this.unreadAgendas !== null) {
      const missing = fillAgendas({ cases: this.entries, trash: this.trashChecked, agendas: this.unreadAgendas });
      this.unreadAgendas = null;
      this.agendasFilled = (async () => {
        for (const id of missing) {
          const entry = this.entries.get(id);
          const c = await this.peek(id).catch(() => null);
          // Only if no save replaced the entry meanwhile (a save's entry has its agenda).
          if (entry && this.entries.get(id) === entry) this.entries.set(id, { ...entry, agenda: c ? agendaItems(c) : [] });
        }
        if (missing.length > 0) this.scheduleIndexFlush(); // heal the cache
      })();
    }
    return this.agendasFilled;
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
    const cached = this.cache.get(id);
    const validated = (st: Stats) => sameFile(entry, fileStateOf(st));
    // Plain synchronous calls: a dozen kilobytes from the page cache take microseconds,
    // and through the thread pool fifty of them queue behind one another.
    let fd: number | undefined;
    try {
      fd = openSync(this.caseFile(id), 'r');
      const before = fstatSync(fd);
      if (cached && sameFile(cached.file, fileStateOf(before))) return cached.case;
      if (validated(before)) {
        const bytes = readFileSync(fd);
        if (validated(fstatSync(fd))) {
          const text = this.codec.open(this.caseFile(id), bytes);
          return JSON.parse(text.toString('utf8')) as CaseFile;
        }
      }
    } catch {
      // Unreadable, or no longer what was validated: get() says what it is.
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    return this.get(id).catch(() => null);
  }

  private remember(c: CaseFile, st: Stats): void {
    const file = fileStateOf(st);
    this.entries.set(c.id, { summary: summarize(c), agenda: agendaItems(c), ...file });
    this.cache.delete(c.id);
    this.cache.set(c.id, { case: c, file });
    const limit = this.options.cacheSize ?? 256;
    while (this.cache.size > limit) this.cache.delete(this.cache.keys().next().value!);
  }

  /** Reads every case in turn (for indexing and export), in small parallel batches. */
  async *all(): AsyncGenerator<CaseFile> {
    const ids = this.ids();
    const BATCH = 64;
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = await Promise.all(ids.slice(i, i + BATCH).map((id) => this.get(id).catch(() => null)));
      for (const c of batch) if (c) yield c;
    }
  }

  // --- writing (one at a time, so rev checks and file renames never interleave) ---

  protected exclusive<T>(work: () => Promise<T>): Promise<T> {
    this.assertOpen();
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  protected now(): string {
    return (this.options.now ?? (() => new Date()))().toISOString();
  }

  /** A case file's bytes as the store writes them (sealed when the folder is encrypted). */
  private caseBytes(c: CaseFile): string | Uint8Array {
    return this.codec.caseBytes(this.caseFile(c.id), c);
  }

  /**
   * Appends to a case's history after its change is on disk. A history that
   * cannot be written does not undo the save (the user's text is what matters);
   * the gap is remembered and `verify` names it.
   */
  private async record(id: string, entries: AuditEntry[]): Promise<void> {
    try {
      await this.historyLog.append(id, entries);
    } catch (err) {
      for (const e of entries) this.historyGaps.push({ id, rev: e.rev, error: (err as Error).message });
    }
    const last = entries.at(-1);
    if (last) await noteInManifest(this.dataDir, this.dataKey, id, last.rev, last.sha256, this.now(), this.options.fs);
  }

  private entry(c: CaseFile, cause: AuditCause, previous?: CaseFile): AuditEntry {
    return { at: this.now(), rev: c.rev, cause, changes: previous ? diffCases(previous, c) : [], sha256: caseDigest(c) };
  }

  /** Writes durably, then records the change and updates the summary, the cache and the listeners. */
  protected async writeCase(c: CaseFile, cause: 'create' | 'update' | 'recover', previous?: CaseFile): Promise<void> {
    const file = this.caseFile(c.id);
    try {
      await this.codec.db(file).write(c);
      this.confirmed(c.id);
    } catch (err) {
      // Renamed into place but not confirmed: the new version is what the file holds, so the
      // save stands (refusing it now would make the user's retry conflict with their own edit).
      if (err instanceof UnconfirmedWriteError) this.noteUnconfirmed(err, c);
      else throw isIoError(err) ? ioError(err, `save "${c.title}"`) : err;
    }
    this.remember(c, await stat(file));
    this.scheduleIndexFlush();
    await this.record(c.id, [this.entry(c, cause, previous)]);
    this.emit({ type: 'upsert', case: c, cause, ...(previous ? { previous } : {}) });
    this.saved();
  }

  /** Called after each save of a live case is on disk and recorded (the folder's hourly snapshots listen). */
  protected saved(): void {}

  /** Puts a recovered copy of a trashed case back into trash/ (it stays out of the list and the search). */
  protected async writeTrashed(c: CaseFile): Promise<void> {
    const file = this.caseFile(c.id, TRASH);
    try {
      await writeFileDurably(file, this.codec.caseBytes(file, c), this.options.fs);
      this.confirmed(c.id);
    } catch (err) {
      if (err instanceof UnconfirmedWriteError) this.noteUnconfirmed(err, c);
      else throw isIoError(err) ? ioError(err, `recover "${c.title}"`) : err;
    }
    const st = await stat(file).catch(() => null);
    if (st) this.trashChecked.set(c.id, fileStateOf(st));
    this.scheduleIndexFlush();
    await this.record(c.id, [this.entry(c, 'recover')]);
  }

  private noteUnconfirmed(err: UnconfirmedWriteError, c: CaseFile): void {
    this.unconfirmed.push({ file: path.relative(this.dataDir, err.file), id: c.id, rev: c.rev, reason: err.reason });
  }

  /** A confirmed save of a case confirms its folder, and with it every earlier unconfirmed save of that case. */
  private confirmed(id: string): void {
    for (let i = this.unconfirmed.length - 1; i >= 0; i--) if (this.unconfirmed[i]!.id === id) this.unconfirmed.splice(i, 1);
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
      const now = this.now();
      const c = finalizeCase(draft, { id, rev: 1, createdAt: now, updatedAt: now });
      await this.writeCase(c, 'create');
      return c;
    });
  }

  update(id: string, baseRev: number, draft: CaseDraft): Promise<CaseFile> {
    return this.exclusive(async () => {
      const existing = await this.get(id);
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
      const c = finalizeCase(draft, { id, rev: existing.rev + 1, createdAt: existing.createdAt, updatedAt: this.now() });
      await this.writeCase(c, 'update', existing);
      return c;
    });
  }

  // --- trash -------------------------------------------------------------------

  protected async trashed(id: string): Promise<CaseFile | null> {
    const file = this.caseFile(id, TRASH);
    try {
      await stat(file);
    } catch {
      return null;
    }
    const result = await this.readCase(file);
    if (!result.ok) throw new ServiceError('internal', `The trashed copy of "${id}" is damaged: ${result.reason}`);
    return result.value;
  }

  /** Moves a case file between cases/ and trash/; once renamed, the move stands (see writeCase). */
  private async moveDurably(from: string, to: string, c: CaseFile): Promise<void> {
    try {
      await (this.options.fs?.rename ?? rename)(from, to);
    } catch (err) {
      throw isIoError(err) ? ioError(err, `move ${path.basename(from)}`) : err;
    }
    for (const file of [from, to]) {
      try {
        await confirmRename(file, this.options.fs);
      } catch (err) {
        if (!(err instanceof UnconfirmedWriteError)) throw err;
        this.noteUnconfirmed(new UnconfirmedWriteError(to, err.reason), c);
      }
    }
  }

  trash(id: string): Promise<TrashEntry> {
    return this.exclusive(async () => {
      const c = await this.get(id);
      const target = this.caseFile(id, TRASH);
      if (await this.trashed(id)) throw new ServiceError('conflict', `The Trash already holds a case with id "${id}"; restore or remove it first.`);
      await this.moveDurably(this.caseFile(id), target, c);
      // The file's mtime records when it was trashed; the rename itself is the atomic step.
      const when = new Date(this.now());
      await utimes(target, when, when).catch(() => undefined);
      // Just validated (get), so the trashed file need not be read at the next open.
      const st = await stat(target).catch(() => null);
      if (st) this.trashChecked.set(id, fileStateOf(st));
      this.forget(id, 'trash');
      await this.record(id, [this.entry(c, 'trash')]);
      return { ...summarize(c), trashedAt: when.toISOString() };
    });
  }

  restore(id: string): Promise<CaseFile> {
    return this.exclusive(async () => {
      if (this.entries.has(id)) throw new ServiceError('conflict', `A case with id "${id}" is already in the list.`);
      assertNoLiveTwin(id, this.entries.keys());
      const c = await this.trashed(id);
      if (!c) throw new ServiceError('not_found', `The Trash holds no case with id "${id}".`);
      await this.moveDurably(this.caseFile(id, TRASH), this.caseFile(id), c);
      this.trashChecked.delete(id);
      this.remember(c, await stat(this.caseFile(id)));
      this.scheduleIndexFlush();
      await this.record(id, [this.entry(c, 'restore')]);
      this.emit({ type: 'upsert', case: c, cause: 'restore' });
      return c;
    });
  }

  async listTrash(): Promise<TrashEntry[]> {
    this.assertOpen();
    const dir = path.join(this.dataDir, TRASH);
    const rows: TrashEntry[] = [];
    for (const name of (await readdir(dir)).filter(isCaseFileName)) {
      const file = path.join(dir, name);
      const result = await this.readCase(file);
      if (!result.ok) continue; // `verify` reports it
      rows.push({ ...summarize(result.value), trashedAt: (await stat(file)).mtime.toISOString() });
    }
    return rows.sort((a, b) => b.trashedAt.localeCompare(a.trashedAt));
  }

  // --- bundles -------------------------------------------------------------------

  /**
   * Validates the whole bundle, plans every case and only then writes; a bad
   * bundle or an unresolved conflict stores nothing.
   */
  importBundle(bundle: Bundle, onConflict: OnConflict): Promise<ImportReport> {
    return this.exclusive(async () => {
      const issues = bundleIssues(bundle.cases, ['bundle', 'cases']);
      if (issues.length > 0) throw new ServiceError('bad_input', 'The bundle was refused; nothing was stored.', issues);

      const plans = await planImport(bundle, onConflict, {
        active: async (id) => (this.entries.has(id) ? this.get(id) : undefined),
        trashed: (id) => this.trashed(id),
        history: async (id) => (await this.historyLog.read(id)).entries,
        unlisted: async (id) => !this.entries.has(id) && (await stat(this.caseFile(id)).then(() => true, () => false)),
        ids: new FolderIds([...this.entries.keys(), ...this.trashChecked.keys()]),
        now: this.now(),
      });
      // All or nothing: every case is written to a synced temp file first; only then are they renamed into
      // place. A refusal of the disk while writing leaves nothing; one while renaming is rolled back.
      const writing = plans.filter((p) => p.action !== 'skipped');
      const prepared: Array<{ commit(): Promise<void>; abort(): Promise<void> }> = [];
      const committed: ImportPlan[] = [];
      try {
        for (const plan of writing) prepared.push(await prepareDurable(this.caseFile(plan.case.id), this.caseBytes(plan.case), this.options.fs));
        for (const [k, plan] of writing.entries()) {
          await prepared[k]!.commit();
          committed.push(plan);
        }
        await confirmRename(path.join(this.dataDir, CASES, 'bundle'), this.options.fs);
      } catch (err) {
        for (const p of prepared.slice(committed.length)) await p.abort();
        for (const plan of committed.reverse()) {
          const file = this.caseFile(plan.case.id);
          if (plan.previous && !plan.replacesTrashed) {
            await prepareDurable(file, this.caseBytes(plan.previous), this.options.fs).then((p) => p.commit()).catch(() => undefined);
          } else await unlink(file).catch(() => undefined);
        }
        await fsyncDir(path.join(this.dataDir, CASES), this.options.fs).catch(() => undefined);
        // An unconfirmed folder sync was rolled back above like any other refusal: nothing of the bundle stands.
        const cause = err instanceof UnconfirmedWriteError ? { code: err.reason } : err;
        throw isIoError(cause) ? ioError(cause, 'import the bundle') : err;
      }
      for (const plan of writing) {
        this.remember(plan.case, await stat(this.caseFile(plan.case.id)));
        const carried = (plan.sourceId !== undefined && ownValue(bundle.history, plan.sourceId)) || [];
        await this.record(plan.case.id, [...carried.map((e) => ({ ...e, imported: true })), this.entry(plan.case, 'import', plan.previous)]);
        this.emit({ type: 'upsert', case: plan.case, cause: 'import', ...(plan.previous ? { previous: plan.previous } : {}) });
        if (plan.replacesTrashed) {
          await unlink(this.caseFile(plan.case.id, TRASH)).catch(() => undefined);
          this.trashChecked.delete(plan.case.id);
        }
      }
      this.scheduleIndexFlush();
      return {
        results: plans.map((p) => ({ index: p.index, id: p.case.id, title: p.case.title, action: p.action, ...(p.note ? { note: p.note } : {}) })),
      };
    });
  }

  async exportBundle(ids?: string[], options: { history?: boolean } = {}): Promise<ExportedBundle> {
    this.assertOpen();
    const cases: CaseFile[] = [];
    if (ids) for (const id of ids) cases.push(await this.get(id));
    else {
      for await (const c of this.all()) cases.push(c);
      cases.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    }
    const bundle: ExportedBundle = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: this.now(), cases };
    if (options.history) {
      bundle.history = emptyIdRecord();
      for (const c of cases) setOwn(bundle.history, c.id, (await this.historyLog.read(c.id)).entries);
    }
    return bundle;
  }

  // --- history ---------------------------------------------------------------------

  /** A case's saved changes, oldest first; live, trashed, or gone (the log outlives the file). */
  async history(id: string): Promise<AuditEntry[]> {
    this.assertOpen();
    const { entries } = await this.historyLog.read(id);
    if (entries.length === 0 && !this.entries.has(id) && !(await this.trashed(id))) throw new ServiceError('not_found', `There is no case with id "${id}".`);
    return entries;
  }

}
