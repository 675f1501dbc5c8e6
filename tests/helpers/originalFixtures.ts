// Originals made by the tests themselves: a PDF whose metadata carries a marker,
// a JPEG (drawn with @napi-rs/canvas) whose EXIF carries one, for checking that
// no plaintext byte of an original is left in an encrypted folder.
import { createCanvas } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';

/** A one-page PDF, uncompressed so that its title and keywords are plain bytes in it. */
export function pdfWithMarker(marker: string): Promise<Buffer> {
  const doc = new PDFDocument({ compress: false, info: { Title: marker, Keywords: marker } });
  const parts: Buffer[] = [];
  doc.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(parts))));
  doc.text('Приговор суда — Сот үкімі — verdict, page 1');
  doc.end();
  return done;
}

/** An APP1 Exif segment (big-endian TIFF) with one ImageDescription entry holding `text` (ASCII). */
export function exifSegment(text: string): Buffer {
  const value = Buffer.from(`${text}\0`, 'latin1');
  const ifd = Buffer.alloc(2 + 12 + 4);
  ifd.writeUInt16BE(1, 0); // one entry
  ifd.writeUInt16BE(0x010e, 2); // ImageDescription
  ifd.writeUInt16BE(2, 4); // ASCII
  ifd.writeUInt32BE(value.length, 6);
  ifd.writeUInt32BE(8 + ifd.length, 10); // the value follows the IFD
  ifd.writeUInt32BE(0, 14); // no next IFD
  const tiff = Buffer.concat([Buffer.from('MM\0\x2a\0\0\0\x08', 'latin1'), ifd, value]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xffe1, 0);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** A small JPEG photo with `marker` in its EXIF ImageDescription, spliced in right after the SOI marker. */
export function jpegWithExifMarker(marker: string, width = 64, height = 48): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#a33';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#fff';
  ctx.fillRect(8, 8, width / 2, height / 2);
  const jpeg = canvas.toBuffer('image/jpeg');
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  return Buffer.concat([jpeg.subarray(0, 2), exifSegment(marker), jpeg.subarray(2)]);
}
