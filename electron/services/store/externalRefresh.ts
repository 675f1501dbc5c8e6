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
  /** True when the store seals its files (an encrypted folder). */
  sealed: boolean;
  /** The store's cache of whole cases: a change's `previous` comes from it, and each new version goes in. */
  cache: Map<string, { case: CaseFile; file: FileState }>;
  emit(change: ExternalChange): void;
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
  const changed = await reconcile(catalogue, dataDir, files, {
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
  return { changed: changes.length, otherSeal };
}
