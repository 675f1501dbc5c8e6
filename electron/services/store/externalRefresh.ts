import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { CaseFile } from '../../../shared/model';
import { statFiles, type FileState } from '../disk/statFiles';
import type { CaseRead } from './caseCodec';
import type { Catalogue } from './catalogue';
import type { QuarantineEntry } from './quarantine';
import { isCaseFileName, reconcile } from './reconcile';

// A folder another device writes into (Syncthing): cases/ and trash/ brought in line with
// the catalogue by the same reconcile the open runs, each change told to the store's
// listeners with cause 'external'. Only files whose state differs from the catalogue's
// are read, so the app's own saves (in the catalogue already) are neither read again nor
// announced twice.

export type ExternalChange =
  | { type: 'upsert'; case: CaseFile; previous?: CaseFile; cause: 'external' }
  | { type: 'remove'; id: string; cause: 'trash' | 'quarantine' | 'external' };

export type RefreshIo = {
  readCase(file: string): Promise<CaseRead>;
  quarantine(file: string, reason: string): Promise<QuarantineEntry>;
  quarantined: QuarantineEntry[];
  /** The store's cache of whole cases: a change's `previous` comes from it, and each new version goes in. */
  cache: Map<string, { case: CaseFile; file: FileState }>;
  emit(change: ExternalChange): void;
  /** The catalogue changed: the summary index is due a write. */
  flush(): void;
};

/** Re-reads what changed in cases/ and trash/ and tells each change; returns how many cases changed. */
export async function refreshExternal(catalogue: Catalogue, dataDir: string, io: RefreshIo): Promise<number> {
  const casesDir = path.join(dataDir, 'cases');
  const names = (await readdir(casesDir).catch(() => [] as string[])).filter(isCaseFileName);
  const before = new Set(catalogue.cases.keys());
  const read = new Map<string, CaseFile>();
  const quarantinedIds = new Set<string>();
  const changed = await reconcile(catalogue, dataDir, await statFiles(casesDir, names), {
    readCase: async (file) => {
      const result = await io.readCase(file);
      if (result.ok && path.dirname(file) === casesDir) read.set(result.value.id, result.value);
      return result;
    },
    quarantine: (file, reason) => {
      if (path.dirname(file) === casesDir) quarantinedIds.add(path.basename(file, '.json'));
      return io.quarantine(file, reason);
    },
    quarantined: io.quarantined,
  });
  if (changed) io.flush();
  const changes: ExternalChange[] = [];
  for (const [id, c] of read) {
    const entry = catalogue.cases.get(id);
    if (!entry) continue;
    const was = io.cache.get(id)?.case;
    io.cache.delete(id);
    io.cache.set(id, { case: c, file: { mtimeMs: entry.mtimeMs, size: entry.size, ctimeMs: entry.ctimeMs, ino: entry.ino } });
    changes.push({ type: 'upsert', case: c, cause: 'external', ...(was ? { previous: was } : {}) });
  }
  for (const id of before) {
    if (catalogue.cases.has(id)) continue;
    io.cache.delete(id);
    changes.push({ type: 'remove', id, cause: quarantinedIds.has(id) ? 'quarantine' : catalogue.trash.has(id) ? 'trash' : 'external' });
  }
  for (const change of changes) io.emit(change);
  return changes.length;
}
