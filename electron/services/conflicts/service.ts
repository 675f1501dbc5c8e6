import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { CaseFile, type AuditSyncConflict } from '../../../shared/model';
import type { ConflictDetail, ConflictResolution, ConflictSummary, ResolveConflictInput } from '../../../shared/conflicts';
import { diffCases } from '../audit/diff';
import { unlockVault } from '../crypto/vault';
import { writeFileDurably, fsyncDir } from '../disk/durableFile';
import { ServiceError } from '../errors';
import type { CaseStoreBase } from '../store/caseStore';
import { findConflictCopies, readFolderJson, type FoundCopy } from './copies';
import { mergeCases, topLevelChanges } from './merge';
import { noteConflicts } from './notify';

// Syncthing's conflict copies, listed, shown and settled. A settled case is saved
// through the store as one revision above both sides, its history line keeping every
// version not kept whole; the copy is removed only once that save is durable, so a
// crash in between leaves the conflict listed and nothing lost.

/** What the service needs of the open folder beyond the store. */
export type ConflictHost = {
  store: CaseStoreBase;
  /** True when `key` is the folder's data key (a vault copy kept must open the folder's files). */
  sameDataKey(key: Buffer): boolean;
};

type Current = { rel: string; where: 'cases' | 'trash' } | null;

function currentOf(store: CaseStoreBase, found: FoundCopy): Current {
  if (found.kind !== 'case') return { rel: found.name.original, where: 'cases' };
  return store.has(found.caseId!) ? { rel: `cases/${found.caseId}.json`, where: 'cases' } : { rel: `trash/${found.caseId}.json`, where: 'trash' };
}

async function summarise(store: CaseStoreBase, found: FoundCopy): Promise<{ summary: ConflictSummary; current: unknown; copy: unknown }> {
  const cur = currentOf(store, found)!;
  const [current, copy] = await Promise.all([readFolderJson(store, cur.rel, found.kind, found.caseId), readFolderJson(store, found.rel, found.kind, found.caseId)]);
  const side = (r: typeof current) => (r.ok && found.kind === 'case' ? { rev: (r.value as CaseFile).rev, savedAt: (r.value as CaseFile).updatedAt } : {});
  const title = current.ok && found.kind === 'case' ? (current.value as CaseFile).title : copy.ok && found.kind === 'case' ? (copy.value as CaseFile).title : undefined;
  const summary: ConflictSummary = {
    file: found.rel,
    kind: found.kind,
    ...(found.caseId ? { caseId: found.caseId } : {}),
    ...(title !== undefined ? { title } : {}),
    ...(found.kind === 'case' ? { where: cur.where } : {}),
    current: side(current),
    copy: { ...side(copy), device: found.name.device },
    valid: copy.ok,
    ...(copy.ok ? {} : { problem: `The conflict copy ${found.rel} cannot be used (${copy.reason}); keep the current version to remove it.` }),
  };
  if (copy.ok && !current.ok && found.kind === 'case' && cur.where === 'trash') summary.problem = `The case ${found.caseId} is neither in the list nor in the Trash; keep the copy as a case of its own ("both").`;
  return { summary, current: current.ok ? current.value : null, copy: copy.ok ? copy.value : null };
}

/**
 * Every unresolved conflict copy of the folder, each read and validated. The folder
 * watcher calls this after a change on disk; listeners hear when the set changed.
 */
export async function scanConflicts(store: CaseStoreBase): Promise<ConflictSummary[]> {
  const found = await findConflictCopies(store.dataDir);
  const out = await Promise.all(found.map(async (f) => (await summarise(store, f)).summary));
  noteConflicts(store, out.map((c) => c.file));
  return out;
}

async function find(store: CaseStoreBase, file: string): Promise<FoundCopy> {
  const rel = file.split(path.sep).join('/');
  const found = (await findConflictCopies(store.dataDir)).find((f) => f.rel === rel);
  if (!found) throw new ServiceError('not_found', `There is no unresolved conflict copy ${file} in the data folder (it may have been settled already). conflicts.list gives the ones there are.`);
  return found;
}

export async function conflictDetail(store: CaseStoreBase, file: string): Promise<ConflictDetail> {
  const found = await find(store, file);
  const { summary, current, copy } = await summarise(store, found);
  const changes = found.kind === 'case' ? (current && copy ? diffCases(current as CaseFile, copy as CaseFile) : []) : topLevelChanges(current, copy);
  return { conflict: summary, current, copy, changes };
}

/** Removes the copy, and makes its removal durable (only after the resolution is saved). */
async function removeCopy(store: CaseStoreBase, rel: string): Promise<void> {
  const file = path.join(store.dataDir, ...rel.split('/'));
  await unlink(file);
  await fsyncDir(path.dirname(file)).catch(() => undefined);
}

export type ResolveHooks = {
  /** Runs after the resolution is saved and before the copy is removed (tests stand a crash there). */
  afterSave?: () => void | Promise<void>;
};

export async function resolveConflict(host: ConflictHost, input: ResolveConflictInput, hooks: ResolveHooks = {}): Promise<ConflictResolution> {
  const { store } = host;
  const found = await find(store, input.file);
  const { summary, current, copy } = await summarise(store, found);
  const done = async (result: ConflictResolution): Promise<ConflictResolution> => {
    await hooks.afterSave?.();
    await removeCopy(store, found.rel);
    await scanConflicts(store);
    return result;
  };
  if (!summary.valid && input.keep !== 'current') {
    throw new ServiceError('bad_input', `${summary.problem} Nothing was written.`, [{ path: ['keep'], message: 'expected "current" for a copy that is not valid' }]);
  }
  if (found.kind !== 'case') {
    if (input.keep === 'both' || input.keep === 'merge') {
      throw new ServiceError('bad_input', `A conflict of ${found.name.original} can only keep one side: "current" or "copy". Nothing was written.`, [{ path: ['keep'], message: 'expected "current" or "copy"' }]);
    }
    if (input.keep === 'copy') await keepOtherFile(host, found, copy, input.passphrase);
    return done({ file: found.rel, keep: input.keep });
  }
  const base = { copy: found.rel, device: found.name.device, kept: input.keep } as const;
  const copyCase = copy as CaseFile | null;
  if (!current) {
    // The case is gone from this folder (deleted here, edited there): the copy can only come back as a case of its own.
    if (input.keep !== 'both' || !copyCase) throw new ServiceError('conflict', `${summary.problem ?? `The case ${found.caseId} cannot be read.`} Nothing was written.`);
    const created = await store.create({ ...copyCase, id: undefined, title: copyTitle(copyCase, input.copyTitle) } as never);
    return done({ file: found.rel, keep: 'both', newCaseId: created.id, caseId: created.id, rev: created.rev });
  }
  const currentCase = current as CaseFile;
  if (summary.where === 'trash') {
    if (input.keep === 'copy' || input.keep === 'merge') {
      throw new ServiceError('conflict', `The case "${currentCase.title}" is in the Trash. Restore it first, then settle the conflict; or keep the Trash's version ("current") or keep both. Nothing was written.`);
    }
    let newCaseId: string | undefined;
    if (input.keep === 'both') newCaseId = (await store.create({ ...copyCase!, id: undefined, title: copyTitle(copyCase!, input.copyTitle) } as never)).id;
    await store.recordSyncConflict(currentCase, { ...base, lost: input.keep === 'current' && copyCase ? [copyCase] : [], undo: copyCase ? diffCases(currentCase, copyCase) : [], ...(newCaseId ? { newCaseId } : {}) });
    return done({ file: found.rel, keep: input.keep, caseId: currentCase.id, rev: currentCase.rev, ...(newCaseId ? { newCaseId } : {}) });
  }
  if (!copyCase) {
    // An invalid copy discarded: the current version stands, saved above it so the history says so.
    const saved = await store.saveResolved(currentCase.id, currentCase, currentCase.rev, () => ({ ...base, lost: [], undo: [] }));
    return done({ file: found.rel, keep: 'current', caseId: saved.id, rev: saved.rev });
  }
  let chosen: CaseFile;
  let lost: CaseFile[];
  let newCaseId: string | undefined;
  if (input.keep === 'current') [chosen, lost] = [currentCase, [copyCase]];
  else if (input.keep === 'copy') [chosen, lost] = [copyCase, [currentCase]];
  else if (input.keep === 'merge') [chosen, lost] = [mergeCases(currentCase, copyCase, diffCases(currentCase, copyCase), input.picks ?? {}), [currentCase, copyCase]];
  else {
    [chosen, lost] = [currentCase, []];
    newCaseId = (await store.create({ ...copyCase, id: undefined, title: copyTitle(copyCase, input.copyTitle) } as never)).id;
  }
  const parsed = CaseFile.safeParse(chosen);
  if (!parsed.success) throw new ServiceError('bad_input', 'The merged case is not valid (some fields taken from each side do not fit together); choose differently. Nothing was written.', parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String), message: i.message })));
  const firstLost = lost[0];
  const saved = await store.saveResolved(currentCase.id, parsed.data, copyCase.rev, (c) => ({ ...base, lost, undo: firstLost ? diffCases(c, firstLost) : [], ...(newCaseId ? { newCaseId } : {}) }));
  return done({ file: found.rel, keep: input.keep, caseId: saved.id, rev: saved.rev, ...(newCaseId ? { newCaseId } : {}) });
}

function copyTitle(copy: CaseFile, given: string | undefined): string {
  return (given ?? `${copy.title} (copy from a sync conflict)`).slice(0, 300);
}

/** Settings, address book or vault: the copy's content written in the file's place (a vault only when its passphrase opens it and it holds this folder's key). */
async function keepOtherFile(host: ConflictHost, found: FoundCopy, copy: unknown, passphrase: string | undefined): Promise<void> {
  const { store } = host;
  const text = `${JSON.stringify(copy, null, 2)}\n`;
  if (found.kind === 'vault') {
    if (passphrase === undefined) throw new ServiceError('bad_input', 'Keeping the other vault.json needs the passphrase that opens it. Nothing was written.', [{ path: ['passphrase'], message: 'required to keep a vault copy' }]);
    const key = await unlockVault(copy, passphrase).catch(() => null);
    if (!key) throw new ServiceError('bad_input', 'That passphrase does not open the other vault.json. Nothing was written; the current vault stays.', [{ path: ['passphrase'], message: 'does not open the copy' }]);
    const same = host.sameDataKey(key);
    key.fill(0);
    if (!same) throw new ServiceError('conflict', 'The other vault.json holds a different key, so the folder’s files would not open with it. Nothing was written; the current vault stays.');
    await writeFileDurably(path.join(store.dataDir, found.name.original), text);
    return;
  }
  await store.writeDerivedFile(found.name.original, Buffer.from(text, 'utf8'));
}

export type { AuditSyncConflict };
