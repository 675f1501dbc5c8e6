import { closeSync, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatIssue, issuesFromZod } from '../../../shared/errors';
import { agendaItems, CaseFile, emptyIdRecord, ownValue, setOwn, summarize, type AuditCause, type AuditEntry, type Bundle, type CaseDraft, type CaseSummary, type AgendaItem, type SnapshotInfo, type SnapshotReason } from '../../../shared/model';
import type { ExportedBundle, ImportReport, ListQuery, OnConflict, TamperFinding, TrashEntry, VerifyReport } from '../../../shared/contract';
import { BUNDLE_FORMAT, BUNDLE_VERSION, checkReferences } from '../../../shared/model';
import { bundleIssues, finalizeCase, sha256Hex } from '../cases/finalize';
import { assertNoLiveTwin, FolderIds, idForNewCase, storedIdWarnings } from '../cases/caseIds';
import { planImport, type ImportPlan } from './importPlan';
import { ioError, isIoError, ServiceError } from '../errors';
import { aadForFile, decryptBytes, EncryptedFileError, EncryptedJsonFile, encryptBytes, openVault, recoverConversion, wipe } from '../crypto';
import { confirmRename, DurableJsonFile, fsyncDir, prepareDurable, UnconfirmedWriteError, writeFileDurably, type DurableFs } from './durableFile';
import { removeLeftovers } from '../crypto/folderLayout';
import { DataDirLock } from './lock';
import { statFiles, type FileStates } from './statFiles';
import { fileStateOf, fillAgendas, loadSummaryIndex, sameFile, SUMMARY_INDEX_FILE, writeSummaryIndex, type FileState, type IndexEntry, type SummaryIndex } from './summaryIndex';
import { CURRENT_SCHEMA_VERSION, migrate, readMeta, type Meta, type Migration } from './meta';
import { MIGRATIONS } from './migrations';
import { diffCases } from '../audit/diff';
import { HISTORY_DIR, HistoryLog } from '../audit/historyLog';
import { copyBackupsOut, copyDestination, createSnapshot, findValidCopy, listCheckedSnapshots, listSnapshots, pruneSnapshots, recoverRestore, verifySnapshots, type CopyOutReport } from '../backup';
import { HourlySnapshots } from '../backup/hourlySnapshots';
import { quarantinedCaseId, quarantinedFromTrash, quarantineName } from './quarantineNames';
import { checkHistories } from '../audit/historyCheck';
import { caseDigest } from '../audit/digest';
import { checkAtOpen, noteInManifest, openBaseline, withLastGood } from '../audit/tamper';

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

export type QuarantineEntry = { file: string; reason: string };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const CASES = 'cases';
const TRASH = 'trash';
const QUARANTINE = 'quarantine';
const META = 'meta.json';

const isCaseFileName = (name: string) => name.endsWith('.json') && !name.startsWith('.');

/** The summary index is written this long after the last change… */
const INDEX_IDLE_MS = 2000;
/** …or at the latest this long after the first unwritten one. */
const INDEX_MAX_STALE_MS = 30_000;


/**
 * V8 quotes the file's first characters in a JSON error: keep control characters
 * (terminal escapes, line breaks) out of reasons, and the half of a surrogate pair
 * its quote can cut off too — a reason is written to a .reason.txt as UTF-8 and must
 * read back as it was reported.
 */
const printable = (text: string) =>
  text
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/**
 * The case store: one JSON file per case under `cases/`, written
 * durably; `trash/` for trashed cases; `quarantine/` for files that failed to
 * load. The store holds the folder's lock for as long as it is open.
 */
export class CaseStore {
  /** One entry per case in cases/: its summary and the file state it came from. */
  private readonly entries: Map<string, IndexEntry>;
  /** The summary index's agenda line, parsed when the agenda is first needed (the list does not need it). */
  private unreadAgendas: Buffer | null;
  private agendasFilled: Promise<void> = Promise.resolve();
  /** Recently used whole cases, most recent last; checked against the file before use. */
  private readonly cache = new Map<string, { case: CaseFile; file: FileState }>();
  /** Trashed files checked (read and validated) in the state they are in; kept in the summary index. */
  private readonly trashChecked: Map<string, FileState>;
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private readonly closeHooks = new Set<() => Promise<void>>();
  private queue: Promise<unknown> = Promise.resolve();
  /** Backups in flight, one after another, beside the save queue. */
  private backups: Promise<unknown> = Promise.resolve();
  private closed = false;
  private indexDirty = false;
  private indexTimer: NodeJS.Timeout | undefined;
  /** When the index on disk first fell behind memory (0: it has not). */
  private indexStaleSince = 0;
  /** Index writes, one after another, beside the save queue. */
  private indexWrites: Promise<unknown> = Promise.resolve();
  private readonly historyLog: HistoryLog;
  /** Saves whose history entry could not be written (the save itself stands); `verify` reports them. */
  private readonly historyGaps: Array<{ id: string; rev: number; error: string }> = [];
  /** Saves the disk did not confirm (the folder sync failed after the rename): in place, maybe not durable. */
  private readonly unconfirmed: Array<{ file: string; id: string; rev: number; reason: string }> = [];
  /** What the open found tampered with (audit/tamper), for About and the window's banner. */
  tampered: readonly TamperFinding[] = [];
  private readonly hourly: HourlySnapshots | null;

  private constructor(
    readonly dataDir: string,
    private readonly lock: DataDirLock,
    private meta: Meta,
    /** Files quarantined by this open (the folder may hold older ones too). */
    readonly quarantinedNow: QuarantineEntry[],
    private readonly options: StoreOptions,
    index: SummaryIndex,
    /** The folder's data key when it is encrypted (wiped on close); every file then goes through the encrypted adapter. */
    private readonly dataKey: Buffer | null = null,
  ) {
    this.entries = index.cases;
    this.trashChecked = index.trash;
    this.unreadAgendas = index.agendas;
    this.historyLog = new HistoryLog(dataDir, dataKey, options.fs);
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
      for (const sub of [CASES, TRASH, QUARANTINE, HISTORY_DIR]) await mkdir(path.join(dir, sub), { recursive: true, mode: 0o700 });
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
        await pruneSnapshots(dir);
      }
      const unmigrated = meta;
      meta = await migrate(meta, metaFile, { dataDir: dir, casesDir: path.join(dir, CASES), dataKey, now: () => (options.now ?? (() => new Date()))().toISOString(), ...(options.fs ? { fs: options.fs } : {}) }, options.migrations ?? MIGRATIONS, target);
      if (meta !== unmigrated) caseNames = undefined; // a migration (or the end of one a crash cut short) may rewrite cases/
      // The index is read (in the thread pool) while this thread stats the case files.
      // Swept here when the open did not sweep the whole folder already (recoverConversion), or changed cases/ since.
      const names = (caseNames ?? (await removeLeftovers(dir, ['.', CASES, TRASH])).get(CASES)!).filter(isCaseFileName);
      const [index, onDisk] = await Promise.all([loadSummaryIndex(path.join(dir, SUMMARY_INDEX_FILE), dataKey ?? undefined), statFiles(path.join(dir, CASES), names)]);
      const baseline = await openBaseline(dir, index);
      const store = new CaseStore(dir, lock, meta, [], options, index, dataKey);
      await store.reconcile(onDisk);
      const quarantinedIds = (await store.listQuarantine()).map((q) => quarantinedCaseId(q.file)).filter((id): id is string => id !== null);
      store.tampered = await checkAtOpen({ dataDir: dir, key: dataKey, live: store.entries, ...baseline, trash: store.trashChecked.keys(), quarantined: quarantinedIds, now, ...(options.fs ? { fs: options.fs } : {}) });
      return store;
    } catch (err) {
      await lock.release();
      wipe(dataKey);
      throw err;
    }
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

  private async shutDown(): Promise<void> {
    // A snapshot still being written must finish under this key and before a conversion or restore starts.
    await this.hourly?.stop();
    await this.backups;
    await this.queue.catch(() => undefined);
    for (const hook of this.closeHooks) await hook().catch(() => undefined); // caches: a failure costs a rebuild, nothing more
    await this.queue.catch(() => undefined);
    this.closed = true;
    clearTimeout(this.indexTimer);
    await this.indexWrites;
    await this.flushIndex().catch(() => undefined); // a stale index heals on the next open
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
      return this.dataKey ? decryptBytes(this.dataKey, bytes, aadForFile(this.dataDir, path.join(this.dataDir, name))) : bytes;
    } catch {
      return null;
    }
  }

  async writeDerivedFile(name: string, bytes: Uint8Array): Promise<void> {
    this.assertOpen();
    const file = path.join(this.dataDir, name);
    await writeFileDurably(file, this.dataKey ? encryptBytes(this.dataKey, bytes, aadForFile(this.dataDir, file)) : bytes, this.options.fs);
  }

  // --- reading -------------------------------------------------------------

  private caseFile(id: string, where: typeof CASES | typeof TRASH = CASES): string {
    return path.join(this.dataDir, where, `${id}.json`);
  }

  private db(file: string): EncryptedJsonFile<unknown> | DurableJsonFile<unknown> {
    return this.dataKey
      ? new EncryptedJsonFile<unknown>(file, this.dataKey, aadForFile(this.dataDir, file), this.options.fs)
      : new DurableJsonFile<unknown>(file, this.options.fs);
  }

  /** Reads and validates one case file; says why when it cannot. */
  private async readCase(file: string): Promise<{ ok: true; value: CaseFile } | { ok: false; reason: string }> {
    let data: unknown;
    try {
      // A falsy document (null, false, 0, "") reads as null, as it did under lowdb's Low.
      data = (await this.db(file).read()) || null;
    } catch (err) {
      const reason =
        err instanceof SyntaxError ? `not valid JSON (${printable(err.message)})`
        : err instanceof EncryptedFileError ? err.message
        : `cannot be read (${printable((err as Error).message)})`;
      return { ok: false, reason };
    }
    const parsed = CaseFile.safeParse(data);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error).slice(0, 5);
      return { ok: false, reason: `not a valid case: ${issues.map(formatIssue).join('; ')}` };
    }
    const expected = `${parsed.data.id}.json`;
    if (path.basename(file) !== expected) return { ok: false, reason: `holds case id "${parsed.data.id}" but is named ${path.basename(file)}` };
    return { ok: true, value: parsed.data };
  }

  /**
   * Brings the summary index in line with cases/: files whose mtime or size
   * disagree with their entry (or that have none) are parsed and validated —
   * quarantined when bad — and entries without a file are dropped. An untouched
   * archive opens without parsing a single case file.
   */
  private async reconcile(files: FileStates): Promise<void> {
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
    if (changed) await this.flushIndex(true);
  }

  /**
   * The index is a cache: written in the background, not on every save, so a save
   * stays one small file; after a crash the stale entries heal on open. It is written
   * once saves pause for a moment (or every half minute while they never do), and
   * outside the save queue: a save never waits behind it. Entries are made from the
   * file state after each write, so whenever it is taken, the index only vouches for
   * states that were on disk.
   */
  private scheduleIndexFlush(): void {
    this.indexDirty = true;
    const now = Date.now();
    if (this.indexStaleSince === 0) this.indexStaleSince = now;
    clearTimeout(this.indexTimer);
    const wait = Math.max(0, Math.min(INDEX_IDLE_MS, this.indexStaleSince + INDEX_MAX_STALE_MS - now));
    this.indexTimer = setTimeout(() => {
      this.indexTimer = undefined;
      if (this.closed) return;
      this.indexWrites = this.indexWrites.then(() => this.flushIndex()).catch(() => undefined);
    }, wait);
    this.indexTimer.unref();
  }

  private async flushIndex(force = false): Promise<void> {
    if (!force && !this.indexDirty) return;
    this.indexDirty = false;
    this.indexStaleSince = 0;
    await this.withAgendas();
    const index = { cases: this.entries, trash: this.trashChecked };
    await writeSummaryIndex(path.join(this.dataDir, SUMMARY_INDEX_FILE), index, this.options.fs, this.dataKey ?? undefined);
  }

  /** Moves a bad file aside with a note of why; it is never overwritten or deleted. */
  private async quarantine(file: string, reason: string): Promise<QuarantineEntry> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    // The folder is part of the name: cases/x.json and trash/x.json may be quarantined in the same millisecond.
    const target = path.join(this.dataDir, QUARANTINE, quarantineName(stamp, file));
    const note = `${path.relative(this.dataDir, file)}: ${reason}\n`;
    if (this.dataKey) {
      // Encrypted folder: the bytes (whatever they are — a damaged envelope, or a plain file dropped in) and the
      // note are sealed under their own quarantine names, then the original goes. A crash in between leaves both: nothing lost.
      await writeFileDurably(target, encryptBytes(this.dataKey, await readFile(file), aadForFile(this.dataDir, target)));
      await writeFileDurably(`${target}.reason.txt`, encryptBytes(this.dataKey, note, aadForFile(this.dataDir, `${target}.reason.txt`)));
      await unlink(file);
    } else {
      await rename(file, target);
      await writeFile(`${target}.reason.txt`, note, { mode: 0o600 });
    }
    await fsyncDir(path.dirname(file));
    await fsyncDir(path.dirname(target));
    return { file: path.relative(this.dataDir, target), reason: `${path.relative(this.dataDir, file)}: ${reason}` };
  }

  /** Everything in `quarantine/`, from this open and earlier ones. */
  async listQuarantine(): Promise<QuarantineEntry[]> {
    const dir = path.join(this.dataDir, QUARANTINE);
    const names = (await readdir(dir)).filter((n) => !n.endsWith('.reason.txt')).sort();
    return Promise.all(
      names.map(async (name) => ({
        file: path.join(QUARANTINE, name),
        reason: (await this.readReason(path.join(dir, `${name}.reason.txt`))).trim(),
      })),
    );
  }

  private async readReason(file: string): Promise<string> {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return 'no reason recorded';
    }
    if (!this.dataKey) return bytes.toString('utf8');
    try {
      return decryptBytes(this.dataKey, bytes, aadForFile(this.dataDir, file)).toString('utf8');
    } catch (err) {
      // A note from before the folder was encrypted was converted with it; anything else is damaged.
      if (err instanceof EncryptedFileError) return `reason unreadable (${err.message})`;
      throw err;
    }
  }

  private assertOpen(): void {
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
      if (query.kind && c.kind !== query.kind) continue;
      if (query.status && c.status !== query.status) continue;
      if (query.priority && c.priority !== query.priority) continue;
      if (query.tag && !c.tags.includes(query.tag)) continue;
      rows.push(c);
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
          const text = this.dataKey ? decryptBytes(this.dataKey, bytes, aadForFile(this.dataDir, this.caseFile(id))) : bytes;
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

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    this.assertOpen();
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private now(): string {
    return (this.options.now ?? (() => new Date()))().toISOString();
  }

  /** A case file's bytes as the store writes them (sealed when the folder is encrypted). */
  private caseBytes(c: CaseFile): string | Buffer {
    const text = `${JSON.stringify(c, null, 2)}\n`;
    return this.dataKey ? encryptBytes(this.dataKey, text, aadForFile(this.dataDir, this.caseFile(c.id))) : text;
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
  private async writeCase(c: CaseFile, cause: 'create' | 'update' | 'recover', previous?: CaseFile): Promise<void> {
    const file = this.caseFile(c.id);
    try {
      await this.db(file).write(c);
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
    this.hourly?.saved(); // returns at once: the snapshot, when due, waits for the save queue to settle
  }

  /** Puts a recovered copy of a trashed case back into trash/ (it stays out of the list and the search). */
  private async writeTrashed(c: CaseFile): Promise<void> {
    const file = this.caseFile(c.id, TRASH);
    const text = `${JSON.stringify(c, null, 2)}\n`;
    try {
      await writeFileDurably(file, this.dataKey ? encryptBytes(this.dataKey, text, aadForFile(this.dataDir, file)) : text, this.options.fs);
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

  private async trashed(id: string): Promise<CaseFile | null> {
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

  // --- history and backups ---------------------------------------------------------

  /** A case's saved changes, oldest first; live, trashed, or gone (the log outlives the file). */
  async history(id: string): Promise<AuditEntry[]> {
    this.assertOpen();
    const { entries } = await this.historyLog.read(id);
    if (entries.length === 0 && !this.entries.has(id) && !(await this.trashed(id))) throw new ServiceError('not_found', `There is no case with id "${id}".`);
    return entries;
  }

  /**
   * A snapshot of the folder, then the rotation. It runs beside saves (at 10,000
   * cases a snapshot takes seconds, and the one at start must not hold up typing),
   * one backup at a time; closing and detaching wait for it.
   */
  backup(reason: SnapshotReason, onProgress?: (p: { done: number; total: number }) => void): Promise<SnapshotInfo> {
    this.assertOpen();
    const run = this.backups.then(async () => {
      this.assertOpen();
      const info = await createSnapshot(this.dataDir, { reason, key: this.dataKey, now: new Date(this.now()), ...(this.options.fs ? { fs: this.options.fs } : {}), ...(onProgress ? { onProgress } : {}) });
      await pruneSnapshots(this.dataDir);
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

  // --- checking ------------------------------------------------------------------

  /** Re-reads every file from disk and reports each problem; changes nothing. */
  async verify(): Promise<VerifyReport> {
    this.assertOpen();
    const problems: VerifyReport['problems'] = [];
    let checkedFiles = 0;
    const metaRaw = await readFile(path.join(this.dataDir, META), 'utf8').catch(() => null);
    checkedFiles++;
    if (metaRaw === null) problems.push({ file: META, message: 'missing' });
    for (const sub of [CASES, TRASH]) {
      for (const name of (await readdir(path.join(this.dataDir, sub))).sort()) {
        const rel = path.join(sub, name);
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
        c.sources.forEach((s, i) => {
          if (s.sha256 !== sha256Hex(s.text)) problems.push({ file: rel, message: `sources[${i}] "${s.title}": the text does not match its sha256 (it was changed outside Casefile)` });
        });
        for (const issue of checkReferences(c)) problems.push({ file: rel, message: formatIssue(issue) });
        if (sub === TRASH && this.entries.has(c.id)) problems.push({ file: rel, message: `a case with the same id is also in ${CASES}/` });
      }
    }
    for (const q of await this.listQuarantine()) problems.push({ file: q.file, message: `quarantined: ${q.reason}` });
    for (const u of this.unconfirmed) {
      problems.push({ file: u.file, message: `revision ${u.rev} was saved, but the disk did not confirm it (${u.reason}): it may not survive a power cut. Check the disk (free space, errors), then save the case again.` });
    }
    for (const gap of this.historyGaps) {
      problems.push({ file: path.join(HISTORY_DIR, `${gap.id}.jsonl`), message: `revision ${gap.rev} was saved but not recorded in the history (${gap.error})` });
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
    return { ok: problems.length === 0, checkedFiles, problems, warnings };
  }
}
