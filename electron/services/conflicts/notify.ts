import type { CaseStoreBase } from '../store/caseStore';

// Who hears that a folder's set of conflicts changed (a scan found a new copy, or one
// was settled): the session forwards it as the `conflicts.changed` event.

type Listener = (count: number) => void;
const listeners = new WeakMap<CaseStoreBase, Set<Listener>>();
const lastSeen = new WeakMap<CaseStoreBase, string>();

export function onConflictsChanged(store: CaseStoreBase, listener: Listener): () => void {
  const set = listeners.get(store) ?? new Set<Listener>();
  listeners.set(store, set);
  set.add(listener);
  return () => set.delete(listener);
}

/** Tells the listeners when `files` (the unresolved copies) differ from what they last heard. */
export function noteConflicts(store: CaseStoreBase, files: readonly string[]): void {
  const key = files.join('\n');
  // A folder starts with none known: a first scan that finds none says nothing.
  if ((lastSeen.get(store) ?? '') === key) return;
  lastSeen.set(store, key);
  for (const listener of listeners.get(store) ?? []) {
    try {
      listener(files.length);
    } catch {
      // A client that cannot take the news must not fail the scan.
    }
  }
}
