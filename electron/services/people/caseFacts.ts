import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { CaseFile } from '../../../shared/model';
import { caseFacts, type CaseFacts } from '../../../shared/stats/caseFacts';
import { throwIfCancelled, type CallContext } from '../callContext';
import { CASE_FACTS_FILE, LOCAL_DIR } from '../disk/folderLayout';
import { sameFile, type FileState } from '../disk/statFiles';
import type { CaseStoreBase, StoreChange } from '../store/caseStore';
import { appearancesOf } from './extract';
import { decodeFacts, encodeFacts, type FactsEntry } from './factsFile';

// Every case's facts — what stats.caseload counts and the people it names — kept by the core
// so neither reads whole cases. Filled on first use from the file kept in the folder's
// machine-local corner (factsFile.ts): an entry whose revision and file state are those the
// catalogue holds now is used as it is; a case changed since (here or by another device, or
// behind the app's back) or missing is read again, and an entry of a case gone is dropped.
// Then kept in step from the store's change feed, and written back once saves pause and at
// close. The file is a cache: a failure to read or write it costs a rebuild, nothing more.

/** How long after the last change the file is written (a burst of saves writes it once). */
const SAVE_IDLE_MS = 2_000;
/** Cases read at once when filling in (as the store's own `all()` does). */
const BATCH = 64;

export type { FactsEntry } from './factsFile';

function factsEntryOf(c: CaseFile, file: FileState): FactsEntry {
  return { rev: c.rev, file, title: c.title, stats: caseFacts(c), people: appearancesOf(c) };
}

class CaseFactsIndex {
  private byCase: Map<string, FactsEntry> | null = null;
  private building: Promise<Map<string, FactsEntry>> | null = null;
  private pending: StoreChange[] = [];
  private restates: string[] = [];
  private dirty = false;
  private saveTimer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  /** Bumped at every change: those who derive from the facts (the people's grouping) keep theirs while it stays. */
  generation = 0;
  /** Cases read to fill in at the last build (for the bench and the tests' reports). */
  lastBuildReads = 0;

  constructor(private readonly store: CaseStoreBase) {
    store.subscribe((change) => {
      if (this.byCase) this.apply(this.byCase, change);
      else if (this.building) this.pending.push(change);
    });
    // A copied folder's files, found to hold what the entries were made from: their new states, so the next fill reads none.
    store.onRestated((id) => {
      if (this.byCase) this.restate(this.byCase, id);
      else if (this.building) this.restates.push(id);
    });
    store.beforeClose(() => this.save());
  }

  private restate(byCase: Map<string, FactsEntry>, id: string): void {
    const entry = byCase.get(id);
    const file = this.store.fileState(id);
    if (!entry || !file || entry.rev !== this.store.summary(id)?.rev) return;
    byCase.set(id, { ...entry, file });
    this.markDirty();
  }

  private apply(byCase: Map<string, FactsEntry>, change: StoreChange): void {
    if (change.type === 'upsert') byCase.set(change.case.id, factsEntryOf(change.case, change.file));
    else byCase.delete(change.id);
    this.generation++;
    this.markDirty();
  }

  /** Every live case's facts; the first call loads the file and reads only what changed since. */
  entries(context: CallContext = {}, label = 'facts'): Promise<ReadonlyMap<string, FactsEntry>> {
    if (this.byCase) return Promise.resolve(this.byCase);
    this.building ??= this.build(context, label).catch((err: unknown) => {
      this.building = null;
      this.pending = [];
      this.restates = [];
      throw err;
    });
    return this.building;
  }

  /** The caseload facts of every live case. */
  async stats(context: CallContext = {}): Promise<CaseFacts[]> {
    return [...(await this.entries(context, 'caseload')).values()].map((e) => e.stats);
  }

  private async load(): Promise<Map<string, FactsEntry> | null> {
    const bytes = await this.store.readDerivedFile(CASE_FACTS_FILE).catch(() => null);
    if (!bytes) return null;
    const saved = await decodeFacts(bytes);
    if (this.store.encrypted) bytes.fill(0);
    return saved;
  }

  private async build({ signal, onProgress }: CallContext, label: string): Promise<Map<string, FactsEntry>> {
    const saved = await this.load();
    const byCase = saved ?? new Map<string, FactsEntry>();
    let changed = saved === null;
    const live = new Set(this.store.ids());
    for (const id of byCase.keys()) {
      if (!live.has(id)) {
        byCase.delete(id);
        changed = true;
      }
    }
    const stale: string[] = [];
    for (const id of live) {
      const known = byCase.get(id);
      const file = this.store.fileState(id);
      if (!known || !file || known.rev !== this.store.summary(id)?.rev || !sameFile(known.file, file)) stale.push(id);
    }
    const total = stale.length;
    onProgress?.({ done: 0, total, label });
    for (let i = 0; i < stale.length; i += BATCH) {
      throwIfCancelled(signal, 'Reading the cases for the caseload and the people index');
      const batch = stale.slice(i, i + BATCH);
      // Gone or quarantined meanwhile: the store's change says so, and the entry is dropped.
      const read = await Promise.all(batch.map((id) => this.store.get(id).catch(() => null)));
      batch.forEach((id, j) => {
        const c = read[j];
        const file = this.store.fileState(id);
        if (c && file) byCase.set(id, factsEntryOf(c, file));
        else byCase.delete(id);
      });
      onProgress?.({ done: Math.min(i + BATCH, total), total, label });
    }
    this.lastBuildReads = stale.length;
    if (stale.length > 0) changed = true;
    for (const change of this.pending) this.apply(byCase, change);
    for (const id of this.restates) this.restate(byCase, id);
    this.pending = [];
    this.restates = [];
    this.byCase = byCase;
    this.building = null;
    this.generation++;
    if (changed) this.markDirty();
    return byCase;
  }

  private markDirty(): void {
    this.dirty = true;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), SAVE_IDLE_MS);
    this.saveTimer.unref();
  }

  /** Writes the facts when they changed since last written (after saves pause, and at close). */
  save(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saving = this.saving.then(async () => {
      const byCase = this.byCase;
      if (!byCase || !this.dirty) return;
      this.dirty = false;
      try {
        const bytes = await encodeFacts([...byCase]);
        await mkdir(path.join(this.store.dataDir, LOCAL_DIR), { recursive: true, mode: 0o700 });
        await this.store.writeDerivedFile(CASE_FACTS_FILE, bytes, true);
      } catch {
        this.dirty = true; // tried again at the next change or at close
      }
    });
    return this.saving;
  }
}

const indexes = new WeakMap<CaseStoreBase, CaseFactsIndex>();

/** The one facts index of an open store, made on first use. */
export function caseFactsOf(store: CaseStoreBase): CaseFactsIndex {
  let index = indexes.get(store);
  if (!index) {
    index = new CaseFactsIndex(store);
    indexes.set(store, index);
  }
  return index;
}
