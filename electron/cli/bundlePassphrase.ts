import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ServiceError } from '../services/errors';
import type { CliIo } from './io';

// A sealed bundle's passphrase on the command line: from a file (--passphrase-file, its
// first line; never an argument, which would land in the shell history and in every
// process listing), else typed at a no-echo prompt on the terminal.

async function passphraseFromFile(io: CliIo, given: string): Promise<string> {
  const file = path.resolve(io.cwd, given);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ServiceError('bad_input', `Cannot read the passphrase file ${file} (${(err as Error).message}). Nothing was changed.`);
  }
  const line = text.split(/\r?\n/)[0] ?? '';
  if (line === '') throw new ServiceError('bad_input', `The passphrase file ${file} is empty: put the passphrase on its first line. Nothing was changed.`);
  return line;
}

/** From --passphrase-file, else the prompt (twice when sealing); without either, an error saying how to give one. */
export async function bundlePassphrase(io: CliIo, file: string | undefined, sealing: boolean): Promise<string> {
  if (file !== undefined) return passphraseFromFile(io, file);
  const first = io.prompt ? await io.prompt(sealing ? 'Passphrase to seal the bundle with: ' : 'Passphrase of the sealed bundle: ') : null;
  if (first === null) {
    throw new ServiceError('bad_input', `${sealing ? 'No passphrase to seal the bundle with' : 'The bundle is sealed with a passphrase'}, and there is no terminal to ask on: give it in a file with --passphrase-file FILE. Nothing was ${sealing ? 'written' : 'stored'}.`);
  }
  if (sealing && (await io.prompt!('Type it again: ')) !== first) throw new ServiceError('bad_input', 'The two passphrases differ. Nothing was written.');
  return first;
}
