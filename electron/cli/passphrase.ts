import type { FolderConversion } from '../../shared/contract';
import { ServiceError } from '../services/errors';
import type { CliIo } from './io';

// Passphrases on the command line, for the vault commands (commands/encrypt.ts…)
// and for opening an encrypted folder for every other command (session.ts).
//
// Passphrases come from the environment (CASEFILE_PASSPHRASE, and
// CASEFILE_NEW_PASSPHRASE for a new one), else from a no-echo prompt on the
// terminal (`CliIo.prompt`); with neither, the command fails without touching the
// folder. A passphrase is never taken from the command line: it would land in
// the shell history and in every process listing.

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
export async function passphrase(io: CliIo, names: string[], question: string, confirm: boolean, missing: 'encrypted' | 'bad_input' = 'bad_input'): Promise<string> {
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

export function printReport(io: CliIo, report: FolderConversion, encrypted: boolean): void {
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
