import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';

export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** Every file and folder under `dir`, relative, with each file's size: what a refused import must leave as it was. */
export async function folderListing(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string) => {
    for (const e of await readdir(path.join(dir, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, e.name);
      if (e.isDirectory()) {
        out.push(`${child}/`);
        await walk(child);
      } else out.push(`${child} ${(await stat(path.join(dir, child))).size}`);
    }
  };
  await walk('');
  return out.sort();
}

export type ZipPart = { name: string; data: Buffer; compress?: boolean; mode?: number };

/** A ZIP built by yazl from the given entries, in memory (test containers are small). */
export function buildZip(parts: readonly ZipPart[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const p of parts) zip.addBuffer(p.data, p.name, { compress: p.compress ?? true, ...(p.mode !== undefined ? { mode: p.mode } : {}), mtime: new Date('2026-12-01T00:00:00Z') });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** Replaces every occurrence of one name by another of the same length (local header and central directory): names yazl will not write. */
export function renameInZip(zip: Buffer, from: string, to: string): Buffer {
  if (from.length !== to.length) throw new Error('names must have the same length');
  const out = Buffer.from(zip);
  const needle = Buffer.from(from, 'latin1');
  let at = out.indexOf(needle);
  let n = 0;
  while (at !== -1) {
    Buffer.from(to, 'latin1').copy(out, at);
    n++;
    at = out.indexOf(needle, at + needle.length);
  }
  if (n < 2) throw new Error(`"${from}" found ${n} time(s), expected in the local header and the central directory`);
  return out;
}

/** The names of a ZIP's entries, in order. */
export function entryNames(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const names: string[] = [];
      zip.on('entry', (e: yauzl.Entry) => (names.push(e.fileName), zip.readEntry()));
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
