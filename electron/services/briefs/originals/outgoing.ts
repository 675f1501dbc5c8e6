import { createHash } from 'node:crypto';
import path from 'node:path';
import exifr from 'exifr';
import type { CaseFile, Source, SourceFile } from '../../../../shared/model';
import type { BriefMode, BriefOriginals } from '../../../../shared/model/brief';
import { ServiceError } from '../../errors';
import { STRIPPABLE } from './stripLocation';

// The originals a brief lists in its annex and, when asked, carries (attached to the PDF
// or beside it in a ZIP). Which ones: the sources the mode shows (the case as
// caseForBrief filtered it, so a confidential source's file never leaves outside an
// internal brief). How: each under one name, the annex's, unique in the brief.

/** Reads a stored original whole (the folder's `store.originals.read`), refused above `maxBytes`. */
export type OriginalReader = (sha256: string, maxBytes: number) => Promise<Buffer>;

/** At most this much of originals goes with one brief: more would not pass an e-mail server, nor fit the answer in memory. */
const MAX_ORIGINALS_BYTES = 100 * 1024 * 1024;

export type OutgoingOriginal = {
  /** The source as the brief shows it. */
  source: Source;
  file: SourceFile;
  /** The name it leaves under: the annex's, the attachment's, `files/<name>` in a ZIP. */
  name: string;
  /** The bytes that leave, when the brief carries originals. */
  data?: Buffer;
  /** The copy that leaves, when it differs from the original: a photo with its location removed. */
  copy?: { sha256: string; size: number };
};

export type PreparedOriginals = { list: OutgoingOriginal[]; how: BriefOriginals; warnings: string[] };

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** A file name that is one name in every ZIP reader and PDF viewer: no folders, no control characters, not too long. */
export function safeName(name: string, sha: string): string {
  const base = path.posix.basename(name.replaceAll('\\', '/'))
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (base === '') return `original-${sha.slice(0, 12)}`;
  if (base.length <= 120) return base;
  const ext = path.posix.extname(base).slice(0, 16);
  return `${base.slice(0, 120 - ext.length)}${ext}`;
}

/** "name (2).ext" for the second different file of the same name. */
function numbered(name: string, n: number): string {
  const ext = path.posix.extname(name);
  return `${name.slice(0, name.length - ext.length)} (${n})${ext}`;
}

/**
 * Every original the brief shows, in case and source order, each under its name. One
 * file behind two sources is one name; two files of one name are told apart by a number.
 * `reserved` names (the brief itself, in a ZIP) are never given to an original.
 */
export function listOriginals(views: readonly CaseFile[], reserved: readonly string[] = []): OutgoingOriginal[] {
  const bySha = new Map<string, string>();
  const taken = new Set(reserved.map((n) => n.toLowerCase()));
  const out: OutgoingOriginal[] = [];
  for (const c of views) {
    for (const source of c.sources) {
      const file = source.file;
      if (!file) continue;
      let name = bySha.get(file.sha256);
      if (name === undefined) {
        const wanted = safeName(file.name, file.sha256);
        name = wanted;
        for (let n = 2; taken.has(name.toLowerCase()); n++) name = numbered(wanted, n);
        taken.add(name.toLowerCase());
        bySha.set(file.sha256, name);
      }
      out.push({ source, file, name });
    }
  }
  return out;
}

/** Where a photo that keeps its location was taken, when exifr finds it (undefined: none found, or not a format it reads). */
async function locationIn(data: Buffer): Promise<{ latitude: number; longitude: number } | undefined> {
  try {
    const gps = (await exifr.gps(data)) as { latitude?: number; longitude?: number } | undefined;
    return gps && Number.isFinite(gps.latitude) && Number.isFinite(gps.longitude) ? { latitude: gps.latitude!, longitude: gps.longitude! } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the originals a brief carries (`how` attach or zip) and makes the copies that
 * leave: outside an internal brief a JPEG or PNG loses its location data (stripLocation);
 * another kind of photo that holds a position leaves as it is, with a warning. Refused,
 * nothing written, when an original is missing or changed, or they come to more than
 * MAX_ORIGINALS_BYTES.
 */
export async function prepareOriginals(list: OutgoingOriginal[], how: BriefOriginals, mode: BriefMode, read: OriginalReader | undefined, signal?: AbortSignal): Promise<PreparedOriginals> {
  const warnings: string[] = [];
  if (how === 'none') return { list, how, warnings };
  if (!read) throw new ServiceError('internal', 'The brief was asked to carry originals but was given no way to read them.');
  const total = [...new Map(list.map((o) => [o.file.sha256, o.file.size])).values()].reduce((a, b) => a + b, 0);
  if (total > MAX_ORIGINALS_BYTES) {
    throw new ServiceError(
      'bad_input',
      `The originals of this brief come to ${total} bytes, more than the ${MAX_ORIGINALS_BYTES} bytes one brief carries; nothing was written. Create the brief without originals (its annex still lists them with their SHA-256) and send the files another way (\`casefile source original\`).`,
      [{ path: ['originals'], message: `at most ${MAX_ORIGINALS_BYTES} bytes of originals` }],
    );
  }
  const made = new Map<string, Pick<OutgoingOriginal, 'data' | 'copy'>>();
  const out: OutgoingOriginal[] = [];
  for (const o of list) {
    signal?.throwIfAborted();
    let copy = made.get(o.file.sha256);
    if (!copy) {
      copy = await outgoingCopy(o, mode, read, warnings);
      made.set(o.file.sha256, copy);
    }
    out.push({ ...o, ...copy });
  }
  return { list: out, how, warnings };
}

async function outgoingCopy(o: OutgoingOriginal, mode: BriefMode, read: OriginalReader, warnings: string[]): Promise<Pick<OutgoingOriginal, 'data' | 'copy'>> {
  let data: Buffer;
  try {
    data = await read(o.file.sha256, Math.max(o.file.size, 0));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new ServiceError(err instanceof ServiceError ? err.code : 'io', `The brief was not written: the original of the source "${o.source.title}" (${o.file.name}) cannot be sent. ${why}`);
  }
  // The store re-hashes what it reads; a file that is not the one the annex names must not leave under its name.
  if (data.length !== o.file.size || sha256(data) !== o.file.sha256) {
    throw new ServiceError('io', `The brief was not written: the original of the source "${o.source.title}" (${o.file.name}) is not the file recorded (size or SHA-256 differ). Run \`casefile verify\`.`);
  }
  if (mode === 'internal') return { data };
  const strip = STRIPPABLE[o.file.mediaType];
  if (strip) {
    const stripped = strip(data);
    return stripped.removed ? { data: stripped.data, copy: { sha256: sha256(stripped.data), size: stripped.data.length } } : { data };
  }
  if (/^(image|video)\//.test(o.file.mediaType)) {
    const at = await locationIn(data);
    if (at) {
      warnings.push(`The original "${o.name}" (${o.file.mediaType}, source "${o.source.title}") records where it was taken (${at.latitude.toFixed(5)}, ${at.longitude.toFixed(5)}); Casefile removes a location only from JPEG and PNG files, so it leaves with it. Create the brief without originals if the place must stay private.`);
    }
  }
  return { data };
}
