import { rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Bundle, CaseDraft, CaseFile } from '../../../shared/model';
import { isAnchored, markAnchored } from '../cases/preanchored';
import { ServiceError } from '../errors';
import type { CarriedOriginal } from '../isolation/containerCheck';
import { openEntry, openZip, zipEntries, type ZipSource } from '../isolation/zipEntries';
import { FILE_ENTRY } from './containerRules';

/** What an import needs of the folder's originals (originals/originalStore.ts). */
export type OriginalsAccess = {
  has(sha256: string): Promise<boolean>;
  put(source: Readable, options: { maxBytes?: number; signal?: AbortSignal; name?: string }): Promise<{ sha256: string; size: number; existed: boolean }>;
  pathOf(sha256: string): string;
};

/**
 * A source's `file` record is kept only when its original comes with the import (a checked
 * container entry) or is in this folder already; otherwise it is dropped, and the case's
 * report says which source lost it — a record naming bytes nobody holds would fail
 * `verify` and show an original that cannot be opened.
 */
export async function keepReachableFiles(
  bundle: Bundle,
  carried: ReadonlySet<string>,
  originals: Pick<OriginalsAccess, 'has'>,
): Promise<{ bundle: Bundle; notes: Map<number, string[]> }> {
  const notes = new Map<number, string[]>();
  const present = new Map<string, boolean>();
  const reachable = async (sha: string) => {
    if (carried.has(sha)) return true;
    if (!present.has(sha)) present.set(sha, await originals.has(sha));
    return present.get(sha)!;
  };
  const cases: CaseDraft[] = [];
  for (const [ci, c] of bundle.cases.entries()) {
    const sources: CaseDraft['sources'] = [];
    for (const s of c.sources) {
      if (!s.file || (await reachable(s.file.sha256))) {
        sources.push(s);
        continue;
      }
      const { file, ...rest } = s;
      sources.push(rest);
      const list = notes.get(ci) ?? [];
      list.push(`source ${s.id ? `"${s.id}" ` : ''}(“${s.title}”) was imported without its original file "${file.name}" (SHA-256 ${file.sha256}): the bundle does not carry it and this folder does not hold it; add the file to the source again to keep it`);
      notes.set(ci, list);
    }
    // A case whose every file is reachable goes on as it came: the same object keeps the mark the
    // import's worker gave it (cases/preanchored), so its quotes are not searched again on this thread.
    if (!notes.has(ci)) cases.push(c);
    else cases.push(isAnchored(c) ? markAnchored({ ...c, sources }) : { ...c, sources });
  }
  return { bundle: { ...bundle, cases }, notes };
}

/**
 * Stores the checked container's originals that the written cases cite, streamed from
 * the ZIP into the store (which hashes them again: a container changed since the
 * worker checked it is caught here). Returns the undo: it removes the originals this
 * import added, and nothing that was there before. On a failure it undoes itself.
 */
export async function putCarried(
  originals: OriginalsAccess,
  zipPath: ZipSource,
  carried: readonly CarriedOriginal[],
  cases: readonly CaseFile[],
  signal?: AbortSignal,
): Promise<() => Promise<void>> {
  const cited = new Set(cases.flatMap((c) => c.sources.flatMap((s) => (s.file ? [s.file.sha256] : []))));
  const wanted = new Map(carried.filter((o) => cited.has(o.sha256)).map((o) => [o.sha256, o.size]));
  const added: string[] = [];
  const undo = async () => {
    for (const sha of added.reverse()) {
      const file = originals.pathOf(sha);
      await unlink(file).catch(() => undefined);
      await rmdir(path.dirname(file)).catch(() => undefined); // the shard folder, when this import made it
      await rmdir(path.dirname(path.dirname(file))).catch(() => undefined); // files/, when it was made for this import
    }
  };
  if (wanted.size === 0) return undo;
  const zip = await openZip(zipPath).catch((err: Error) => {
    throw new ServiceError('io', `The bundle could not be opened again to store its originals (${err.message}); nothing was stored.`);
  });
  try {
    for await (const entry of zipEntries(zip)) {
      const sha = FILE_ENTRY.exec(entry.fileName.toString('latin1'))?.[1];
      const size = sha === undefined ? undefined : wanted.get(sha);
      if (sha === undefined || size === undefined) continue;
      wanted.delete(sha);
      if (await originals.has(sha)) continue;
      const stored = await originals.put(await openEntry(zip, entry), { maxBytes: size, name: `files/${sha}`, ...(signal ? { signal } : {}) });
      if (!stored.existed) added.push(stored.sha256);
      if (stored.sha256 !== sha || stored.size !== size) {
        throw new ServiceError('bad_input', `The bundle changed while it was imported: its entry files/${sha} now holds other bytes (SHA-256 ${stored.sha256}). Nothing was stored; import it again.`);
      }
    }
    if (wanted.size > 0) throw new ServiceError('bad_input', `The bundle changed while it was imported: ${[...wanted.keys()].map((s) => `files/${s}`).join(', ')} is gone. Nothing was stored; import it again.`);
    return undo;
  } catch (err) {
    await undo();
    throw err instanceof ServiceError ? err : new ServiceError('io', `Storing the bundle's originals failed (${(err as Error).message}); nothing was stored.`);
  } finally {
    zip.close();
  }
}
