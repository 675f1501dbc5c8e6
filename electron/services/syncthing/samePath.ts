import { realpath } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

// Whether a Syncthing folder's path is the data folder: Syncthing may write `~/…`, a
// trailing slash, a symlinked route; the file systems of Windows and macOS ignore case.

async function canonical(p: string): Promise<string> {
  const expanded = p === '~' || p.startsWith('~/') || p.startsWith('~\\') ? path.join(os.homedir(), p.slice(1)) : p;
  const resolved = path.resolve(expanded);
  const real = await realpath(resolved).catch(() => resolved);
  return process.platform === 'win32' || process.platform === 'darwin' ? real.toLowerCase() : real;
}

export async function samePath(a: string, b: string): Promise<boolean> {
  return (await canonical(a)) === (await canonical(b));
}
