import { Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { z } from 'zod';
import { PartnerKey, type SharingKeys } from '../../../shared/sealing';
import { SHARING_KEYS_FILE } from '../disk/folderLayout';
import { ServiceError } from '../errors';
import type { CaseStoreBase } from '../store/caseStore';

// sharing-keys.json: the folder's own age key (made on request, only in an encrypted folder,
// where it is sealed with the folder key like the settings) and the partners' public keys by
// name. It syncs with the folder, so every laptop of a team opens what partners seal for the
// team's one public key. Decrypting the folder converts it with the rest: its key then lies in
// clear like every case, and is used again once the folder is encrypted.

const FORMAT = 'casefile-sharing-keys';
const Identity = z.string().regex(/^AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}$/);
const FileShape = z.looseObject({ format: z.literal(FORMAT), version: z.int().min(1), identity: Identity.optional(), partners: z.array(PartnerKey).default([]) });
type FileShape = z.infer<typeof FileShape>;

async function readFile(store: CaseStoreBase): Promise<FileShape> {
  const bytes = await store.readDerivedFile(SHARING_KEYS_FILE);
  if (!bytes) return { format: FORMAT, version: 1, partners: [] };
  try {
    const parsed = FileShape.safeParse(JSON.parse(bytes.toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // falls through to the refusal below
  }
  // Never read as empty: the next write would drop the folder's key, and every bundle sealed for it with it.
  throw new ServiceError('internal', `${SHARING_KEYS_FILE} in the data folder is damaged, so its sharing keys cannot be read; nothing was changed. Put it back from a snapshot (Settings → Backups).`);
} 

async function view(store: CaseStoreBase, file: FileShape): Promise<SharingKeys> {
  return { publicKey: file.identity ? await identityToRecipient(file.identity) : null, canMakeKey: store.encrypted, partners: file.partners };
}

// One change at a time per folder: two read-modify-writes must not interleave.
const queues = new WeakMap<CaseStoreBase, Promise<unknown>>();
function change(store: CaseStoreBase, edit: (file: FileShape) => Promise<FileShape | null>): Promise<SharingKeys> {
  const run = async () => {
    const file = await readFile(store);
    const next = await edit(file);
    if (next) await store.writeDerivedFile(SHARING_KEYS_FILE, Buffer.from(`${JSON.stringify(next, null, 2)}\n`, 'utf8'));
    return view(store, next ?? file);
  };
  const done = (queues.get(store) ?? Promise.resolve()).then(run, run);
  queues.set(store, done.catch(() => undefined));
  return done;
}

export async function sharingKeys(store: CaseStoreBase): Promise<SharingKeys> {
  return view(store, await readFile(store));
}

/** Makes the folder's key once; asked again, it keeps the one it has (a new one would lock partners' bundles out). */
export function makeFolderKey(store: CaseStoreBase): Promise<SharingKeys> {
  return change(store, async (file) => {
    if (file.identity) return null;
    if (!store.encrypted) {
      throw new ServiceError('bad_input', 'This data folder is not encrypted, and a private key kept in it would lie in clear on the disk. Encrypt the folder first (Settings → Encryption), then make its sharing key. Nothing was changed.');
    }
    return { ...file, identity: await generateX25519Identity() };
  });
}

export function addPartner(store: CaseStoreBase, partner: PartnerKey): Promise<SharingKeys> {
  return change(store, async (file) => {
    try {
      new Encrypter().addRecipient(partner.key);
    } catch {
      throw new ServiceError('bad_input', `"${partner.key}" is not a valid age public key (its checksum does not match): copy it again from the partner. Nothing was changed.`, [{ path: ['key'], message: 'the checksum of this key does not match' }]);
    }
    const twin = file.partners.find((p) => p.key === partner.key);
    if (twin) throw new ServiceError('conflict', `This key is in the list already, as “${twin.name}”. Nothing was changed.`, [{ path: ['key'], message: `already in the list as “${twin.name}”` }]);
    return { ...file, partners: [...file.partners, partner] };
  });
}

export function removePartner(store: CaseStoreBase, key: string): Promise<SharingKeys> {
  return change(store, async (file) => {
    if (!file.partners.some((p) => p.key === key)) throw new ServiceError('not_found', 'That key is not in the list of partners (removed elsewhere?). Nothing was changed.');
    return { ...file, partners: file.partners.filter((p) => p.key !== key) };
  });
}

/** The private keys that open a bundle sealed for this folder: its own, when it has one and is encrypted. */
export async function openingIdentities(store: CaseStoreBase): Promise<string[]> {
  if (!store.encrypted) return [];
  const file = await readFile(store).catch(() => null);
  return file?.identity ? [file.identity] : [];
}
