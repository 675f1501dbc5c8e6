import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { foldedId, isReservedDeviceName, RESERVED_ID_ERROR, type Issue, type PathSegment } from '../../../shared/model';
import { ServiceError } from '../errors';

/**
 * A folder's case ids (live and trashed) as the file systems of Windows and macOS
 * compare them: `CaseA.json` and `casea.json` are one file there. A folder written on
 * Linux may already hold both; it keeps opening, and `verify` warns of them.
 */
export class FolderIds {
  private readonly byFold = new Map<string, Set<string>>();

  constructor(ids: Iterable<string> = []) {
    for (const id of ids) this.add(id);
  }

  add(id: string): void {
    const key = foldedId(id);
    const same = this.byFold.get(key);
    if (same) same.add(id);
    else this.byFold.set(key, new Set([id]));
  }

  /** Whether `id`, or an id differing from it only by case, is taken. */
  taken(id: string): boolean {
    return this.byFold.has(foldedId(id));
  }

  /**
   * The id already here that differs from `id` only by case, when `id` itself is not
   * here: writing `id` would then overwrite that case's file on Windows and macOS.
   */
  caseTwin(id: string): string | undefined {
    const same = this.byFold.get(foldedId(id));
    if (!same || same.has(id)) return undefined;
    return [...same].sort()[0];
  }

  /** Groups of two or more ids that are one file on Windows and macOS. */
  collisions(): string[][] {
    return [...this.byFold.values()].filter((s) => s.size > 1).map((s) => [...s].sort());
  }
}

/**
 * A new case id: a random UUID that is neither taken (up to case) nor a device name.
 * A UUID is neither, in practice; the check makes it so whatever the folder holds.
 */
export function newCaseId(taken: (id: string) => boolean): string {
  for (;;) {
    const id = randomUUID();
    if (!taken(id) && !isReservedDeviceName(id)) return id;
  }
}

export const caseTwinMessage = (id: string, twin: string, where: string) =>
  `"${id}" differs only by case from the stored case "${twin}"${where}: on Windows and macOS both would be one file, and one would overwrite the other. Give the case another id, or leave the id out and Casefile makes one.`;

/**
 * Why a case may not be created under `id` in a folder holding `ids`: a device name, or
 * an id that differs only by case from one stored. Null when it may.
 */
export function newCaseIdIssue(id: string, ids: FolderIds, path: PathSegment[]): Issue | null {
  if (isReservedDeviceName(id)) return { path, message: `"${id}" ${RESERVED_ID_ERROR}` };
  const twin = ids.caseTwin(id);
  return twin === undefined ? null : { path, message: caseTwinMessage(id, twin, '') };
}

/**
 * The id a new case is stored under (`cases.create`): the draft's when the folder can
 * take it, else a new one. Refuses (bad_input, nothing written) a device name or an
 * id that differs only by case from a stored one.
 */
export function idForNewCase(given: string | undefined, ids: FolderIds, at: PathSegment[] = ['case', 'id']): string {
  if (given === undefined) return newCaseId((id) => ids.taken(id));
  const issue = newCaseIdIssue(given, ids, at);
  if (issue) throw new ServiceError('bad_input', `The case cannot be stored under the id "${given}"; nothing was written.`, [issue]);
  return given;
}

/** Restoring `id` from the Trash beside a live case differing only by case would make them one file on Windows and macOS. */
export function assertNoLiveTwin(id: string, live: Iterable<string>): void {
  const twin = new FolderIds(live).caseTwin(id);
  if (twin !== undefined) {
    throw new ServiceError('conflict', `The case list holds "${twin}", which differs only by case from "${id}": on Windows and macOS they would be one file. The trashed case was left in the Trash; export it and import it with “keep both” to give it a new id.`);
  }
}

const FIX = 'To fix it: export the case, import the export with “keep both” (the copy gets a new id) and move the old case to the Trash; its file there keeps the old name until you delete it from trash/.';

/**
 * Warnings for `verify` (never errors: the folder opens and works here): ids stored
 * before the rules that would not survive a copy to Windows or macOS, live and trashed.
 */
export function storedIdWarnings(live: Iterable<string>, trashed: Iterable<string>): Array<{ file: string; message: string }> {
  const files = new Map<string, string>();
  for (const id of trashed) files.set(id, path.join('trash', `${id}.json`));
  for (const id of live) files.set(id, path.join('cases', `${id}.json`));
  const warnings: Array<{ file: string; message: string }> = [];
  for (const [id, file] of files) {
    if (isReservedDeviceName(id)) warnings.push({ file, message: `the case id "${id}" names a Windows device: no Windows disk can hold this file, so a backup copied or synced there fails or loses it. ${FIX}` });
  }
  for (const group of new FolderIds(files.keys()).collisions()) {
    warnings.push({
      file: group.map((id) => files.get(id)!).join(', '),
      message: `the case ids ${group.map((id) => `"${id}"`).join(' and ')} differ only by case: on Windows and macOS they are one file, so a copy there keeps only one of them. ${FIX}`,
    });
  }
  return warnings;
}
