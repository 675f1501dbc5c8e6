import { readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { aadForFile, decryptBytes, EncryptedJsonFile, encryptBytes } from '../../crypto';
import { DurableJsonFile, fsyncDir, writeFileDurably, type DurableFs } from '../../disk/durableFile';
import { quarantineName } from '../../disk/quarantineNames';
import { isLiveCaseFileName as isCaseFileName } from '../../disk/folderLayout';

// The case files of a folder as a migration reads and writes them: through the
// store's own adapters (durable, sealed under the folder's key when it has one),
// and moved aside to quarantine/ exactly as the store moves a file it cannot read.


export type CaseFolder = { dataDir: string; key: Buffer | null; fs?: DurableFs };

/** Every case file in cases/ and trash/, in a stable order. */
export async function caseFilesOf(dataDir: string): Promise<Array<{ sub: 'cases' | 'trash'; name: string; file: string }>> {
  const out: Array<{ sub: 'cases' | 'trash'; name: string; file: string }> = [];
  for (const sub of ['cases', 'trash'] as const) {
    let names: string[];
    try {
      names = await readdir(path.join(dataDir, sub));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    for (const name of names.filter(isCaseFileName).sort()) out.push({ sub, name, file: path.join(dataDir, sub, name) });
  }
  return out;
}

function adapter(folder: CaseFolder, file: string): DurableJsonFile<unknown> | EncryptedJsonFile<unknown> {
  return folder.key ? new EncryptedJsonFile<unknown>(file, folder.key, aadForFile(folder.dataDir, file), folder.fs) : new DurableJsonFile<unknown>(file, folder.fs);
}

/** A case file's JSON, or null when it does not open or parse (the store's open quarantines it, saying why). */
export async function readCaseJson(folder: CaseFolder, file: string): Promise<unknown> {
  try {
    return await adapter(folder, file).read();
  } catch {
    return null;
  }
}

/** Replaces a case file durably, in the form the store writes (pretty JSON, sealed when the folder is encrypted). */
export async function writeCaseJson(folder: CaseFolder, file: string, value: unknown): Promise<void> {
  await adapter(folder, file).write(value);
}

/**
 * Moves a file aside with a note saying why, as the store does (caseStore
 * `quarantine`): in an encrypted folder the bytes and the note are sealed under
 * their quarantine names before the original goes. A crash in between leaves
 * both copies; nothing is lost. Returns the quarantined name, relative to the folder.
 */
export async function quarantineCaseFile(folder: CaseFolder, file: string, reason: string): Promise<string> {
  const bytes = await readFile(file);
  // A run a crash cut short may have put the copy there already (and not removed the original): no second copy.
  const earlier = await quarantinedCopyOf(folder, file, bytes);
  if (earlier !== null) {
    const noteFile = path.join(folder.dataDir, `${earlier}.reason.txt`);
    const hasNote = await readFile(noteFile).then(() => true, () => false);
    if (!hasNote) await writeNote(folder, noteFile, `${path.relative(folder.dataDir, file)}: ${reason}\n`);
    await unlink(file);
    await fsyncDir(path.dirname(file), folder.fs);
    return earlier;
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(folder.dataDir, 'quarantine', quarantineName(stamp, file));
  const note = `${path.relative(folder.dataDir, file)}: ${reason}\n`;
  // A copy, then its note, then the original removed: a crash leaves both copies, never none.
  await writeFileDurably(target, folder.key ? encryptBytes(folder.key, bytes, aadForFile(folder.dataDir, target)) : bytes, folder.fs);
  await writeNote(folder, `${target}.reason.txt`, note);
  await unlink(file);
  await fsyncDir(path.dirname(file), folder.fs);
  return path.relative(folder.dataDir, target);
}

async function writeNote(folder: CaseFolder, noteFile: string, note: string): Promise<void> {
  await writeFileDurably(noteFile, folder.key ? encryptBytes(folder.key, note, aadForFile(folder.dataDir, noteFile)) : note, folder.fs);
}

/** The quarantined copy of `file` holding exactly `bytes` (relative to the folder), or null. */
async function quarantinedCopyOf(folder: CaseFolder, file: string, bytes: Buffer): Promise<string | null> {
  const dir = path.join(folder.dataDir, 'quarantine');
  const suffix = quarantineName('', file);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return null;
  }
  for (const name of names) {
    if (!name.endsWith(suffix)) continue;
    const stored = await readFile(path.join(dir, name)).catch(() => null);
    if (stored === null) continue;
    let held: Buffer | null = stored;
    if (folder.key) {
      try {
        held = decryptBytes(folder.key, stored, aadForFile(folder.dataDir, path.join(dir, name)));
      } catch {
        held = null;
      }
    }
    if (held !== null && held.equals(bytes)) return path.join('quarantine', name);
  }
  return null;
}
