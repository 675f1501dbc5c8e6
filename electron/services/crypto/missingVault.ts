import { open } from 'node:fs/promises';
import path from 'node:path';
import { ServiceError } from '../errors';
import { isEncryptedBytes } from './envelope';
import { VAULT_COPY_HINT } from './errors';
import { entries, HISTORY_DIR, isTempName, SUMMARY_INDEX_FILE, VAULT_FILE } from '../disk/folderLayout';

// An encrypted folder whose vault.json is gone must not open as a plain one.
// Left to itself, the store would read every sealed case as garbage and move it
// to quarantine, list "No cases.", and write new saves in plain text next to the
// ciphertext. So a folder with no vault.json is looked at first: if what it holds
// is ciphertext (and nothing of it is plaintext), the open is refused untouched.
//
// Why "and nothing is plaintext" rather than "any ciphertext": decrypting a
// folder leaves a file that would not decrypt (damaged) as it was, so a plain
// folder may legitimately hold one stray envelope among plain files — the store
// quarantines it. A folder whose vault.json went missing has no plaintext at all:
// its index, cases, histories and snapshots were all sealed together.

/** Bytes enough to tell a sealed file ("CFENC") or a sealed history line ("CFSEAL:") from plain JSON or gzip. */
const SNIFF_BYTES = 7;
const SEALED_LINE = Buffer.from('CFSEAL:', 'ascii');

type Look = 'sealed' | 'plain' | 'empty';

async function sniff(file: string): Promise<Look | null> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'EISDIR') return null;
    throw err;
  }
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    if (bytesRead === 0) return 'empty';
    const head = buf.subarray(0, bytesRead);
    return isEncryptedBytes(head) || (head.length === SEALED_LINE.length && head.equals(SEALED_LINE)) ? 'sealed' : 'plain';
  } finally {
    await handle.close();
  }
}

/**
 * The first sealed file of a folder that holds ciphertext and no plaintext
 * (relative path), or null. Stops at the first plain file, so a plain folder
 * costs one or two small reads; only a folder that is all ciphertext is read
 * through (the first bytes of each file). Quarantine is not looked at: it may
 * hold anything.
 */
export async function orphanCiphertext(dataDir: string): Promise<string | null> {
  let firstSealed: string | null = null;
  const consider = async (rel: string): Promise<boolean> => {
    const look = await sniff(path.join(dataDir, ...rel.split('/')));
    if (look === 'plain') return true;
    if (look === 'sealed') firstSealed ??= rel;
    return false;
  };
  if (await consider(SUMMARY_INDEX_FILE)) return null;
  for (const sub of ['cases', 'trash', HISTORY_DIR, 'backups']) {
    const names = (await entries(path.join(dataDir, sub)))
      .filter((e) => e.isFile() && !e.name.startsWith('.') && !isTempName(e.name))
      .map((e) => e.name)
      .sort();
    for (const name of names) if (await consider(`${sub}/${name}`)) return null;
  }
  return firstSealed;
}

export function missingVaultError(dataDir: string, sealedFile: string): ServiceError {
  return new ServiceError(
    'not_found',
    `This data folder is encrypted (${sealedFile} is sealed) but its key file ${VAULT_FILE} is missing, so nothing in it can be read. ` +
      `Nothing was read, moved or written. ${VAULT_COPY_HINT} into ${dataDir}, then open the folder again with its passphrase.`,
  );
}
