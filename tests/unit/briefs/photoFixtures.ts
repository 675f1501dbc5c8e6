import { crc32 } from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';

// Photos made by the tests: a small picture drawn with @napi-rs/canvas, and an Exif block
// written by hand (TIFF header, IFD0 with a camera make and a pointer to a GPS IFD holding
// latitude and longitude), put where a phone puts it: an APP1 segment after the JPEG's
// SOI, an eXIf chunk after a PNG's IHDR.

export const PLACE = { latitude: 43.238293, longitude: 76.945465 }; // Almaty

/** A 64×48 picture with a few shapes, so that decoding it back shows real pixels. */
function draw() {
  const canvas = createCanvas(64, 48);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#2a6f97';
  ctx.fillRect(0, 0, 64, 48);
  ctx.fillStyle = '#f4d35e';
  ctx.fillRect(8, 8, 24, 16);
  ctx.fillStyle = '#ee964b';
  ctx.fillRect(36, 20, 20, 20);
  return canvas;
}

/** Degrees as the three rationals (degrees, minutes, seconds × 1000) Exif stores. */
function dms(value: number): number[] {
  const deg = Math.floor(value);
  const minFloat = (value - deg) * 60;
  const min = Math.floor(minFloat);
  const sec = Math.round((minFloat - min) * 60 * 1000);
  return [deg, 1, min, 1, sec, 1000];
}

/** A little-endian TIFF block: IFD0 {Make, GPSInfo} → GPS IFD {LatitudeRef, Latitude, LongitudeRef, Longitude}. */
export function exifTiff(place = PLACE, make = 'TestCam'): Buffer {
  const makeBytes = Buffer.from(`${make}\0`, 'latin1');
  // Layout: header 8 | IFD0 (2 entries) 2+24+4=30 | make string | GPS IFD (4 entries) 2+48+4=54 | 2×24 bytes of rationals
  const ifd0 = 8;
  const makeAt = ifd0 + 30;
  const gpsAt = makeAt + makeBytes.length + (makeBytes.length % 2);
  const latAt = gpsAt + 54;
  const lonAt = latAt + 24;
  const buf = Buffer.alloc(lonAt + 24);
  buf.write('II', 0, 'latin1');
  buf.writeUInt16LE(42, 2);
  buf.writeUInt32LE(ifd0, 4);
  const entry = (at: number, tag: number, type: number, count: number, value: number | Buffer) => {
    buf.writeUInt16LE(tag, at);
    buf.writeUInt16LE(type, at + 2);
    buf.writeUInt32LE(count, at + 4);
    if (typeof value === 'number') buf.writeUInt32LE(value, at + 8);
    else value.copy(buf, at + 8);
  };
  buf.writeUInt16LE(2, ifd0);
  entry(ifd0 + 2, 0x010f, 2, makeBytes.length, makeAt); // Make (ASCII, at an offset)
  entry(ifd0 + 14, 0x8825, 4, 1, gpsAt); // GPSInfo IFD pointer
  buf.writeUInt32LE(0, ifd0 + 26);
  makeBytes.copy(buf, makeAt);
  buf.writeUInt16LE(4, gpsAt);
  entry(gpsAt + 2, 0x0001, 2, 2, Buffer.from('N\0\0\0', 'latin1'));
  entry(gpsAt + 14, 0x0002, 5, 3, latAt);
  entry(gpsAt + 26, 0x0003, 2, 2, Buffer.from('E\0\0\0', 'latin1'));
  entry(gpsAt + 38, 0x0004, 5, 3, lonAt);
  buf.writeUInt32LE(0, gpsAt + 50);
  dms(place.latitude).forEach((v, i) => buf.writeUInt32LE(v, latAt + i * 4));
  dms(place.longitude).forEach((v, i) => buf.writeUInt32LE(v, lonAt + i * 4));
  return buf;
}

/** The picture as a plain JPEG (no Exif) and as a phone's JPEG (Exif with GPS right after SOI). */
export function jpegs(): { plain: Buffer; located: Buffer } {
  const plain = draw().toBuffer('image/jpeg', 92);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff()]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return { plain, located: Buffer.concat([plain.subarray(0, 2), header, payload, plain.subarray(2)]) };
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** The picture as a plain PNG and with an eXIf chunk holding the GPS position after IHDR. */
export function pngs(): { plain: Buffer; located: Buffer } {
  const plain = draw().toBuffer('image/png');
  const ihdrEnd = 8 + 12 + plain.readUInt32BE(8);
  return { plain, located: Buffer.concat([plain.subarray(0, ihdrEnd), pngChunk('eXIf', exifTiff()), plain.subarray(ihdrEnd)]) };
}
