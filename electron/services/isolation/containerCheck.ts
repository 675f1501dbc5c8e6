// A bundle with originals (NAME.casefile.zip) checked whole in the worker before
// anything of it is written (MODEL.md: The bundle): every entry's name, kind, declared
// sizes and compression ratio from the central directory first; then bundle.json read
// and validated as a bundle file is; then every original decompressed and hashed
// against its name and against the `file` record of the sources that cite it. A
// container that fails any check is refused with what and why; this module writes
// nothing anywhere, so a refusal leaves every folder as it was.

import { createHash } from 'node:crypto';
import type { ZipFile } from 'yauzl';
import type { Bundle, Issue } from '../../../shared/model';
import { ServiceError } from '../errors';
import { BUNDLE_ENTRY, FILE_ENTRY, namedOriginals } from '../bundles/containerRules';
import { readBundleBytes } from './bundleFile';
import { mib } from './limits';
import { openEntry, openZip, zipEntries, type RawEntry, type ZipSource } from './zipEntries';

export type ContainerCheckInput = {
  from: ZipSource;
  fileName: string;
  maxDepth: number;
  listed: number;
  bundleBytes: number;
  totalBytes: number;
  ratio: number;
  tinyBytes: number;
};

export type CarriedOriginal = { sha256: string; size: number };
export type ContainerCheckOutput = { bundle: Bundle; carried: CarriedOriginal[] } | { issues: Issue[] };

/** More entries than any bundle needs (one per original, plus bundle.json): a central directory of millions is refused before it is walked. */
const MAX_ENTRIES = 100_000;

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const DOS_DIRECTORY = 0x10;

export async function checkContainer(input: ContainerCheckInput): Promise<ContainerCheckOutput> {
  const refuse = (why: string) => new ServiceError('bad_input', `"${input.fileName}" was refused; nothing was stored: ${why}`);
  let zip: ZipFile;
  try {
    zip = await openZip(input.from);
  } catch (err) {
    throw refuse(`it is not a ZIP container Casefile can read (${(err as Error).message}). Export the bundle again.`);
  }
  try {
    if (zip.entryCount > MAX_ENTRIES) throw refuse(`it lists ${zip.entryCount} entries; a bundle holds bundle.json and one entry per original, at most ${MAX_ENTRIES}.`);
    const entries = await listEntries(zip, input, refuse);
    const bundleEntry = entries.get(BUNDLE_ENTRY);
    if (!bundleEntry) throw refuse(`it holds no ${BUNDLE_ENTRY}, so it is not a Casefile bundle.`);

    const bundleBytes = await readWhole(zip, bundleEntry, input.bundleBytes, refuse);
    const read = readBundleBytes(`${input.fileName}: ${BUNDLE_ENTRY}`, bundleBytes, { maxDepth: input.maxDepth, listed: input.listed });
    if ('issues' in read) return read;
    const { originals, issues } = namedOriginals(read.bundle);
    if (issues.length > 0) return { issues };
    const named = new Map(originals.map((o) => [o.sha256, o]));

    const carried: CarriedOriginal[] = [];
    for (const [name, entry] of entries) {
      const sha256 = FILE_ENTRY.exec(name)?.[1];
      if (sha256 === undefined) continue;
      const original = named.get(sha256);
      if (!original) throw refuse(`the entry "${name}" is an original that no source in ${BUNDLE_ENTRY} names (a container holds only the originals its sources cite).`);
      const first = original.cited[0]!;
      const where = `cases[${first.caseIndex}].sources[${first.sourceIndex}].file.size`;
      if (entry.uncompressedSize > original.size) throw refuse(`the entry "${name}" declares ${entry.uncompressedSize} bytes, more than the ${original.size} that ${where} gives for it.`);
      const got = await hashEntry(zip, entry, original.size, name, refuse);
      if (got.size !== original.size) throw refuse(`the entry "${name}" holds ${got.size} bytes, not the ${original.size} that ${where} gives for it.`);
      if (got.sha256 !== sha256) throw refuse(`the bytes of the entry "${name}" hash to SHA-256 ${got.sha256}, not to the ${sha256} its name and its source give: it was altered or damaged.`);
      carried.push({ sha256, size: original.size });
    }
    return { bundle: read.bundle, carried };
  } finally {
    zip.close();
  }
}

/** Every entry from the central directory, each name, kind and declared size checked before a byte of content is read. */
async function listEntries(zip: ZipFile, input: ContainerCheckInput, refuse: (why: string) => ServiceError): Promise<Map<string, RawEntry>> {
  const entries = new Map<string, RawEntry>();
  let total = 0;
  try {
    for await (const entry of zipEntries(zip)) {
      const raw = entry.fileName;
      const name = raw.toString('latin1');
      const shown = JSON.stringify(name);
      if (raw.some((b) => b > 0x7e || b < 0x20)) throw refuse(`the entry ${shown} has a name with bytes outside printable ASCII; a bundle's entries are ${BUNDLE_ENTRY} and files/<sha256>.`);
      if (name.includes('\\')) throw refuse(`the entry ${shown} has a backslash in its name; a bundle's entries are ${BUNDLE_ENTRY} and files/<sha256>.`);
      if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw refuse(`the entry ${shown} is an absolute path; a bundle's entries are ${BUNDLE_ENTRY} and files/<sha256>, inside the container.`);
      if (name.split('/').includes('..')) throw refuse(`the entry ${shown} points outside the container (".."); a bundle's entries are ${BUNDLE_ENTRY} and files/<sha256>.`);
      if (name.endsWith('/') || (entry.externalFileAttributes & DOS_DIRECTORY) !== 0) throw refuse(`the entry ${shown} is a folder; a bundle holds only ${BUNDLE_ENTRY} and files/<sha256>.`);
      const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
      if (type !== 0 && type !== S_IFREG) throw refuse(`the entry ${shown} is a ${type === 0o120000 ? 'symbolic link' : 'special file'}, not a file; a bundle holds no links.`);
      if (name !== BUNDLE_ENTRY && !FILE_ENTRY.test(name)) throw refuse(`the entry ${shown} is not one a bundle holds (only ${BUNDLE_ENTRY} and files/<sha256>, 64 lower-case hexadecimal digits).`);
      if (entries.has(name)) throw refuse(`the entry ${shown} is in it twice; which one is meant cannot be known.`);
      if (entry.isEncrypted()) throw refuse(`the entry ${shown} is encrypted with a ZIP password; Casefile's bundles are not.`);
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw refuse(`the entry ${shown} uses compression method ${entry.compressionMethod}; Casefile reads stored or deflated entries only.`);
      const size = entry.uncompressedSize;
      if (size > input.tinyBytes && size > input.ratio * Math.max(1, entry.compressedSize)) {
        throw refuse(`the entry ${shown} would grow from ${mib(entry.compressedSize)} to ${mib(size)}, more than ${input.ratio} times: a decompression bomb, or not a container Casefile wrote.`);
      }
      total += size;
      if (total > input.totalBytes) throw refuse(`its entries hold more than ${mib(input.totalBytes)} uncompressed, the most Casefile imports at once. Export the cases in smaller bundles.`);
      entries.set(name, entry);
    }
  } catch (err) {
    if (err instanceof ServiceError) throw err;
    throw refuse(`its list of entries is damaged (${(err as Error).message}). Export the bundle again.`);
  }
  return entries;
}

async function readWhole(zip: ZipFile, entry: RawEntry, max: number, refuse: (why: string) => ServiceError): Promise<Uint8Array> {
  if (entry.uncompressedSize > max) throw refuse(`its ${BUNDLE_ENTRY} is ${mib(entry.uncompressedSize)}; Casefile imports bundles of at most ${mib(max)}.`);
  const parts: Buffer[] = [];
  try {
    for await (const chunk of await openEntry(zip, entry)) parts.push(chunk as Buffer);
  } catch (err) {
    throw refuse(`its ${BUNDLE_ENTRY} cannot be read (${(err as Error).message}).`);
  }
  return Buffer.concat(parts);
}

async function hashEntry(zip: ZipFile, entry: RawEntry, max: number, name: string, refuse: (why: string) => ServiceError): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of await openEntry(zip, entry)) {
      size += (chunk as Buffer).length;
      // yauzl stops at the declared size too; this bound holds whatever the header says.
      if (size > max) throw refuse(`the entry "${name}" holds more than the ${max} bytes its source gives for it.`);
      hash.update(chunk as Buffer);
    }
  } catch (err) {
    if (err instanceof ServiceError) throw err;
    throw refuse(`the entry "${name}" cannot be read (${(err as Error).message}): the container is damaged or was altered.`);
  }
  return { sha256: hash.digest('hex'), size };
}
