import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { encryptFolder } from '../../../electron/services/folder/convert';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';

export const PASS = 'folder passphrase 7';
export const SEAL_PASS = 'Жаңа кілт — partner 2026';
/** Strings the sealed file must not show: the person's name, a confidential note, the original's text and the bundle's own tag. */
export const MARKERS = { name: 'Айгерім SEALMARKNAME', note: 'SEALMARKNOTE адвокат', original: 'SEALMARKORIGINAL сот үкімі', format: 'casefile-bundle' };
export const originalBytes = Buffer.from(`${MARKERS.original}\n`.repeat(8000), 'utf8');

export type Folder = { dir: string; store: CaseStore; dispatch: Dispatch; close(): Promise<void> };

export const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** A folder opened through the real store (encrypted first when asked), with the real handlers. */
export async function openFolder(dir: string, encrypted = false): Promise<Folder> {
  if (encrypted) {
    const made = await CaseStore.open(dir);
    await made.close();
    await encryptFolder(dir, PASS, FAST_KDF);
  }
  const store = await CaseStore.open(dir, encrypted ? { passphrase: PASS } : {});
  return { dir, store, dispatch: createDispatcher(createHandlers(store)), close: () => store.close() };
}

/** A folder that exists already, opened as it is (with the passphrase when given). */
export async function reopenFolder(dir: string, passphrase?: string): Promise<Folder> {
  const store = await CaseStore.open(dir, passphrase === undefined ? {} : { passphrase });
  return { dir, store, dispatch: createDispatcher(createHandlers(store)), close: () => store.close() };
}

/** One case with a confidential note and a source whose original is `originalBytes`. */
export async function caseWithOriginal(f: Folder): Promise<string> {
  const intake = ok(await f.dispatch('sources.intake', { fileName: 'verdict.txt', dataBase64: originalBytes.toString('base64') }));
  const created = ok(
    await f.dispatch('cases.create', {
      case: prisonerDraft({
        title: `${MARKERS.name} — sealed test`,
        person: { name: MARKERS.name, aliases: [], contact: '+7 700 000 00 00' },
        annotations: [{ body: MARKERS.note, tags: [], confidential: true }],
        sources: [{ id: 's1', title: 'Verdict', kind: 'court_document', text: intake.text, file: intake.file }],
      }),
    }),
  );
  return created.id;
}

export const inDir = (root: string, name: string) => path.join(root, name);

/**
 * Folders for one test each, under a fresh temporary directory closed and removed after it:
 * `folder(name)` opens one (encrypted when asked), `at(...)` names a path beside them.
 */
export function foldersEachTest(): { folder: (name: string, encrypted?: boolean) => Promise<Folder>; at: (...parts: string[]) => string } {
  let root = '';
  let cleanup = async () => undefined as void;
  const open: Folder[] = [];
  beforeEach(async () => {
    ({ dir: root, cleanup } = await tempDir());
  });
  afterEach(async () => {
    for (const f of open.splice(0)) await f.close();
    await cleanup();
  });
  return {
    folder: async (name, encrypted = false) => {
      const f = await openFolder(path.join(root, name), encrypted);
      open.push(f);
      return f;
    },
    at: (...parts) => path.join(root, ...parts),
  };
}
