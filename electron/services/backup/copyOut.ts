import { createReadStream } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VAULT_FILE } from '../crypto';
import { ioError, isIoError, ServiceError } from '../errors';
import { fsyncDir, writeFileDurably, type DurableFs } from '../disk/durableFile';
import { readSnapshotFile } from './archive';
import { originalsPool } from './originalsPool';
import { BACKUPS_DIR, listSnapshots, snapshotAad, snapshotAads, snapshotStreamAad, writeStreamDurably } from './snapshots';
import { BLOBS_DIR, blobPath, blobRoot, BlobWriter, eachLimited, readBlob } from './blobPool';
import { namedBlobs } from './blobGc';

// Taking backups off the machine. A snapshot in an encrypted folder is sealed
// with the folder's data key, and that key exists on disk only wrapped in
// vault.json — which snapshots leave out on purpose (see README, "Backups and
// recovery"). A copy of backups/ alone is therefore useless once the disk is
// lost. A copy-out writes one self-contained set:
//
//   DIR/casefile-backup-<when>/
//     vault.json                      the wrapped key (absent for a plain folder)
//     backups/<snapshot>              the newest snapshot(s)
//     RESTORE.txt                     what this is and how to restore it
//
// A set is a data folder in the making: `casefile --data-dir <set> restore
// <snapshot>` with the passphrase turns it into the full folder on any machine.
// Each copy gets its own set, never mixed with an older one: a vault.json from
// before a decrypt-and-encrypt wraps another key and would not open newer snapshots.

export type CopyOutOptions = {
  /** The folder's data key when it is encrypted: each copied snapshot is read back through it before the copy counts as done. */
  key: Buffer | null;
  /** Which snapshots (by name); default: the newest one. */
  snapshots?: string[];
  now?: Date;
  fs?: DurableFs;
};

export type CopyOutReport = {
  /** The set written, an absolute path. */
  folder: string;
  /** Its files, relative to `folder`. */
  files: string[];
  encrypted: boolean;
};

const COPY_PREFIX = 'casefile-backup-';
const RESTORE_NOTE = 'RESTORE.txt';

function restoreNote(snapshots: string[], encrypted: boolean, at: string): string {
  return [
    `Casefile backup copied out on ${at}.`,
    '',
    encrypted
      ? `The snapshots are encrypted. ${VAULT_FILE} holds their key, wrapped by the passphrase the folder had on that day; keep this folder as safe as the passphrase itself.`
      : 'The folder was not encrypted: these snapshots are readable by anyone who has this folder.',
    '',
    'To restore on any machine with Casefile:',
    `  casefile --data-dir "<this folder>" restore ${snapshots[0]}`,
    encrypted ? '  (the passphrase from CASEFILE_PASSPHRASE or the prompt)' : '',
    'This folder then is a complete data folder: open it with --data-dir, or move it to where the app keeps its data.',
    '',
    'Snapshots:',
    ...snapshots.map((s) => `  ${s}`),
    '',
  ].join('\n');
}

/** Copies the pool of originals into the set, file to file (each is in a new set, so every one is missing there). */
async function copyPool(source: string, folder: string, options: CopyOutOptions): Promise<string[]> {
  const from = originalsPool(source, () => options.key);
  const to = originalsPool(folder, () => options.key);
  const out: string[] = [];
  for (const { sha256 } of await from.list()) {
    if (await to.has(sha256)) continue;
    const target = to.pathOf(sha256);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await writeStreamDurably(
      path.dirname(target),
      sha256,
      async (write) => {
        for await (const chunk of createReadStream(from.pathOf(sha256), { highWaterMark: 1 << 20 })) await write(chunk as Buffer);
      },
      async () => path.basename(target),
      options.fs,
    );
    out.push(path.relative(folder, target).split(path.sep).join('/'));
  }
  return out;
}

/** Copies the blobs the snapshots `names` name (each once, as it is on disk) into the set's backups/blobs/. */
async function copyBlobs(source: string, folder: string, names: readonly string[], options: CopyOutOptions): Promise<string[]> {
  const from = blobRoot(path.join(source, BACKUPS_DIR));
  const named = await namedBlobs(path.join(source, BACKUPS_DIR), names, options.key, snapshotAads);
  if (!named) throw new ServiceError('internal', 'A snapshot to copy does not read whole (`casefile verify` names it); choose another one. Nothing was copied.');
  const writer = new BlobWriter(blobRoot(path.join(folder, BACKUPS_DIR)), options.key, options.fs);
  const out: string[] = [];
  await eachLimited(named, 16, async (sha256) => {
    let raw: Buffer;
    try {
      raw = await readFile(blobPath(from, sha256));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new ServiceError('internal', `A snapshot to copy names a blob that is missing (${sha256}); \`casefile verify\` names the snapshot. Nothing usable was copied.`);
      throw err;
    }
    await writer.putRaw(sha256, raw);
    out.push(`${BACKUPS_DIR}/${BLOBS_DIR}/${sha256.slice(0, 2)}/${sha256}.bin`);
  });
  await writer.flush();
  return out.sort();
}

const stampOf = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z'); // 20261122T201556Z

/**
 * Copies the newest snapshot (or the ones named) and vault.json to a new set in
 * `destDir`, each written durably, then reads the copies back: every snapshot
 * must decode whole with the folder's key, and vault.json must be the folder's
 * byte for byte. The caller holds the folder (its lock, or the open store), so
 * no conversion can change the key file or re-seal a snapshot meanwhile.
 */
/**
 * Where a copy may go: an existing folder outside the data folder. Checked before
 * anything is written — a snapshot taken for a copy that cannot be made is clutter.
 */
export async function copyDestination(dataDir: string, destDir: string): Promise<string> {
  const dest = path.resolve(destDir);
  const source = path.resolve(dataDir);
  if (dest === source || dest.startsWith(`${source}${path.sep}`)) {
    throw new ServiceError('bad_input', `${dest} is inside the data folder; a copy there is lost with the disk. Choose another drive or folder. Nothing was copied.`);
  }
  const destStat = await stat(dest).catch(() => null);
  if (!destStat?.isDirectory()) throw new ServiceError('not_found', `${dest} is not a folder (plug in the drive, or create the folder). Nothing was copied.`);
  return dest;
}

export async function copyBackupsOut(dataDir: string, destDir: string, options: CopyOutOptions): Promise<CopyOutReport> {
  const dest = await copyDestination(dataDir, destDir);
  const source = path.resolve(dataDir);

  const all = await listSnapshots(source);
  const names = options.snapshots ?? all.slice(0, 1).map((s) => s.name);
  if (names.length === 0) throw new ServiceError('not_found', 'There is no snapshot to copy yet: take one first (`casefile backup`, or Back up now). Nothing was copied.');
  for (const name of names) {
    if (!all.some((s) => s.name === name)) throw new ServiceError('not_found', `There is no snapshot named ${name}. Nothing was copied.`);
  }
  let vault: Buffer | null = null;
  try {
    vault = await readFile(path.join(source, VAULT_FILE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (options.key && !vault) throw new ServiceError('internal', `The folder is open encrypted but ${VAULT_FILE} is not there. Nothing was copied.`);

  const now = options.now ?? new Date();
  let folder = path.join(dest, `${COPY_PREFIX}${stampOf(now)}`);
  for (let n = 2; await stat(folder).then(() => true, () => false); n++) folder = path.join(dest, `${COPY_PREFIX}${stampOf(now)}-${n}`);
  const files: string[] = [];
  try {
    await mkdir(path.join(folder, BACKUPS_DIR), { recursive: true, mode: 0o700 });
    for (const name of names) {
      // File to file, a megabyte at a time: a snapshot may be many gigabytes.
      await writeStreamDurably(
        path.join(folder, BACKUPS_DIR),
        name,
        async (write) => {
          for await (const chunk of createReadStream(path.join(source, BACKUPS_DIR, name), { highWaterMark: 1 << 20 })) await write(chunk as Buffer);
        },
        async () => name,
        options.fs,
      );
      files.push(`${BACKUPS_DIR}/${name}`);
    }
    // The blobs the snapshots name (version 3), copied as they are on disk, before anything counts the set whole.
    files.push(...(await copyBlobs(source, folder, names, options)));
    // The originals the snapshots' cases name are kept once each beside them (backup/originalsPool), sealed as they are.
    files.push(...(await copyPool(source, folder, options)));
    // The key file last: a set with vault.json in it is a set whose snapshots are all there.
    if (vault) {
      await writeFileDurably(path.join(folder, VAULT_FILE), vault, options.fs);
      files.push(VAULT_FILE);
    }
    await writeFileDurably(path.join(folder, RESTORE_NOTE), restoreNote(names, vault !== null, now.toISOString()), options.fs);
    files.push(RESTORE_NOTE);
    await fsyncDir(dest, options.fs);
  } catch (err) {
    if (!isIoError(err)) throw err;
    throw new ServiceError('io', ioError(err, `copy the backups to ${dest}`).message.replace(/The previous version is intact\.$/, `The data folder was not touched; delete the incomplete ${folder}.`));
  }

  // Read back from the destination, as a restore will: a drive that lies about its writes is found now, not on the bad day.
  for (const name of names) {
    await readSnapshotFile(name, path.join(folder, BACKUPS_DIR, name), { key: options.key, wholeAad: snapshotAad(name), streamAad: snapshotStreamAad(name) });
  }
  const blobs = blobRoot(path.join(folder, BACKUPS_DIR));
  await eachLimited(files.filter((f) => f.startsWith(`${BACKUPS_DIR}/${BLOBS_DIR}/`)), 16, async (rel) => {
    const sha256 = path.basename(rel, '.bin');
    await readBlob(blobs, sha256, options.key).catch((err: unknown) => {
      throw new ServiceError('io', `The copy of a snapshot's blob ${sha256} in ${folder} does not read back as written (${(err as Error).message}); the drive may be failing. The data folder was not touched.`);
    });
  });
  const copied = originalsPool(folder, () => options.key);
  for (const rel of files.filter((f) => f.startsWith(`${BACKUPS_DIR}/files/`))) {
    const sha256 = path.basename(rel, '.bin');
    if ((await copied.check(sha256)) !== 'ok') throw new ServiceError('io', `The copy of the original ${sha256} in ${folder} does not read back as written; the drive may be failing. The data folder was not touched.`);
  }
  if (vault && !(await readFile(path.join(folder, VAULT_FILE))).equals(vault)) {
    throw new ServiceError('io', `The copy of ${VAULT_FILE} in ${folder} does not read back as written; the drive may be failing. The data folder was not touched.`);
  }
  return { folder, files, encrypted: vault !== null };
}
