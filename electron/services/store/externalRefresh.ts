import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { CaseFile } from '../../../shared/model';
import { sameFile, statFiles, type FileState, type FileStates } from '../disk/statFiles';
import { isEncryptedBytes } from '../crypto/envelope';
import type { CaseRead } from './caseCodec';
import type { Catalogue } from './catalogue';
import type { QuarantineEntry } from './quarantine';
import { isLiveCaseFileName as isCaseFileName } from '../disk/folderLayout';
import { reconcile } from './reconcile';
import { settleSweep } from './confirmSweep';
import { caseDigest } from '../audit/digest';
import type { ManifestItem } from '../audit/manifest';

// A folder another device writes into (Syncthing): cases/ and trash/ brought in line with
// the catalogue by the same reconcile the open runs, each change told to the store's
// listeners with cause 'external'. Only files whose state differs from the catalogue's
// are read, so the app's own saves (in the catalogue already) are neither read again nor
// announced twice; and a file read again that still holds what the app last wrote (a copied
// folder) is not announced at all.

export type ExternalChange =
  | { type: 'upsert'; case: CaseFile; previous?: CaseFile; cause: 'external' }
  | { type: 'remove'; id: string; cause: 'trash' | 'quarantine' | 'external' };

export type RefreshIo = {
  readCase(file: string): Promise<CaseRead>;
  quarantine(file: string, reason: string): Promise<QuarantineEntry>;
  quarantined: QuarantineEntry[];
  /** True when the store seals its files (an encrypted folder). */
  sealed: boolean;
  /** The store's cache of whole cases: a change's `previous` comes from it, and each new version goes in. */
  cache: Map<string, { case: CaseFile; file: FileState }>;
  /** How many whole cases the cache keeps: the rest are read again when asked for. */
  cacheLimit: number;
  /** What this app last wrote of each case (the folder's manifest: revision and digest), read only when a file to re-read kept its revision. */
  recorded(): Promise<ReadonlyMap<string, ManifestItem>>;
  emit(change: ExternalChange): void;
  /** A case whose file was read again and found to hold what the app last wrote: only its state (the catalogue's now) changed, for caches on disk. */
  restated(id: string): void;
  /** The catalogue changed: the summary index is due a write. */
  flush(): void;
};

const head = async (file: string) => {
  const fd = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await fd.read(Buffer.alloc(16), 0, 16, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await fd.close();
  }
};

/**
 * Changed files sealed when the store is plain, or plain when it seals: the folder was
 * encrypted or decrypted on another device, and its vault.json may not have arrived yet.
 * They are not this key's to judge, so never quarantined: a known case keeps its entry (as if
 * unchanged) and a new one waits, until the folder is reopened with the new vault.
 */
async function setAsideOtherSeal(files: FileStates, catalogue: Catalogue, casesDir: string, sealed: boolean): Promise<{ files: FileStates; otherSeal: number }> {
  const kept: FileStates = [];
  let otherSeal = 0;
  for (const [name, state] of files) {
    const entry = catalogue.cases.get(name.slice(0, -'.json'.length));
    if (entry && sameFile(entry, state)) kept.push([name, state]);
    else if (isEncryptedBytes(await head(path.join(casesDir, name)).catch(() => Buffer.alloc(0))) === sealed) kept.push([name, state]);
    else {
      otherSeal++;
      if (entry) kept.push([name, { mtimeMs: entry.mtimeMs, size: entry.size, ctimeMs: entry.ctimeMs, ino: entry.ino }]);
    }
  }
  return { files: kept, otherSeal };
}

/** Re-reads what changed in cases/ and trash/ and tells each change; returns how many cases changed, and how many files are sealed otherwise than the store. */
export async function refreshExternal(catalogue: Catalogue, dataDir: string, io: RefreshIo, swept?: FileStates): Promise<{ changed: number; otherSeal: number }> {
  const casesDir = path.join(dataDir, 'cases');
  // `swept`: states taken outside the save queue (store/confirmSweep), settled here.
  const current = swept ? settleSweep(casesDir, swept, catalogue.cases) : await statFiles(casesDir, (await readdir(casesDir).catch(() => [] as string[])).filter(isCaseFileName));
  const { files, otherSeal } = await setAsideOtherSeal(current, catalogue, casesDir, io.sealed);
  const before = new Set(catalogue.cases.keys());
  const read = new Map<string, CaseFile>();
  const quarantinedIds = new Set<string>();
  let recorded: Promise<ReadonlyMap<string, ManifestItem>> | undefined;
  const same: string[] = [];
  let told = 0;
  const changed = await reconcile(catalogue, dataDir, files, {
    readCase: async (file) => {
      const result = await io.readCase(file);
      if (!result.ok || path.dirname(file) !== casesDir) return result;
      const c = result.value;
      // A new file holding what this app last wrote (a copied folder: every inode new, nothing
      // changed) is no change: its row takes the new state, no one is told, nothing is re-indexed.
      // Only the same revision with the same digest as the manifest's record counts as that.
      const known = catalogue.cases.get(c.id);
      if (known && known.summary.rev === c.rev) {
        const item = (await (recorded ??= io.recorded().catch(() => new Map<string, ManifestItem>()))).get(c.id);
        if (item?.rev === c.rev && item.sha256 === caseDigest(c)) {
          io.cache.delete(c.id);
          same.push(c.id);
          return result;
        }
      }
      read.set(c.id, c);
      return result;
    },
    quarantine: (file, reason) => {
      if (path.dirname(file) === casesDir) quarantinedIds.add(path.basename(file, '.json'));
      return io.quarantine(file, reason);
    },
    quarantined: io.quarantined,
    // Told a batch at a time (1,000 files), so a folder whose every file changed is never held whole in memory.
    afterBatch: () => {
      told += tellRead(catalogue, io, read);
      for (const id of same.splice(0)) io.restated(id);
    },
  });
  if (changed) io.flush();
  let removed = 0;
  for (const id of before) {
    if (catalogue.cases.has(id)) continue;
    io.cache.delete(id);
    io.emit({ type: 'remove', id, cause: quarantinedIds.has(id) ? 'quarantine' : catalogue.trash.has(id) ? 'trash' : 'external' });
    removed++;
  }
  return { changed: told + removed, otherSeal };
}

/** Each case read since the last batch, as it now stands in the catalogue, told as an external change (and cached, within the cache's limit); `read` is emptied. */
function tellRead(catalogue: Catalogue, io: RefreshIo, read: Map<string, CaseFile>): number {
  let told = 0;
  for (const [id, c] of read) {
    const entry = catalogue.cases.get(id);
    if (!entry) continue;
    const was = io.cache.get(id)?.case;
    io.cache.delete(id);
    io.cache.set(id, { case: c, file: { mtimeMs: entry.mtimeMs, size: entry.size, ctimeMs: entry.ctimeMs, ino: entry.ino } });
    while (io.cache.size > io.cacheLimit) io.cache.delete(io.cache.keys().next().value!);
    io.emit({ type: 'upsert', case: c, cause: 'external', ...(was ? { previous: was } : {}) });
    told++;
  }
  read.clear();
  return told;
}
