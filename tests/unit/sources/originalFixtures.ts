// Originals made by the tests themselves: PDFs with pdfkit (DejaVu Sans, for Cyrillic),
// Word files with the `docx` library, photos with @napi-rs/canvas and EXIF written here
// byte by byte, and image headers that declare sizes no one should decode.

import { createRequire } from 'node:module';
import { createCanvas } from '@napi-rs/canvas';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';

export const FONT = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

export function makePdf(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ compress: true, size: 'A4', ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

/** A page with only shapes: no text layer, as a scanner's page has none. */
export function drawing(doc: PDFKit.PDFDocument): void {
  doc.rect(72, 72, 200, 100).fill('#336699');
  doc.circle(300, 650, 40).stroke();
}

export async function makeDocx(heading: string, paragraphs: string[]): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: [new Paragraph({ text: heading, heading: HeadingLevel.HEADING_1 }), ...paragraphs.map((p) => new Paragraph({ text: p }))] }],
  });
  return Packer.toBuffer(doc);
}

/** A small JPEG photo (a grey square with a dark bar). */
export function makeJpeg(width = 320, height = 240): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#d0d0d0';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#202020';
  ctx.fillRect(20, height / 2 - 10, width - 40, 20);
  return canvas.toBuffer('image/jpeg', 90);
}

export { withExif, type Exif } from '../../helpers/exif';

/** A PNG that is only its signature and a header declaring `width` × `height` (no pixels at all). */
export function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 2, 0, 0, 0], 16);
  const iend = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, iend]);
}

/** A JPEG whose frame header (SOF0) declares `width` × `height`, followed by its end marker and nothing to decode. */
export function jpegHeader(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}

/** A little-endian TIFF of `pages` pages (IFDs), each declaring its size; no strips to decode. */
export function tiffPages(sizes: Array<[number, number]>): Buffer {
  const parts: Buffer[] = [Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0])];
  let at = 8;
  sizes.forEach(([w, h], i) => {
    const ifd = Buffer.alloc(2 + 2 * 12 + 4);
    ifd.writeUInt16LE(2, 0);
    ifd.writeUInt16LE(256, 2);
    ifd.writeUInt16LE(4, 4);
    ifd.writeUInt32LE(1, 6);
    ifd.writeUInt32LE(w, 10);
    ifd.writeUInt16LE(257, 14);
    ifd.writeUInt16LE(4, 16);
    ifd.writeUInt32LE(1, 18);
    ifd.writeUInt32LE(h, 22);
    at += ifd.length;
    ifd.writeUInt32LE(i === sizes.length - 1 ? 0 : at, 26);
    parts.push(ifd);
  });
  return Buffer.concat(parts);
}

/**
 * A real .docx (from makeDocx) whose word/document.xml is replaced by one paragraph of
 * `inflatedMiB` MiB of spaces, deflated to about a thousandth of that: a ZIP bomb in Word's clothes.
 */
export async function bombDocx(inflatedMiB: number): Promise<Buffer> {
  const { unzipRaw } = await import('../briefs/rawZip');
  const { default: yazl } = await import('yazl');
  const { Readable } = await import('node:stream');
  const parts = unzipRaw(await makeDocx('Bomb', ['x']));
  const zip = new yazl.ZipFile();
  for (const [name, body] of parts) if (name !== 'word/document.xml') zip.addBuffer(body, name);
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>');
  const tail = Buffer.from('</w:t></w:r></w:p></w:body></w:document>');
  const block = Buffer.alloc(1024 * 1024, 0x20);
  zip.addReadStream(
    Readable.from((function* () {
      yield head;
      for (let i = 0; i < inflatedMiB; i++) yield block;
      yield tail;
    })()),
    'word/document.xml',
  );
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
