import type { SearchHit, SearchQuery } from '../../../shared/model/search';
import { hasCaseFilter, matchesCaseFilter } from '../../../shared/model/listFilter';
import type { CaseStoreBase, StoreChange } from '../store/caseStore';
import { CaseSearchIndex } from './caseSearchIndex';
import { SEARCH_INDEX_FILE } from '../disk/folderLayout';
import { decodeIndex, encodeIndex, snapshotIndex } from './persistedIndex';
import type { DocFile } from './indexTypes';
import { buildFromStore } from './buildPool';

/** A saved index is brought up to date case by case; past this share of changed cases (and this many) a rebuild is quicker. */
const MAX_STALE_SHARE = 0.25;
const MAX_STALE_CASES = 64;
/**
 * Writing the index copies ~80 MB at 100,000 cases (a few megabytes per turn of the
 * event loop, so saves go on meanwhile) and is durable, so it waits until nobody is
 * saving or searching for this long…
 */
const SAVE_IDLE_MS = 5_000;
/** …or at the latest this long after the first unsaved change. */
const SAVE_MAX_STALE_MS = 120_000;

const sameDoc = (a: DocFile, b: DocFile) => a.mtimeMs === b.mtimeMs && a.size === b.size && a.ctimeMs === b.ctimeMs && a.ino === b.ino && a.rev === b.rev;

/**
 * Keeps the search index in step with the store. The index is built on first
 * use (or `warm()` at app start) — from the copy saved in the data folder when
 * there is one, re-indexing only the cases whose files changed since, else from
 * every case; from then on each saved change updates it in place — no rebuild.
 * Changes that arrive while it builds are applied when it is done, so none is
 * missed. It is saved after a build, when changes pause, and when the store
 * closes: outside the save queue, durably, sealed in an encrypted folder.
 */
export class SearchService {
  private built: CaseSearchIndex | null = null;
  private building: Promise<CaseSearchIndex> | null = null;
  private pending: StoreChange[] = [];
  private restates: string[] = [];
  private dirty = false;
  private dirtySince = 0;
  private saveTimer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();

  /** Saved changes not yet applied to the built index: applied just after the save resolves, or by the next query. */
  private queued: StoreChange[] = [];

  constructor(
    private readonly store: CaseStoreBase,
    /** Cases indexed of those to index, as a build from every case goes (a copied archive's first open); the last report has done = total. */
    private readonly onProgress?: (p: { done: number; total: number }) => Promise<void> | void,
  ) {
    store.subscribe((change) => {
      if (this.built) {
        // Indexing a case costs about as much as saving it: done after the save resolves, not inside it.
        if (this.queued.push(change) === 1) setImmediate(() => this.drain());
      } else if (this.building) this.pending.push(change);
    });
    // A copied folder's files, found to hold what was indexed: their new states, so the next open trusts the saved index.
    store.onRestated((id) => {
      if (this.built) {
        this.drain();
        this.restate(this.built, id);
      } else if (this.building) this.restates.push(id);
    });
    store.beforeClose(() => this.save());
  }

  private drain(): void {
    const changes = this.queued;
    this.queued = [];
    for (const change of changes) this.apply(this.built!, change);
  }

  /** Starts building in the background, so the first search does not wait. */
  warm(): Promise<void> {
    return this.ensure().then(() => undefined);
  }

  get ready(): boolean {
    return this.built !== null;
  }

  private ensure(): Promise<CaseSearchIndex> {
    if (this.built) return Promise.resolve(this.built);
    // A build that failed (a disk hiccup) is forgotten, so the next search tries again.
    this.building ??= this.build().catch((err: unknown) => {
      this.building = null;
      throw err;
    });
    return this.building;
  }

  private apply(index: CaseSearchIndex, change: StoreChange): void {
    // Each case carries the state of the file it was indexed from: what the saved copy is checked against.
    if (change.type === 'upsert') index.upsert(change.case, { ...change.file, rev: change.case.rev });
    else index.remove(change.id);
    this.markDirty();
  }

  private restate(index: CaseSearchIndex, id: string): void {
    const file = this.store.fileState(id);
    const rev = this.store.summary(id)?.rev;
    if (!file || rev === undefined) return;
    index.restate(id, { ...file, rev });
    this.markDirty();
  }

  private async build(): Promise<CaseSearchIndex> {
    const index = (await this.fromSaved()) ?? (await this.fromCases());
    for (const change of this.pending) this.apply(index, change);
    for (const id of this.restates) this.restate(index, id);
    this.pending = [];
    this.restates = [];
    this.built = index;
    void this.onProgress?.({ done: index.size, total: index.size });
    if (this.dirty) this.markDirty();
    return index;
  }

  /** Every case, counted by worker threads and merged here (search/buildPool.ts); the index keeps short fields only. */
  private async fromCases(): Promise<CaseSearchIndex> {
    const { store, onProgress } = this;
    const total = store.count();
    let done = 0;
    await onProgress?.({ done, total });
    const abort = new AbortController();
    // Closing the store stops the build's workers (each wipes its copy of the key).
    const stop = store.beforeClose(async () => abort.abort(new Error('the store closed while the search index was being built')));
    try {
      const index = await buildFromStore(store, { signal: abort.signal, onCases: (n) => onProgress?.({ done: Math.min((done += n), total), total }) });
      this.dirty = true;
      return index;
    } finally {
      stop();
    }
  }

  /** The saved index, brought up to date with the store; null when there is none or it is not worth it. */
  private async fromSaved(): Promise<CaseSearchIndex | null> {
    const bytes = await this.store.readDerivedFile(SEARCH_INDEX_FILE).catch(() => null);
    if (!bytes) return null;
    // In an encrypted folder the index is copied out and the plain bytes wiped; otherwise it works on them.
    const index = await decodeIndex(bytes, { copy: this.store.encrypted });
    if (this.store.encrypted) bytes.fill(0);
    if (!index) return null;
    const live = new Set(this.store.ids());
    const stale: string[] = [];
    for (const id of live) {
      const known = index.fileOf(id);
      const file = this.store.fileState(id);
      const rev = this.store.summary(id)?.rev;
      if (!known || !file || rev === undefined || !sameDoc(known, { ...file, rev })) stale.push(id);
    }
    if (stale.length > MAX_STALE_CASES && stale.length > live.size * MAX_STALE_SHARE) return null;
    let changed = stale.length > 0;
    for (const id of index.ids()) {
      if (!live.has(id)) {
        index.remove(id);
        changed = true;
      }
    }
    for (const id of stale) {
      const c = await this.store.get(id).catch(() => null); // gone or quarantined meanwhile: its change says so
      const file = this.store.fileState(id);
      if (c && file) index.upsert(c, { ...file, rev: c.rev });
      else index.remove(id);
    }
    if (changed) this.dirty = true;
    return index;
  }

  private markDirty(): void {
    if (!this.dirty || this.dirtySince === 0) this.dirtySince = Date.now();
    this.dirty = true;
    this.postponeSave();
  }

  /** (Re)starts the wait for a quiet moment: after a change, and at every search while there is something to save. */
  private postponeSave(): void {
    if (!this.dirty) return;
    const wait = Math.max(0, Math.min(SAVE_IDLE_MS, this.dirtySince + SAVE_MAX_STALE_MS - Date.now()));
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), wait);
    this.saveTimer.unref();
  }

  /**
   * Writes the index to the data folder when it has changed since it was last
   * written. A failure costs nothing but a longer next open: it is tried again
   * at the next change or at close.
   */
  save(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saving = this.saving.then(async () => {
      // Drained and taken between saves (store whenQuiet); the snapshot is then copied
      // out a piece at a time, with saves going on: nothing in it changes meanwhile.
      const snapshot = await this.store.whenQuiet(() => {
        const index = this.built;
        if (index) this.drain();
        if (!index || !this.dirty) return null;
        this.dirty = false;
        this.dirtySince = 0;
        return snapshotIndex(index);
      });
      if (!snapshot) return;
      try {
        await this.store.writeDerivedFile(SEARCH_INDEX_FILE, await encodeIndex(snapshot), true);
      } catch {
        this.dirty = true;
      }
    });
    return this.saving;
  }

  async query(q: SearchQuery): Promise<SearchHit[]> {
    const index = await this.ensure();
    this.drain(); // a search right after a save sees it
    this.postponeSave(); // someone is searching: not the moment to write the index
    const filtered = hasCaseFilter(q);
    // The list filters are answered from the store's summaries, the same data cases.list filters.
    const filter = (id: string) => {
      const s = this.store.summary(id);
      if (!s) return false;
      return matchesCaseFilter(s, q);
    };
    const { hits, reached } = index.searchRaw(q.query, { limit: q.limit, ...(filtered ? { filter } : {}) });
    const complete = async (raw: (typeof hits)[number]): Promise<SearchHit | null> => {
      if (index.keepsField(raw)) return index.completeHit(raw, reached);
      const c = await this.store.peek(raw.id); // gone or quarantined since: no hit
      return c ? index.completeHit(raw, reached, c) : null;
    };
    // A hit quoting a confidential annotation, event or source says so (`confidential: true`).
    return (await Promise.all(hits.map(complete))).filter((hit): hit is SearchHit => hit !== null);
  }
}

