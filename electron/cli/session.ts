import { scryptParamsForTests } from '../services/crypto';
import { createDispatcher, type Dispatch } from '../services/dispatch';
import { ServiceError } from '../services/errors';
import { Session } from '../services/session';
import { ENCRYPTED_MESSAGE } from '../services/store/caseStore';
import type { CliIo } from './io';
import { printOpenProgress } from './openProgress';

// The one way a command reaches the data folder: a Session (as the app holds it)
// and the contract's dispatcher over its handlers. The vault commands come in
// here too, so that encrypting, decrypting and a new passphrase are checked and
// served exactly as the window's Settings → Encryption asks for them.

/** Opens the folder: with `passphrase` when given (a vault command asked for it), else as `openSessionForCli`. */
export async function openSession(dataDir: string, io: CliIo, passphrase?: string): Promise<Session> {
  // scrypt's cost for a new vault: tuned to the machine, lowered only under vitest (CASEFILE_SCRYPT_N).
  return Session.start(dataDir, { scrypt: scryptParamsForTests(io.env), store: { onOpenProgress: printOpenProgress(io.stderr, 'casefile') } }, passphrase);
}

/**
 * Opens the store for every other command: with CASEFILE_PASSPHRASE when set;
 * else, on an encrypted folder, with a passphrase typed at the prompt; else the
 * `encrypted` error (exit 5).
 */
export async function openSessionForCli(dataDir: string, io: CliIo): Promise<Session> {
  const fromEnv = io.env.CASEFILE_PASSPHRASE ? io.env.CASEFILE_PASSPHRASE : undefined;
  const session = await openSession(dataDir, io, fromEnv);
  if (!session.status().locked) return session;
  try {
    const typed = fromEnv === undefined && io.prompt ? await io.prompt('Passphrase for the data folder: ') : null;
    if (typed === null) throw new ServiceError('encrypted', ENCRYPTED_MESSAGE);
    await session.unlock(typed);
    return session;
  } catch (err) {
    await session.close();
    throw err;
  }
}

/** Runs `work` with the contract's dispatcher on an open session, then closes it; what opening quarantined is said first. */
export async function serve(session: Session, io: CliIo, work: (dispatch: Dispatch) => Promise<number>): Promise<number> {
  try {
    for (const q of session.store?.quarantinedNow ?? []) io.stderr(`casefile: warning: quarantined ${q.reason} (moved to ${q.file})`);
    const dispatch = createDispatcher(session.handlers, {
      onInternalError: (op, err) => io.stderr(`casefile: internal error in ${op}: ${(err as Error)?.stack ?? String(err)}`),
    });
    return await work(dispatch);
  } finally {
    await session.close();
  }
}
