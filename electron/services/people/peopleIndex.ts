import type { Appearance } from '../../../shared/people';
import type { CallContext } from '../callContext';
import type { CaseStoreBase } from '../store/caseStore';
import { groupActors, type Actor } from './aggregate';
import { caseFactsOf, type FactsEntry } from './caseFacts';
import { readCuration, type PeopleFile } from './curation';

// The people across cases, from every case's facts (caseFacts.ts: the appearances of each
// case, kept in step with the store and between runs, so no whole case is read for them
// unless it changed). The grouping into actors is made on demand and kept until a case or
// the corrections file changes.

export type Grouped = { actors: Map<string, Actor>; curation: PeopleFile; problem: string };

class PeopleIndex {
  private grouped: { generation: number; stamp: string; value: Grouped } | null = null;

  constructor(private readonly store: CaseStoreBase) {}

  /** The actors under the corrections now in the folder (re-read on every call: another device may have synced a change). */
  async actors(context: CallContext = {}): Promise<Grouped> {
    const facts = caseFactsOf(this.store);
    const byCase = await facts.entries(context, 'people');
    const { curation, stamp, problem } = await readCuration(this.store);
    const cached = this.grouped;
    if (cached && cached.generation === facts.generation && cached.stamp === stamp) return cached.value;
    const generation = facts.generation;
    const value: Grouped = { actors: groupActors(allOf(byCase, this.store), curation), curation, problem };
    this.grouped = { generation, stamp, value };
    return value;
  }
}

// In the order the cases were created (then by id), not the map's (which is how the facts were
// filled: from the file, read again, or from the change feed): the same cases must name an actor the
// same way whichever way they came, and a tie between spellings goes to the oldest case's.
function* allOf(byCase: ReadonlyMap<string, FactsEntry>, store: CaseStoreBase): Generator<Appearance> {
  const created = (id: string) => store.summary(id)?.createdAt ?? '';
  const ids = [...byCase.keys()].sort((a, b) => (created(a) < created(b) ? -1 : created(a) > created(b) ? 1 : a < b ? -1 : a > b ? 1 : 0));
  for (const id of ids) yield* byCase.get(id)!.people;
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
