import { access } from 'node:fs/promises';
import path from 'node:path';
import { changePassphrase, folderEncryption, scryptParamsForTests, type ConversionReport } from '../services/crypto';
import { checkNewPassphrase } from '../services/crypto/kdf';
import { decryptWithBackup, encryptWithBackup } from '../services/folder/folderOps';
import { Session } from '../services/session';

export { scryptParamsForTests };
import { ServiceError } from '../services/errors';
import { ENCRYPTED_MESSAGE } from '../services/store/caseStore';
import { DataDirLock } from '../services/disk/lock';
import type { CliIo } from './io';

// Encryption at rest on the command line: `encrypt`, `decrypt`, `change-passphrase`,
// and opening an encrypted folder for every other command.
//
// Passphrases come from the environment (CASEFILE_PASSPHRASE, and
// CASEFILE_NEW_PASSPHRASE for a new one), else from a no-echo prompt on the
// terminal (`CliIo.prompt`); with neither, the command fails without touching the
// folder. A passphrase is never taken from the command line: it would land in
// the shell history and in every process listing.

export const FOLDER_COMMANDS = ['encrypt', 'decrypt', 'change-passphrase'] as const;
export type FolderCommand = (typeof FOLDER_COMMANDS)[number];
export const isFolderCommand = (command: string): command is FolderCommand => (FOLDER_COMMANDS as readonly string[]).includes(command);

/**
 * Reads a line from the terminal without echoing it (raw mode on stdin), the
 * question on stderr so stdout stays clean for scripts. Null when stdin is not
 * a terminal: the caller then asks for the environment variable instead.
 */
export function promptHidden(question: string): Promise<string | null> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (err?: Error) => {
      stdin.removeListener('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new ServiceError('bad_input', 'Cancelled. Nothing was changed.'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    process.stderr.write(question);
    stdin.setEncoding('utf8');
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

const envValue = (env: NodeJS.ProcessEnv, name: string) => (env[name] ? env[name] : undefined);

/**
 * From the first set variable in `names`, else the prompt (twice when `confirm`),
 * else an error naming the variable: `encrypted` (exit 5) when it is the
 * passphrase that opens the folder, `bad_input` (exit 2) for a new one.
 */
async function passphrase(io: CliIo, names: string[], question: string, confirm: boolean, missing: 'encrypted' | 'bad_input' = 'bad_input'): Promise<string> {
  for (const name of names) {
    const value = envValue(io.env, name);
    if (value !== undefined) return value;
  }
  const first = io.prompt ? await io.prompt(question) : null;
  if (first === null) {
    const why = missing === 'encrypted' ? 'This data folder is encrypted and no passphrase was given' : 'No new passphrase given';
    throw new ServiceError(missing, `${why}, and there is no terminal to ask on: set ${names.join(' or ')} in the environment. Nothing was changed.`);
  }
  if (confirm && (await io.prompt!('Type it again: ')) !== first) {
    throw new ServiceError('bad_input', 'The two passphrases differ. Nothing was changed.');
  }
  return first;
}

/**
 * Opens the store for every other command: with CASEFILE_PASSPHRASE when set;
 * else, on an encrypted folder, with a passphrase typed at the prompt; else the
 * `encrypted` error (exit 5).
 */
export async function openSessionForCli(dataDir: string, io: CliIo): Promise<Session> {
  return (await openWithPassphrase(dataDir, io)).session;
}

/** `openSessionForCli`, and the passphrase that opened it (undefined for a plain folder). */
async function openWithPassphrase(dataDir: string, io: CliIo): Promise<{ session: Session; passphrase: string | undefined }> {
  const fromEnv = envValue(io.env, 'CASEFILE_PASSPHRASE');
  const session = await Session.start(dataDir, {}, fromEnv);
  if (!session.status().locked) return { session, passphrase: session.status().encrypted ? fromEnv : undefined };
  try {
    const typed = fromEnv === undefined && io.prompt ? await io.prompt('Passphrase for the data folder: ') : null;
    if (typed === null) throw new ServiceError('encrypted', ENCRYPTED_MESSAGE);
    await session.unlock(typed);
    return { session, passphrase: typed };
  } catch (err) {
    await session.close();
    throw err;
  }
}

/** Progress on stderr, a line per tenth, so stdout stays the result. */
export function fileProgress(io: CliIo, verb: string) {
  let shown = -1;
  return ({ done, total }: { done: number; total: number }) => {
    const tenth = Math.floor((done / Math.max(total, 1)) * 10);
    if (total > 0 && tenth !== shown) {
      shown = tenth;
      io.stderr(`${verb}: ${done} of ${total} files`);
    }
  };
}

function printReport(io: CliIo, report: ConversionReport, encrypted: boolean): void {
  if (report.untouched.length > 0) {
    io.stderr(
      encrypted
        ? `casefile: warning: ${report.untouched.length} file(s) Casefile does not know were left as they were — NOT encrypted:`
        : `casefile: note: ${report.untouched.length} file(s) Casefile does not know were left as they were:`,
    );
    for (const file of report.untouched) io.stderr(`  ${file}`);
  }
  if (report.unreadable.length > 0) {
    io.stderr(
      `casefile: warning: ${report.unreadable.length} file(s) held parts that would not decrypt with the folder's key (damaged); those parts were left as they were. ` +
        'A damaged case file is quarantined when the folder is next opened; a damaged line of a case history is skipped when it is read:',
    );
    for (const file of report.unreadable) io.stderr(`  ${file}`);
  }
}

/**
 * `encrypt`, `decrypt`, `change-passphrase`: the engine's folder operations,
 * under the folder's lock (the app or another command cannot write meanwhile).
 * Errors are thrown as ServiceError for the caller to report.
 */
export async function runFolderCommand(command: FolderCommand, dataDir: string, io: CliIo): Promise<number> {
  try {
    await access(path.join(dataDir, 'meta.json'));
  } catch {
    throw new ServiceError('not_found', `${dataDir} is not a Casefile data folder (it has no meta.json). Nothing was changed.`);
  }
  const state = (await folderEncryption(dataDir)).state;
  if (command !== 'encrypt' && state === 'plain') throw new ServiceError('bad_input', 'This data folder is not encrypted. Nothing was changed.');
  if (command === 'encrypt' && state === 'encrypted') throw new ServiceError('conflict', 'This data folder is already encrypted. Nothing was changed.');

  // Asked before the lock is taken: a user thinking at the prompt does not block the app.
  let current: string | undefined;
  let next: string | undefined;
  if (command === 'encrypt') {
    // A new passphrase is asked twice; resuming an interrupted encryption needs the one it was started with.
    next = await passphrase(io, ['CASEFILE_NEW_PASSPHRASE', 'CASEFILE_PASSPHRASE'], 'New passphrase for the data folder: ', state === 'plain');
  } else {
    current = await passphrase(io, ['CASEFILE_PASSPHRASE'], 'Passphrase for the data folder: ', false, 'encrypted');
    if (command === 'change-passphrase') next = await passphrase(io, ['CASEFILE_NEW_PASSPHRASE'], 'New passphrase: ', true);
  }
  // Before anything is written (encrypting takes a snapshot first): a too-short passphrase leaves no trace.
  if (next !== undefined && state === 'plain') checkNewPassphrase(next);

  const lock = await DataDirLock.acquire(dataDir);
  try {
    if (command === 'encrypt') {
      const report = await encryptWithBackup(dataDir, next!, scryptParamsForTests(io.env), { onProgress: fileProgress(io, 'Encrypting') });
      printReport(io, report, true);
      io.stdout(`Encrypted ${report.converted} file(s) in ${dataDir}. Keep the passphrase safe: without it these cases cannot be read by anyone, including you.`);
    } else if (command === 'decrypt') {
      const report = await decryptWithBackup(dataDir, current!, { onProgress: fileProgress(io, 'Decrypting') });
      printReport(io, report, false);
      io.stdout(`Decrypted ${report.converted} file(s) in ${dataDir}. The data folder is no longer encrypted.`);
    } else {
      await changePassphrase(dataDir, current!, next!, scryptParamsForTests(io.env));
      io.stdout('The passphrase was changed (no case file was rewritten). The old passphrase no longer opens the folder.');
    }
    return 0;
  } finally {
    await lock.release();
  }
}
