import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatIssue, issuesFromZod } from '../../../shared/errors';
import { CaseFile, Id } from '../../../shared/model';
import { AddressBook } from '../../../shared/model/addressees';
import type { ConflictKind } from '../../../shared/conflicts';
import { ADDRESSEES_FILE, entries, SETTINGS_FILE, VAULT_FILE } from '../disk/folderLayout';
import { parseSyncConflictName, type SyncConflictName } from '../disk/syncConflictNames';
import { parseVaultHeader } from '../crypto/vault';
import type { CaseStoreBase } from '../store/caseStore';

// Finding Syncthing's conflict copies in a data folder and reading each as an import
// would: opened under the name it copies (a sealed case under `cases/<id>.json`),
// parsed, validated. A copy that fails is reported with why, never used.

export type FoundCopy = {
  /** Its path in the folder, with "/". */
  rel: string;
  kind: ConflictKind;
  name: SyncConflictName;
  /** For a case: its id (from the name it copies) and where the copy lies. */
  caseId?: string;
  where?: 'cases' | 'trash';
};

const TOP: Record<string, ConflictKind> = { [VAULT_FILE]: 'vault', [ADDRESSEES_FILE]: 'addressees', [SETTINGS_FILE]: 'settings' };

/** Every conflict copy of a case (cases/, trash/), of vault.json, addressees.json and settings.json, in a stable order. */
export async function findConflictCopies(dataDir: string): Promise<FoundCopy[]> {
  const out: FoundCopy[] = [];
  for (const where of ['cases', 'trash'] as const) {
    for (const entry of await entries(path.join(dataDir, where))) {
      const name = entry.isFile() ? parseSyncConflictName(entry.name) : null;
      const id = name?.original.endsWith('.json') ? name.original.slice(0, -'.json'.length) : null;
      if (name && id !== null && Id.safeParse(id).success) out.push({ rel: `${where}/${entry.name}`, kind: 'case', name, caseId: id, where });
    }
  }
  for (const entry of await entries(dataDir)) {
    const name = entry.isFile() ? parseSyncConflictName(entry.name) : null;
    const kind = name ? TOP[name.original] : undefined;
    if (name && kind) out.push({ rel: entry.name, kind, name });
  }
  return out.sort((a, b) => a.rel.localeCompare(b.rel));
}

export type CopyRead = { ok: true; value: unknown } | { ok: false; reason: string };

function validate(kind: ConflictKind, data: unknown, caseId: string | undefined): CopyRead {
  if (kind === 'case') {
    const parsed = CaseFile.safeParse(data);
    if (!parsed.success) return { ok: false, reason: `not a valid case: ${issuesFromZod(parsed.error).slice(0, 5).map(formatIssue).join('; ')}` };
    if (parsed.data.id !== caseId) return { ok: false, reason: `holds case id "${parsed.data.id}" but is a copy of ${caseId}.json` };
    return { ok: true, value: parsed.data };
  }
  if (kind === 'addressees') {
    const parsed = AddressBook.safeParse(data);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: `not a valid address book: ${issuesFromZod(parsed.error).slice(0, 5).map(formatIssue).join('; ')}` };
  }
  if (kind === 'vault') {
    try {
      return { ok: true, value: parseVaultHeader(data) };
    } catch (err) {
      return { ok: false, reason: `not a valid vault.json (${(err as Error).message})` };
    }
  }
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? { ok: true, value: data } : { ok: false, reason: 'not a settings file (expected a JSON object)' };
}

/** A copy, or the file it copies (`rel` its own path), opened and validated; vault.json is plain in every folder. */
export async function readFolderJson(store: CaseStoreBase, rel: string, kind: ConflictKind, caseId?: string): Promise<CopyRead> {
  let data: unknown;
  try {
    const bytes = kind === 'vault' ? await readFile(path.join(store.dataDir, rel)) : await store.openFolderFile(rel);
    data = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { ok: false, reason: e.code === 'ENOENT' ? 'the file is missing' : err instanceof SyntaxError ? `not valid JSON (${e.message.slice(0, 200)})` : `does not open (${e.message})` };
  }
  return validate(kind, data, caseId);
}
