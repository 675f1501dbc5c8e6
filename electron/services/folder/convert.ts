import { access, open, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { ioError, isIoError, ServiceError } from '../errors';
import { fsyncDir, type DurableFs } from '../disk/durableFile';
import { CASE_FACTS_FILE, listFolder, SNAPSHOT_RECORDS_DIR, removeLeftovers, type Target } from '../disk/folderLayout';
import { convertHistoryBytes } from '../crypto/sealedLines';
import { decryptBytes, encryptBytes, isEncryptedBytes } from '../crypto/envelope';
import { EncryptedFileError } from '../crypto/errors';
import { readState, type VaultState } from '../crypto/folderState';
import { replaceStreaming, resealSnapshot } from '../crypto/snapshotReseal';
import { resealOriginal } from '../crypto/originalReseal';
import { removeJournal, removeVaultFile, writeJournal, writeVaultFile } from '../crypto/journal';
import { checkNewPassphrase, strongerParams, type ScryptParams } from '../crypto/kdf';
import { createVault, paramsOf, unlockVault, wrapDataKey, type VaultHeader } from '../crypto/vault';
import { wipe } from '../crypto/wipe';

// Converting a closed data folder between plain and encrypted, crash-safely.
//
// encrypt:  write vault.next.json {encrypt, new vault} → convert each file
//           (temp + fsync + rename) → fsync the folders → write vault.json
//           (the commit) → delete vault.next.json
// decrypt:  write vault.next.json {decrypt} → convert each file → fsync the
//           folders → delete vault.json (the commit) → delete vault.next.json
// passphrase change: write a new vault.json (one atomic rename; same data key)
//
// Every file is replaced whole and atomically, and its state can be told from
// its bytes (the envelope's magic, for quarantined raw bytes a successful
// decryption, and for a history each line's own marker — a history is sealed
// line by line, but still rewritten whole), so converting is idempotent: any
// call may redo any prefix of the work. An interrupted conversion is always
// resolved towards the ENCRYPTED state — an encryption is finished, a
// decryption is rolled back — so a crash never leaves a folder less protected
// than the user asked for; the user simply runs "decrypt" again. Both need the
// passphrase (the key is never on disk in clear), which is why the app asks for
// it when the folder shows as encrypted.
//
// The caller holds the folder's lock; nothing else writes meanwhile.

export type ConversionReport = {
  /** Files rewritten by this call. */
  converted: number;
  /**
   * Files that would not decrypt with the folder's key (damaged): left exactly
   * as they were; the store quarantines them on open. A history file is listed
   * when some of its lines would not open: those lines are kept as they are
   * (the history skips them when read) and its other lines are converted.
   */
  unreadable: string[];
  /** Files the layout does not know, left as they were — NOT encrypted. The app should tell the user. */
  untouched: string[];
};

export type ConvertOptions = {
  onProgress?: (progress: { done: number; total: number }) => void;
  /**
   * For tests: called before every step that changes the disk. Throwing stops
   * the operation right there, leaving the disk exactly as a crash would.
   */
  onStep?: (step: string) => void | Promise<void>;
  /** For tests: the file-system calls that write (fault injection). */
  fs?: DurableFs;
  /** Looked at between files: a cancelled encryption or decryption puts back the files it converted (see cancelled). */
  signal?: AbortSignal;
};

class Cancelled extends Error {}

/** Undoes a cancelled conversion: the files go back to the state they had, the journal goes, and the caller is told. */
async function cancelled(dir: string, key: Buffer, back: 'encrypt' | 'decrypt', options: ConvertOptions): Promise<never> {
  // A crash while putting back leaves the journal: the next open finishes towards encrypted, as for any crash.
  await convertFiles(dir, key, back, { ...options, signal: undefined });
  await removeJournal(dir, options.fs);
  throw new ServiceError('cancelled', `The ${back === 'decrypt' ? 'encryption' : 'decryption'} was cancelled; every file was put back as it was (the folder is ${back === 'decrypt' ? 'plain' : 'encrypted'}, as before).`);
}

const realFs: DurableFs = { open, rename, unlink };

export type RecoveryResult =
  /** `left`: what is in each folder once the leftovers are gone (see removeLeftovers). */
  | { state: 'clean'; encrypted: boolean; left: ReadonlyMap<string, readonly string[]> }
  /** A conversion was found and resolved: `completed`, or `rolled_back` (an interrupted decryption: the folder stays encrypted). */
  | { state: 'finished'; operation: 'encrypt' | 'decrypt'; outcome: 'completed' | 'rolled_back'; encrypted: boolean }
  /** An interrupted conversion needs the passphrase; nothing but leftover temp files was touched. */
  | { state: 'needs_passphrase'; operation: 'encrypt' | 'decrypt' };

const notEncrypted = () => new ServiceError('bad_input', 'This data folder is not encrypted. Nothing was changed.');

/** Disk errors in words, with what the interruption means for the files. */
async function onDisk<T>(doing: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!isIoError(err)) throw err;
    const tail = 'No file was lost: the change is finished safely the next time the folder is opened with the passphrase (an interrupted decryption leaves it encrypted).';
    throw new ServiceError('io', ioError(err, doing).message.replace(/The previous version is intact\.$/, tail));
  }
}

/** Replaces `file` durably with `bytes`, keeping its times (see replaceStreaming). */
function replaceKeepingTimes(file: string, bytes: Uint8Array, st: Stats, beforeRename: () => Promise<void>, fs: DurableFs = realFs): Promise<void> {
  return replaceStreaming(file, st, (write) => write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)), beforeRename, fs);
}

type FileState = { kind: 'plain' } | { kind: 'encrypted'; plain: Buffer } | { kind: 'unreadable' };

function fileState(bytes: Buffer, key: Buffer, target: Target): FileState {
  if (!isEncryptedBytes(bytes)) return { kind: 'plain' };
  try {
    return { kind: 'encrypted', plain: decryptBytes(key, bytes, target.aad) };
  } catch (err) {
    if (!(err instanceof EncryptedFileError)) throw err;
    // Quarantined raw bytes may be a damaged envelope: they are the plain state's content.
    return target.format === 'raw' ? { kind: 'plain' } : { kind: 'unreadable' };
  }
}

/** What one file becomes: `out` to write (null: already in `direction`'s state), `plaintext` to wipe once written, `damaged` to report. */
type Conversion = { out: Buffer | null; plaintext: Buffer | null; damaged: boolean };

function convertBytes(bytes: Buffer, key: Buffer, target: Target, direction: 'encrypt' | 'decrypt'): Conversion {
  if (target.format === 'lines') {
    const result = convertHistoryBytes(bytes, key, target.aad, direction === 'encrypt' ? 'seal' : 'open');
    const out = result.converted > 0 ? result.bytes : null;
    return { out, plaintext: direction === 'encrypt' ? bytes : out, damaged: result.unopenable > 0 };
  }
  const state = fileState(bytes, key, target);
  if (state.kind === 'unreadable') return { out: null, plaintext: null, damaged: true };
  if (direction === 'encrypt') {
    if (state.kind === 'encrypted') {
      wipe(state.plain);
      return { out: null, plaintext: null, damaged: false };
    }
    return { out: encryptBytes(key, bytes, target.aad), plaintext: bytes, damaged: false };
  }
  if (state.kind === 'plain') return { out: null, plaintext: null, damaged: false };
  return { out: state.plain, plaintext: state.plain, damaged: false };
}

/** Brings every file to `direction`'s state; files already there are left alone, so this can be rerun at will. */
async function convertFiles(dir: string, key: Buffer, direction: 'encrypt' | 'decrypt', options: ConvertOptions): Promise<ConversionReport> {
  const { targets, untouched } = await listFolder(dir);
  const unreadable: string[] = [];
  const touched = new Set<string>();
  let converted = 0;
  for (const [i, target] of targets.entries()) {
    if (options.signal?.aborted) throw new Cancelled();
    options.onProgress?.({ done: i, total: targets.length });
    const file = path.join(dir, ...target.rel.split('/'));
    if (target.format === 'gzip' || target.format === 'stream') {
      // Snapshots and originals go file to file as streams: one may be larger than memory.
      const st = await stat(file).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null;
        throw err;
      });
      if (!st) continue;
      const result = target.format === 'gzip' ? await resealSnapshot(file, target.rel, st, key, direction, options) : await resealOriginal(file, target, st, key, direction, options);
      if (result.damaged) unreadable.push(target.rel);
      if (result.converted) {
        touched.add(path.dirname(file));
        converted++;
      }
      continue;
    }
    let bytes: Buffer;
    let st: Stats;
    try {
      [bytes, st] = await Promise.all([readFile(file), stat(file)]);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    const { out, plaintext, damaged } = convertBytes(bytes, key, target, direction);
    if (damaged) unreadable.push(target.rel);
    if (!out) continue;
    await options.onStep?.(`write ${target.rel}`);
    await replaceKeepingTimes(file, out, st, async () => options.onStep?.(`rename ${target.rel}`), options.fs);
    // Plaintext does not linger in memory longer than it must.
    if (plaintext) wipe(plaintext);
    touched.add(path.dirname(file));
    converted++;
  }
  options.onProgress?.({ done: targets.length, total: targets.length });
  // The renames must be on disk before the commit that declares them done.
  for (const folder of touched) await fsyncDir(folder, options.fs);
  return { converted, unreadable, untouched };
}

/** Finishes an interrupted conversion towards the encrypted state with the (already unwrapped) key. */
async function resolveInterrupted(dir: string, state: Extract<VaultState, { kind: 'encrypting' | 'decrypting' }>, key: Buffer, options: ConvertOptions): Promise<ConversionReport> {
  await removeLeftovers(dir);
  const report = await convertFiles(dir, key, 'encrypt', { ...options, signal: undefined }); // recovery is not cancelled halfway
  if (state.kind === 'encrypting') {
    await options.onStep?.('commit');
    await writeVaultFile(dir, state.vault, options.fs);
  }
  await options.onStep?.('cleanup');
  await removeJournal(dir, options.fs);
  return report;
}

/**
 * Plain → encrypted: a new vault (scrypt tuned to this machine unless `params`
 * is given) and every case, trashed case, quarantined file, history, snapshot
 * and the summary index encrypted; meta.json and the lock file stay plain.
 * Resumes an interrupted encryption when called again with the same passphrase.
 */
export async function encryptFolder(dir: string, passphrase: string, params?: ScryptParams, options: ConvertOptions = {}): Promise<ConversionReport> {
  const state = await readState(dir);
  if (state.kind === 'encrypted' || state.kind === 'decrypting') throw new ServiceError('conflict', 'This data folder is already encrypted. Nothing was changed.');
  let header: VaultHeader;
  let key: Buffer;
  if (state.kind === 'encrypting') {
    header = state.vault;
    key = await unlockVault(header, passphrase);
  } else {
    checkNewPassphrase(passphrase);
    try {
      await access(path.join(dir, 'meta.json'));
    } catch {
      throw new ServiceError('not_found', `${dir} is not a Casefile data folder (it has no meta.json). Nothing was changed.`);
    }
    ({ header, dataKey: key } = await createVault(passphrase, params));
  }
  try {
    return await onDisk('encrypt the data folder', async () => {
      await removeLeftovers(dir);
      // The machine-local corner is not converted: its case facts (names of judges, lawyers) go, and are made again sealed.
      await unlink(path.join(dir, ...CASE_FACTS_FILE.split('/'))).catch(() => undefined);
      // So do the snapshots' local copies of their lines (hashes of plain files): every manifest is re-sealed, so none would hold.
      await rm(path.join(dir, ...SNAPSHOT_RECORDS_DIR.split('/')), { recursive: true, force: true });
      if (state.kind === 'plain') {
        await options.onStep?.('journal');
        await writeJournal(dir, { operation: 'encrypt', vault: header }, options.fs);
      }
      const report = await convertFiles(dir, key, 'encrypt', options).catch((err: unknown) => (err instanceof Cancelled ? cancelled(dir, key, 'decrypt', options) : Promise.reject(err)));
      await options.onStep?.('commit');
      await writeVaultFile(dir, header, options.fs);
      await options.onStep?.('cleanup');
      await removeJournal(dir, options.fs);
      return report;
    });
  } finally {
    wipe(key);
  }
}

/**
 * Encrypted → plain, byte for byte what was encrypted. Resumes an interrupted
 * decryption; an interrupted encryption is finished first.
 */
export async function decryptFolder(dir: string, passphrase: string, options: ConvertOptions = {}): Promise<ConversionReport> {
  const state = await readState(dir);
  if (state.kind === 'plain') {
    if (!state.stale) throw notEncrypted();
    // The last decryption had committed; only its journal was left.
    await removeLeftovers(dir);
    await removeJournal(dir);
    return { converted: 0, unreadable: [], untouched: (await listFolder(dir)).untouched };
  }
  const key = await unlockVault(state.vault, passphrase);
  try {
    return await onDisk('decrypt the data folder', async () => {
      if (state.kind === 'encrypting') await resolveInterrupted(dir, state, key, options);
      else await removeLeftovers(dir);
      if (state.kind !== 'decrypting') {
        await options.onStep?.('journal');
        await writeJournal(dir, { operation: 'decrypt' }, options.fs);
      }
      const report = await convertFiles(dir, key, 'decrypt', options).catch((err: unknown) => (err instanceof Cancelled ? cancelled(dir, key, 'encrypt', options) : Promise.reject(err)));
      await options.onStep?.('commit');
      await removeVaultFile(dir, options.fs);
      await options.onStep?.('cleanup');
      await removeJournal(dir, options.fs);
      return report;
    });
  } finally {
    wipe(key);
  }
}

/**
 * Rewraps the data key under `newPassphrase`: one atomic replacement of
 * vault.json, no file is rewritten. scrypt is tuned again (a vault made on an
 * old machine, or under an older, lower floor, gets today's cost) but never
 * made weaker than it was, unless `params` is given. An interrupted conversion
 * is resolved first (with the old passphrase).
 */
export async function changePassphrase(dir: string, oldPassphrase: string, newPassphrase: string, params?: ScryptParams, options: ConvertOptions = {}): Promise<void> {
  checkNewPassphrase(newPassphrase);
  const state = await readState(dir);
  if (state.kind === 'plain') throw notEncrypted();
  const key = await unlockVault(state.vault, oldPassphrase);
  try {
    await onDisk('change the passphrase', async () => {
      const next = await wrapDataKey(key, newPassphrase, params ?? (await strongerParams(paramsOf(state.vault))));
      if (state.kind === 'encrypting' || state.kind === 'decrypting') await resolveInterrupted(dir, state, key, options);
      else {
        await removeLeftovers(dir);
        if (state.stale) await removeJournal(dir);
      }
      await options.onStep?.('commit');
      await writeVaultFile(dir, next, options.fs);
    });
  } finally {
    wipe(key);
  }
}

/**
 * The folder's data key, for the store's encrypted adapters. A wrong passphrase
 * throws `WrongPassphraseError` before anything on disk is touched. An
 * interrupted conversion is finished first (the folder ends up encrypted). The
 * caller wipes the key on lock.
 */
export async function openVault(dir: string, passphrase: string, options: ConvertOptions = {}): Promise<Buffer> {
  const state = await readState(dir);
  if (state.kind === 'plain') throw notEncrypted();
  const key = await unlockVault(state.vault, passphrase);
  try {
    await onDisk('open the data folder', async () => {
      if (state.kind === 'encrypting' || state.kind === 'decrypting') await resolveInterrupted(dir, state, key, options);
      else {
        await removeLeftovers(dir);
        if (state.stale) await removeJournal(dir);
      }
    });
  } catch (err) {
    wipe(key);
    throw err;
  }
  return key;
}

/**
 * Run on every open, before the store: sweeps leftovers of a crash and resolves
 * an interrupted conversion. Without the passphrase it does what needs no key
 * (a conversion that had committed) and reports `needs_passphrase` otherwise;
 * with it, an interrupted encryption is finished and an interrupted decryption
 * rolled back. A wrong passphrase changes nothing.
 */
export async function recoverConversion(dir: string, passphrase?: string, options: ConvertOptions = {}): Promise<RecoveryResult> {
  const state = await readState(dir);
  if (state.kind === 'plain' || state.kind === 'encrypted') {
    const left = await removeLeftovers(dir);
    if (!state.stale) return { state: 'clean', encrypted: state.kind === 'encrypted', left };
    await removeJournal(dir);
    return { state: 'finished', operation: state.kind === 'plain' ? 'decrypt' : 'encrypt', outcome: 'completed', encrypted: state.kind === 'encrypted' };
  }
  const operation = state.kind === 'encrypting' ? 'encrypt' : 'decrypt';
  if (passphrase === undefined) {
    // Temp files are never the truth, and a decryption's may hold plaintext.
    await removeLeftovers(dir);
    return { state: 'needs_passphrase', operation };
  }
  const key = await unlockVault(state.vault, passphrase);
  try {
    await onDisk('finish the interrupted conversion', () => resolveInterrupted(dir, state, key, options));
  } finally {
    wipe(key);
  }
  return { state: 'finished', operation, outcome: operation === 'encrypt' ? 'completed' : 'rolled_back', encrypted: true };
}
