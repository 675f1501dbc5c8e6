import type { Appearance } from '../../../shared/people';
import { throwIfCancelled, type CallContext } from '../callContext';
import type { CaseStoreBase, StoreChange } from '../store/caseStore';
import { groupActors, type Actor } from './aggregate';
import { readCuration, type PeopleFile } from './curation';
import { appearancesOf } from './extract';

// The appearances of every case, kept in step with the store: built once by reading
// every case (as stats.caseload does), then updated from the store's change feed — a
// saved, imported, trashed or externally changed case replaces or drops its own
// appearances only. The grouping into actors is made on demand and kept until a case
// or the corrections file changes.

export type Grouped = { actors: Map<string, Actor>; curation: PeopleFile; problem: string };

class PeopleIndex {
  private byCase: Map<string, Appearance[]> | null = null;
  private building: Promise<Map<string, Appearance[]>> | null = null;
  private pending: StoreChange[] = [];
  private generation = 0;
  private grouped: { generation: number; stamp: string; value: Grouped } | null = null;

  constructor(private readonly store: CaseStoreBase) {
    store.subscribe((change) => {
      if (this.byCase) this.apply(this.byCase, change);
      else if (this.building) this.pending.push(change);
    });
  }

  private apply(byCase: Map<string, Appearance[]>, change: StoreChange): void {
    if (change.type === 'upsert') byCase.set(change.case.id, appearancesOf(change.case));
    else byCase.delete(change.id);
    this.generation++;
  }

  get ready(): boolean {
    return this.byCase !== null;
  }

  /** Every case's appearances; the first call reads every case. */
  private ensure(context: CallContext): Promise<Map<string, Appearance[]>> {
    if (this.byCase) return Promise.resolve(this.byCase);
    this.building ??= this.build(context).catch((err: unknown) => {
      this.building = null;
      this.pending = [];
      throw err;
    });
    return this.building;
  }

  private async build({ signal, onProgress }: CallContext): Promise<Map<string, Appearance[]>> {
    const byCase = new Map<string, Appearance[]>();
    const total = this.store.ids().length;
    onProgress?.({ done: 0, total, label: 'people' });
    for await (const c of this.store.all()) {
      throwIfCancelled(signal, 'Indexing the people across cases');
      byCase.set(c.id, appearancesOf(c));
      // Every 64 cases (a batch the store reads at once): enough for a bar, few enough messages.
      if (byCase.size % 64 === 0) onProgress?.({ done: Math.min(byCase.size, total), total, label: 'people' });
    }
    onProgress?.({ done: total, total, label: 'people' });
    for (const change of this.pending) this.apply(byCase, change);
    this.pending = [];
    this.byCase = byCase;
    this.building = null;
    this.generation++;
    return byCase;
  }

  /** The actors under the corrections now in the folder (re-read on every call: another device may have synced a change). */
  async actors(context: CallContext = {}): Promise<Grouped> {
    const byCase = await this.ensure(context);
    const { curation, stamp, problem } = await readCuration(this.store);
    const cached = this.grouped;
    if (cached && cached.generation === this.generation && cached.stamp === stamp) return cached.value;
    const generation = this.generation;
    const value: Grouped = { actors: groupActors(allOf(byCase), curation), curation, problem };
    this.grouped = { generation, stamp, value };
    return value;
  }
}

function* allOf(byCase: Map<string, Appearance[]>): Generator<Appearance> {
  for (const list of byCase.values()) yield* list;
}

const indexes = new WeakMap<CaseStoreBase, PeopleIndex>();

/** The one people index of an open store, made on first use. */
export function peopleIndexOf(store: CaseStoreBase): PeopleIndex {
  let index = indexes.get(store);
  if (!index) {
    index = new PeopleIndex(store);
    indexes.set(store, index);
  }
  return index;
}
