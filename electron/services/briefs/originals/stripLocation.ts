import { ServiceError } from '../../errors';

// A photo sent with a public or submission brief must not say where it was taken (or
// where its author lives): the copy that leaves loses the metadata blocks that can hold
// a GPS position. Only the containers are walked — the image data is copied byte for
// byte, so the copy decodes exactly as the original. The stored original is never touched.

/** The copy, and whether anything was removed (when not, `data` is the input itself). */
export type Stripped = { data: Buffer; removed: boolean };

const JPEG_SOI = 0xd8;
const JPEG_EOI = 0xd9;
const JPEG_SOS = 0xda;
const JPEG_APP1 = 0xe1;
/** APP1 payloads that can hold a position: Exif (its GPS IFD) and XMP (exif:GPSLatitude…), standard and extended. */
const LOCATING_APP1 = ['Exif\0', 'http://ns.adobe.com/xap/1.0/\0', 'http://ns.adobe.com/xmp/extension/\0'].map((s) => Buffer.from(s, 'latin1'));

function badJpeg(why: string): ServiceError {
  return new ServiceError('bad_input', `The photo is not a well-formed JPEG (${why}); its location data cannot be removed, so it was not sent. Send the brief without originals, or save the photo again from an image editor.`);
}

/**
 * A JPEG without its Exif and XMP segments (APP1). The walk stops at the first scan
 * (SOS): Exif and XMP come before the image data, and everything from the scan on is
 * copied as it is.
 */
export function stripJpegLocation(input: Buffer): Stripped {
  if (input.length < 4 || input[0] !== 0xff || input[1] !== JPEG_SOI) throw badJpeg('it does not start with a JPEG marker');
  const kept: Buffer[] = [input.subarray(0, 2)];
  let removed = false;
  let at = 2;
  for (;;) {
    if (at >= input.length) throw badJpeg('it ends before its image data');
    if (input[at] !== 0xff) throw badJpeg(`no marker at byte ${at}`);
    let marker = at + 1;
    while (marker < input.length && input[marker] === 0xff) marker++; // fill bytes before a marker
    if (marker >= input.length) throw badJpeg('it ends inside a marker');
    const code = input[marker]!;
    if (code === JPEG_SOS || code === JPEG_EOI) {
      kept.push(input.subarray(at));
      break;
    }
    // Markers without a length: TEM and the restart markers RST0–7.
    if (code === 0x01 || (code >= 0xd0 && code <= 0xd7)) {
      kept.push(input.subarray(at, marker + 1));
      at = marker + 1;
      continue;
    }
    if (marker + 3 > input.length) throw badJpeg('it ends inside a segment header');
    const length = input.readUInt16BE(marker + 1);
    const end = marker + 1 + length;
    if (length < 2 || end > input.length) throw badJpeg(`a segment at byte ${at} runs past the end of the file`);
    const payload = input.subarray(marker + 3, end);
    if (code === JPEG_APP1 && LOCATING_APP1.some((sig) => payload.subarray(0, sig.length).equals(sig))) removed = true;
    else kept.push(input.subarray(at, end));
    at = end;
  }
  return removed ? { data: Buffer.concat(kept), removed } : { data: input, removed };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Text chunks whose keyword says they carry Exif or XMP (ImageMagick writes Exif as a "Raw profile"). */
const LOCATING_TEXT = /^(XML:com\.adobe\.xmp|Raw profile type (exif|app1|xmp))$/i;

function badPng(why: string): ServiceError {
  return new ServiceError('bad_input', `The image is not a well-formed PNG (${why}); its location data cannot be removed, so it was not sent. Send the brief without originals, or save the image again from an image editor.`);
}

/** A PNG without its eXIf chunk and the text chunks that carry Exif or XMP; every other chunk as it was, CRCs and all. */
export function stripPngLocation(input: Buffer): Stripped {
  if (input.length < PNG_SIGNATURE.length || !input.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) throw badPng('it does not start with the PNG signature');
  const kept: Buffer[] = [input.subarray(0, PNG_SIGNATURE.length)];
  let removed = false;
  let at = PNG_SIGNATURE.length;
  for (;;) {
    if (at + 12 > input.length) throw badPng('it ends inside a chunk');
    const length = input.readUInt32BE(at);
    const type = input.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > input.length) throw badPng(`the ${type} chunk at byte ${at} runs past the end of the file`);
    const data = input.subarray(at + 8, at + 8 + length);
    const keyword = type === 'tEXt' || type === 'zTXt' || type === 'iTXt' ? data.toString('latin1', 0, Math.max(0, data.indexOf(0))) : '';
    if (type === 'eXIf' || LOCATING_TEXT.test(keyword)) removed = true;
    else kept.push(input.subarray(at, end));
    at = end;
    if (type === 'IEND') break;
  }
  // Anything after IEND is not part of the image; it could hold anything, so it does not leave either.
  if (at < input.length) removed = true;
  return removed ? { data: Buffer.concat(kept), removed } : { data: input, removed };
}

/** The media types whose location this module removes; other photos leave as they are, with a warning. */
export const STRIPPABLE: Readonly<Record<string, (input: Buffer) => Stripped>> = {
  'image/jpeg': stripJpegLocation,
  'image/png': stripPngLocation,
};
