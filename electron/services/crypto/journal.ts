import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ServiceError } from '../errors';
import { VAULT_COPY_HINT } from './errors';
import { fsyncDir, writeFileDurably, type DurableFs } from '../disk/durableFile';
import { JOURNAL_FILE, VAULT_FILE } from '../disk/folderLayout';
import { parseVaultHeader, type VaultHeader } from './vault';

// vault.json says "this folder is encrypted"; vault.next.json says "a
// conversion is under way". Both are written whole with temp + fsync + rename,
// so a crash leaves each either absent or complete.

const JOURNAL_FORMAT = 'casefile-vault-journal';

const JournalFile = z.discriminatedUnion('operation', [
  // The new vault travels in the journal: until vault.json is written, the files
  // already encrypted can only be read with the key this header wraps.
  z.strictObject({ format: z.literal(JOURNAL_FORMAT), version: z.literal(1), operation: z.literal('encrypt'), vault: z.unknown() }),
  // Decryption needs nothing extra: vault.json stays in place until every file is plain.
  z.strictObject({ format: z.literal(JOURNAL_FORMAT), version: z.literal(1), operation: z.literal('decrypt') }),
]);

export type Journal = { operation: 'encrypt'; vault: VaultHeader } | { operation: 'decrypt' };

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ServiceError('internal', `${path.basename(file)} in the data folder is damaged (${(err as Error).message}). ${path.basename(file) === VAULT_FILE ? VAULT_COPY_HINT : 'Restore it from a backup'}; nothing was changed.`);
  }
}

export async function readVaultFile(dataDir: string): Promise<VaultHeader | null> {
  const raw = await readJson(path.join(dataDir, VAULT_FILE));
  return raw === undefined ? null : parseVaultHeader(raw);
}

export async function writeVaultFile(dataDir: string, header: VaultHeader, fs?: DurableFs): Promise<void> {
  await writeFileDurably(path.join(dataDir, VAULT_FILE), `${JSON.stringify(header, null, 2)}\n`, fs);
}

/** Removing vault.json is the commit point of a decryption; the folder fsync makes it stick. */
export async function removeVaultFile(dataDir: string, fs?: DurableFs): Promise<void> {
  await (fs?.unlink ?? unlink)(path.join(dataDir, VAULT_FILE)).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
  await fsyncDir(dataDir, fs);
}

export async function readJournal(dataDir: string): Promise<Journal | null> {
  const raw = await readJson(path.join(dataDir, JOURNAL_FILE));
  if (raw === undefined) return null;
  const parsed = JournalFile.safeParse(raw);
  if (!parsed.success) {
    throw new ServiceError('internal', `${JOURNAL_FILE} in the data folder is damaged (${parsed.error.issues[0]?.message ?? 'invalid'}). Restore the folder from a backup; nothing was changed.`);
  }
  if (parsed.data.operation === 'decrypt') return { operation: 'decrypt' };
  try {
    return { operation: 'encrypt', vault: parseVaultHeader(parsed.data.vault) };
  } catch (err) {
    if (err instanceof ServiceError && err.code === 'unsupported') throw err;
    throw new ServiceError('internal', `${JOURNAL_FILE} in the data folder is damaged (its vault header is invalid). Restore the folder from a backup; nothing was changed.`);
  }
}

export async function writeJournal(dataDir: string, journal: Journal, fs?: DurableFs): Promise<void> {
  await writeFileDurably(path.join(dataDir, JOURNAL_FILE), `${JSON.stringify({ format: JOURNAL_FORMAT, version: 1, ...journal }, null, 2)}\n`, fs);
}

export async function removeJournal(dataDir: string, fs?: DurableFs): Promise<void> {
  await (fs?.unlink ?? unlink)(path.join(dataDir, JOURNAL_FILE)).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
  await fsyncDir(dataDir, fs);
}
