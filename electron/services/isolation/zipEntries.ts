import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

// yauzl's callbacks as promises, always with the settings an untrusted container needs:
// entries read one at a time from the central directory (lazyEntries), sizes checked
// against what each entry declares (validateEntrySizes), and names left as bytes so that
// our own checks, not yauzl's, say what is wrong with one.

export type RawEntry = Entry & { fileName: Buffer };

/** A container on disk (the command line), or its bytes (an upload from the window, never written to a temp file in the clear). */
export type ZipSource = string | Uint8Array;

export function openZip(from: ZipSource): Promise<ZipFile> {
  const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: false, strictFileNames: false };
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip?: ZipFile) => (err || !zip ? reject(err ?? new Error('no ZIP')) : resolve(zip));
    if (typeof from === 'string') yauzl.open(from, options, done);
    else yauzl.fromBuffer(Buffer.from(from.buffer, from.byteOffset, from.byteLength), options, done);
  });
}

/** The central directory's entries in turn; the generator ends at its end, and throws what yauzl finds wrong. */
export async function* zipEntries(zip: ZipFile): AsyncGenerator<RawEntry> {
  for (;;) {
    const next = await new Promise<RawEntry | null>((resolve, reject) => {
      const cleanup = () => {
        zip.off('entry', onEntry);
        zip.off('end', onEnd);
        zip.off('error', onError);
      };
      const onEntry = (entry: Entry) => (cleanup(), resolve(entry as RawEntry));
      const onEnd = () => (cleanup(), resolve(null));
      const onError = (err: Error) => (cleanup(), reject(err));
      zip.on('entry', onEntry);
      zip.on('end', onEnd);
      zip.on('error', onError);
      zip.readEntry();
    });
    if (next === null) return;
    yield next;
  }
}

/** One entry's bytes, decompressed; the stream fails when they are more or fewer than the entry declares. */
export function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(err ?? new Error('no stream')) : resolve(stream)));
  });
}
