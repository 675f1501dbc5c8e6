import type { Api } from '../../../shared/contract';

// "Prepared by" is the data folder's setting (settings.json, sealed when the folder
// is encrypted). Earlier versions kept it in this browser's localStorage, in plain
// text outside the folder: a value found there is moved into the folder once and
// deleted from localStorage.

export const LEGACY_PREPARED_BY_KEY = 'casefile.preparedBy';

type Deps = {
  api: Pick<Api, 'settings.get' | 'settings.set'>;
  /** localStorage, or null where it is unavailable (written without DOM types: the tests run it in Node). */
  storage: { getItem(key: string): string | null; removeItem(key: string): void } | null;
};

function legacy(storage: Deps['storage']): string | null {
  try {
    return storage?.getItem(LEGACY_PREPARED_BY_KEY)?.replace(/\s+/g, ' ').trim() || null;
  } catch {
    return null;
  }
}

function forget(storage: Deps['storage']): void {
  try {
    storage?.removeItem(LEGACY_PREPARED_BY_KEY);
  } catch {
    // nothing to forget where there is no storage
  }
}

/** The folder's "Prepared by" ('' when none), after moving an old localStorage value into the folder. */
export async function loadPreparedBy({ api, storage }: Deps): Promise<string> {
  const got = await api['settings.get']({});
  if (!got.ok) return '';
  const old = legacy(storage);
  if (old === null) return got.value.preparedBy ?? '';
  // The folder's own value wins; an old one only fills an empty folder. Deleted only once the folder holds a value.
  if (got.value.preparedBy) {
    forget(storage);
    return got.value.preparedBy;
  }
  const moved = await api['settings.set']({ preparedBy: old.slice(0, 200) });
  if (!moved.ok) return old;
  forget(storage);
  return moved.value.preparedBy ?? '';
}

/** Stores a changed name in the folder ('' clears it); false when the folder refused. */
export async function savePreparedBy({ api }: Pick<Deps, 'api'>, name: string, stored: string): Promise<boolean> {
  const by = name.replace(/\s+/g, ' ').trim();
  if (by === stored) return true;
  return (await api['settings.set']({ preparedBy: by || null })).ok;
}
