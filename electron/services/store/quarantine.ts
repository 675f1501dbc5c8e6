import { readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EncryptedFileError } from '../crypto';
import { fsyncDir, writeFileDurably } from '../disk/durableFile';
import { quarantineName } from '../disk/quarantineNames';
import type { CaseCodec } from './caseCodec';

// The quarantine: files that failed to load, moved aside with a note of why and
// never overwritten or deleted by the store (sealed like the rest in an encrypted folder).

const QUARANTINE = 'quarantine';

export type QuarantineEntry = { file: string; reason: string };

/** Moves a bad file aside with a note of why; it is never overwritten or deleted. */
export async function quarantineFile(dataDir: string, codec: CaseCodec, file: string, reason: string): Promise<QuarantineEntry> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  // The folder is part of the name: cases/x.json and trash/x.json may be quarantined in the same millisecond.
  const target = path.join(dataDir, QUARANTINE, quarantineName(stamp, file));
  const note = `${path.relative(dataDir, file)}: ${reason}\n`;
  if (codec.sealed) {
    // Encrypted folder: the bytes (whatever they are — a damaged envelope, or a plain file dropped in) and the
    // note are sealed under their own quarantine names, then the original goes. A crash in between leaves both: nothing lost.
    await writeFileDurably(target, codec.seal(target, await readFile(file)));
    await writeFileDurably(`${target}.reason.txt`, codec.seal(`${target}.reason.txt`, note));
    await unlink(file);
  } else {
    await rename(file, target);
    await writeFile(`${target}.reason.txt`, note, { mode: 0o600 });
  }
  await fsyncDir(path.dirname(file));
  await fsyncDir(path.dirname(target));
  return { file: path.relative(dataDir, target), reason: `${path.relative(dataDir, file)}: ${reason}` };
}

/** Everything in `quarantine/`, from this open and earlier ones. */
export async function listQuarantine(dataDir: string, codec: CaseCodec): Promise<QuarantineEntry[]> {
  const dir = path.join(dataDir, QUARANTINE);
  // quarantine/files/ holds originals verify moved aside (verify/originals lists them).
  const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && !e.name.endsWith('.reason.txt')).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => ({
      file: path.join(QUARANTINE, name),
      reason: (await readReason(codec, path.join(dir, `${name}.reason.txt`))).trim(),
    })),
  );
}

async function readReason(codec: CaseCodec, file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return 'no reason recorded';
  }
  try {
    return codec.open(file, bytes).toString('utf8');
  } catch (err) {
    // A note from before the folder was encrypted was converted with it; anything else is damaged.
    if (err instanceof EncryptedFileError) return `reason unreadable (${err.message})`;
    throw err;
  }
}
