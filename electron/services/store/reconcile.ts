import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileStateOf, sameFile, type FileState, type FileStates } from '../disk/statFiles';
import type { CaseRead } from './caseCodec';
import type { Catalogue } from './catalogue';
import type { QuarantineEntry } from './quarantine';
import { entryOf, type ReadEntries } from './readEntries';
import { isLiveCaseFileName as isCaseFileName } from '../disk/folderLayout';


/**
 * Brings the catalogue in line with cases/ and trash/: files whose mtime or size
 * disagree with their entry (or that have none) are parsed and validated —
 * quarantined when bad — and entries without a file are dropped. An untouched
 * archive opens without parsing a single case file. True when anything changed.
 */
export async function reconcile(
  catalogue: Catalogue,
  dataDir: string,
  files: FileStates,
  io: { readCase(file: string): Promise<CaseRead>; quarantine(file: string, reason: string): Promise<QuarantineEntry>; quarantined: QuarantineEntry[]; readEntries?: ReadEntries; progress?: (done: number, total: number) => void; afterBatch?: () => void },
): Promise<boolean> {
  const entries = catalogue.cases;
  const dir = path.join(dataDir, 'cases');
  const onDisk = new Set<string>();
  let changed = false;
  const stale: Array<[string, FileState]> = [];
  for (const [name, state] of files) {
    if (!isCaseFileName(name)) continue;
    const entry = entries.get(name.slice(0, -'.json'.length));
    if (entry && sameFile(entry, state)) onDisk.add(entry.summary.id);
    else stale.push([name, state]);
  }
  const BATCH = 1000; // files read at once when many changed (a first open reads them all)
  // A worker pool when the store has one (store/readPool.ts), reporting progress as it goes.
  const readEntries: ReadEntries = io.readEntries ?? (async (files, onRead) => {
    const read = await Promise.all(files.map(async (file) => entryOf(await io.readCase(file))));
    onRead?.(read.length);
    return read;
  });
  let done = 0;
  if (stale.length > 0) io.progress?.(0, stale.length);
  for (let i = 0; i < stale.length; i += BATCH) {
    const batch = stale.slice(i, i + BATCH);
    const results = await readEntries(batch.map(([name]) => path.join(dir, name)), (n) => io.progress?.((done += n), stale.length));
    for (const [k, [name, state]] of batch.entries()) {
      const result = results[k]!;
      changed = true;
      if (result.ok) {
        entries.set(result.summary.id, { summary: result.summary, agenda: result.agenda, ...state });
        onDisk.add(result.summary.id);
      } else {
        io.quarantined.push(await io.quarantine(path.join(dir, name), result.reason));
      }
    }
    io.afterBatch?.();
  }
  for (const id of entries.keys()) {
    if (!onDisk.has(id)) {
      entries.delete(id);
      changed = true;
    }
  }
  // Trashed cases are case files too: a damaged one is quarantined, not left to fail a later
  // restore. Each is read once; after that only when its file state changes.
  const trashDir = path.join(dataDir, 'trash');
  const inTrash = new Set<string>();
  for (const name of (await readdir(trashDir)).filter(isCaseFileName)) {
    const id = name.slice(0, -'.json'.length);
    const file = path.join(trashDir, name);
    const st = await stat(file);
    const known = catalogue.trash.get(id);
    if (known && sameFile(known, fileStateOf(st))) {
      inTrash.add(id);
      continue;
    }
    changed = true;
    const result = await io.readCase(file);
    if (result.ok) {
      catalogue.trash.set(id, fileStateOf(st));
      inTrash.add(id);
    } else io.quarantined.push(await io.quarantine(file, result.reason));
  }
  for (const id of catalogue.trash.keys()) {
    if (!inTrash.has(id)) {
      catalogue.trash.delete(id);
      changed = true;
    }
  }
  return changed;
}
