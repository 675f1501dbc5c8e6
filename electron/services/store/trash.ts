import { readdir, rename, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { summarize, type CaseFile } from '../../../shared/model';
import type { TrashEntry } from '../../../shared/contract';
import { assertNoLiveTwin } from '../cases/caseIds';
import { ioError, isIoError, ServiceError } from '../errors';
import { confirmRename, UnconfirmedWriteError, type DurableFs } from '../disk/durableFile';
import { fileStateOf, type FileState } from '../disk/statFiles';
import type { CaseRead } from './caseCodec';
import { isLiveCaseFileName as isCaseFileName } from '../disk/folderLayout';


/** What the trash needs of the store: its queue, its reads, and its bookkeeping once a file has moved. */
export type TrashHost = {
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  assertOpen(): void;
  now(): string;
  readonly fs: DurableFs | undefined;
  readonly trashDir: string;
  caseFile(id: string, where?: 'cases' | 'trash'): string;
  readCase(file: string): Promise<CaseRead>;
  get(id: string): Promise<CaseFile>;
  isLive(id: string): boolean;
  /** Live case ids. */
  liveIds(): IterableIterator<string>;
  /** Trashed files checked, in the state they were checked in (the catalogue's). */
  readonly checked: Map<string, FileState>;
  /** A move renamed into place that the disk did not confirm. */
  unconfirmed(err: UnconfirmedWriteError, c: CaseFile): void;
  /** After a case moved to trash/: out of the list, its history told. */
  left(c: CaseFile): Promise<void>;
  /** After a case moved back to cases/: into the list, its history told, the listeners. */
  returned(c: CaseFile): Promise<void>;
};

/** The trashed copy of a case, validated; null when the Trash holds none. */
export async function trashedCase(host: TrashHost, id: string): Promise<CaseFile | null> {
  const file = host.caseFile(id, 'trash');
  try {
    await stat(file);
  } catch {
    return null;
  }
  const result = await host.readCase(file);
  if (!result.ok) throw new ServiceError('internal', `The trashed copy of "${id}" is damaged: ${result.reason}`);
  return result.value;
}

/** Moves a case file between cases/ and trash/; once renamed, the move stands (see the store's writeCase). */
async function moveDurably(host: TrashHost, from: string, to: string, c: CaseFile): Promise<void> {
  try {
    await (host.fs?.rename ?? rename)(from, to);
  } catch (err) {
    throw isIoError(err) ? ioError(err, `move ${path.basename(from)}`) : err;
  }
  for (const file of [from, to]) {
    try {
      await confirmRename(file, host.fs);
    } catch (err) {
      if (!(err instanceof UnconfirmedWriteError)) throw err;
      host.unconfirmed(new UnconfirmedWriteError(to, err.reason), c);
    }
  }
}

export function trashCase(host: TrashHost, id: string): Promise<TrashEntry> {
  return host.exclusive(async () => {
    const c = await host.get(id);
    const target = host.caseFile(id, 'trash');
    if (await trashedCase(host, id)) throw new ServiceError('conflict', `The Trash already holds a case with id "${id}"; restore or remove it first.`);
    await moveDurably(host, host.caseFile(id), target, c);
    // The file's mtime records when it was trashed; the rename itself is the atomic step.
    const when = new Date(host.now());
    await utimes(target, when, when).catch(() => undefined);
    // Just validated (get), so the trashed file need not be read at the next open.
    const st = await stat(target).catch(() => null);
    if (st) host.checked.set(id, fileStateOf(st));
    await host.left(c);
    return { ...summarize(c), trashedAt: when.toISOString() };
  });
}

export function restoreCase(host: TrashHost, id: string): Promise<CaseFile> {
  return host.exclusive(async () => {
    if (host.isLive(id)) throw new ServiceError('conflict', `A case with id "${id}" is already in the list.`);
    assertNoLiveTwin(id, host.liveIds());
    const c = await trashedCase(host, id);
    if (!c) throw new ServiceError('not_found', `The Trash holds no case with id "${id}".`);
    await moveDurably(host, host.caseFile(id, 'trash'), host.caseFile(id), c);
    host.checked.delete(id);
    await host.returned(c);
    return c;
  });
}

export async function listTrash(host: TrashHost): Promise<TrashEntry[]> {
  host.assertOpen();
  const rows: TrashEntry[] = [];
  for (const name of (await readdir(host.trashDir)).filter(isCaseFileName)) {
    const file = path.join(host.trashDir, name);
    const result = await host.readCase(file);
    if (!result.ok) continue; // `verify` reports it
    rows.push({ ...summarize(result.value), trashedAt: (await stat(file)).mtime.toISOString() });
  }
  return rows.sort((a, b) => b.trashedAt.localeCompare(a.trashedAt));
}
