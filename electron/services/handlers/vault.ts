import type { FolderConversion } from '../../../shared/contract';
import type { SnapshotInfo, VaultStatus } from '../../../shared/model';
import type { CallContext } from '../callContext';
import { ServiceError } from '../errors';
import type { CaseStore } from '../folder/caseStore';
import type { DomainHandlers } from './compose';

/**
 * What closes and reopens the data folder: locking, the conversions, a restore.
 * The Session implements it (the app, the command line); a store opened on its own
 * answers with `storeOnlyVault`, which cannot.
 */
export type Vault = {
  status(): VaultStatus;
  /** Use of the app, which puts off the idle lock. */
  touch(): void;
  unlock(passphrase: string): Promise<VaultStatus>;
  lock(): Promise<VaultStatus>;
  /** Also says which files were converted, and which were left as they were (the command line names them). */
  encrypt(passphrase: string, context: CallContext): Promise<VaultStatus & { conversion: FolderConversion }>;
  decrypt(passphrase: string, context: CallContext): Promise<VaultStatus & { conversion: FolderConversion }>;
  changePassphrase(passphrase: string, newPassphrase: string): Promise<VaultStatus>;
  setIdleLock(minutes: number): Promise<VaultStatus>;
  restore(name: string, context: CallContext): Promise<{ restored: SnapshotInfo; safetySnapshot: SnapshotInfo }>;
};

type VaultOps = 'vault.status' | 'vault.unlock' | 'vault.lock' | 'vault.encrypt' | 'vault.decrypt' | 'vault.changePassphrase' | 'vault.setIdleLock' | 'backups.restore';

export function vaultHandlers(vault: Vault): DomainHandlers<VaultOps> {
  // Every vault operation but a status poll counts as use; the poll does when the user is active.
  const used = <T>(work: () => T): T => {
    vault.touch();
    return work();
  };
  return {
    'vault.status': ({ active }) => {
      if (active) vault.touch();
      return vault.status();
    },
    'vault.unlock': ({ passphrase }) => used(() => vault.unlock(passphrase)),
    'vault.lock': () => used(() => vault.lock()),
    'vault.encrypt': ({ passphrase }, context) => used(() => vault.encrypt(passphrase, context)),
    'vault.decrypt': ({ passphrase }, context) => used(() => vault.decrypt(passphrase, context)),
    'vault.changePassphrase': ({ passphrase, newPassphrase }) => used(() => vault.changePassphrase(passphrase, newPassphrase)),
    'vault.setIdleLock': ({ minutes }) => used(() => vault.setIdleLock(minutes)),
    'backups.restore': ({ name }, context) => used(() => vault.restore(name, context)),
  };
}

const needsSession = (op: string) => new ServiceError('unsupported', `${op} needs the data folder to be closed and reopened, which only the app or the command line can do.`);

/**
 * A store opened on its own (tests, tools) is always unlocked and cannot close and
 * reopen itself: its status says so, and what would need that is refused.
 */
export function storeOnlyVault(store: CaseStore): Vault {
  const refuse = (op: string) => () => Promise.reject(needsSession(op));
  return {
    status: () => ({ encrypted: store.encrypted, locked: false, idleLockMinutes: 0 }),
    touch: () => undefined,
    unlock: refuse('vault.unlock'),
    lock: refuse('vault.lock'),
    encrypt: refuse('vault.encrypt'),
    decrypt: refuse('vault.decrypt'),
    changePassphrase: refuse('vault.changePassphrase'),
    setIdleLock: refuse('vault.setIdleLock'),
    restore: refuse('backups.restore'),
  };
}
