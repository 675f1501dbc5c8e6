import { access } from 'node:fs/promises';
import path from 'node:path';
import { folderEncryption, type FolderEncryption } from '../services/crypto';
import { checkNewPassphrase } from '../services/crypto/kdf';
import { ServiceError } from '../services/errors';
import type { Dispatch } from '../services/dispatch';
import { passphrase } from './passphrase';
import type { CliIo } from './io';
import { openSession, serve } from './session';

// The vault commands (encrypt, decrypt, change-passphrase): what only a terminal
// does — read the folder's state without opening it, ask for the passphrases —
// then open the folder and dispatch vault.encrypt / vault.decrypt /
// vault.changePassphrase like every other command. The passphrases are asked
// before the folder is opened: a user thinking at the prompt does not hold the
// folder's lock, and the app can go on meanwhile.

export type VaultCommand = 'encrypt' | 'decrypt' | 'change-passphrase';

/** The state of the folder, read without opening it: a folder that is not Casefile's, or in the wrong state, is refused before any prompt. */
async function stateFor(command: VaultCommand, dataDir: string): Promise<FolderEncryption> {
  try {
    await access(path.join(dataDir, 'meta.json'));
  } catch {
    throw new ServiceError('not_found', `${dataDir} is not a Casefile data folder (it has no meta.json). Nothing was changed.`);
  }
  const state = await folderEncryption(dataDir);
  if (command !== 'encrypt' && state.state === 'plain') throw new ServiceError('bad_input', 'This data folder is not encrypted. Nothing was changed.');
  const encrypted = state.state === 'encrypted' || (state.state === 'interrupted' && state.operation === 'decrypt');
  if (command === 'encrypt' && encrypted) throw new ServiceError('conflict', 'This data folder is already encrypted. Nothing was changed.');
  return state;
}

export type VaultCall = {
  /** The passphrase that opens the folder (undefined: a plain folder, opened without one). */
  opensWith: string | undefined;
  /** The dispatch of the vault operation, with what it prints. */
  call: (dispatch: Dispatch) => Promise<number>;
};

/** Asks for the passphrases the command needs and says how to dispatch it; ServiceErrors are thrown for run.ts to report. */
async function ask(command: VaultCommand, state: FolderEncryption, io: CliIo): Promise<{ current?: string; next?: string }> {
  if (command === 'encrypt') {
    // A new passphrase is asked twice; finishing an interrupted encryption needs the one it was started with.
    const next = await passphrase(io, ['CASEFILE_NEW_PASSPHRASE', 'CASEFILE_PASSPHRASE'], 'New passphrase for the data folder: ', state.state === 'plain');
    // Before anything is opened or written (encrypting takes a snapshot first): a too-short passphrase leaves no trace.
    if (state.state === 'plain') checkNewPassphrase(next);
    return { next };
  }
  const current = await passphrase(io, ['CASEFILE_PASSPHRASE'], 'Passphrase for the data folder: ', false, 'encrypted');
  if (command === 'decrypt') return { current };
  return { current, next: await passphrase(io, ['CASEFILE_NEW_PASSPHRASE'], 'New passphrase: ', true) };
}

/**
 * Runs a vault command: the state checked and the passphrases asked without
 * the folder open, then `plan` given them to dispatch on the open folder.
 */
export async function runVaultCommand(
  command: VaultCommand,
  dataDir: string,
  io: CliIo,
  plan: (given: { state: FolderEncryption; current?: string; next?: string }) => VaultCall,
): Promise<number> {
  const state = await stateFor(command, dataDir);
  const given = await ask(command, state, io);
  const { opensWith, call } = plan({ state, ...given });
  const session = await openSession(dataDir, io, opensWith);
  return serve(session, io, call);
}
