// An image's size in pixels read from its header alone (PNG, JPEG, TIFF, BMP, GIF),
// so a photo too large to decode is refused before Tesseract (whose wasm memory ends
// at a few gigabytes) tries: 30,000 × 30,000 pixels would need 3.6 GB.

export type ImageSize = { width: number; height: number };

/** The most pixels OCR decodes in one image: a 100-megapixel photo (phones take 50). */
export const MAX_IMAGE_PIXELS = 100_000_000;

function png(b: Uint8Array, v: DataView): ImageSize | null {
  if (b.length < 24 || v.getUint32(0) !== 0x89504e47 || v.getUint32(12) !== 0x49484452) return null;
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

function jpeg(b: Uint8Array, v: DataView): ImageSize | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = v.getUint16(at + 2);
    // Start-of-frame markers (not DHT C4, JPG C8, DAC CC) carry the size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: v.getUint16(at + 5), width: v.getUint16(at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

function tiff(b: Uint8Array, v: DataView): ImageSize | null {
  if (b.length < 8) return null;
  const little = b[0] === 0x49 && b[1] === 0x49;
  if (!little && !(b[0] === 0x4d && b[1] === 0x4d)) return null;
  if (v.getUint16(2, little) !== 42) return null; // BigTIFF: not read here
  const ifd = v.getUint32(4, little);
  if (ifd + 2 > b.length) return null;
  const count = v.getUint16(ifd, little);
  let width: number | undefined;
  let height: number | undefined;
  for (let i = 0; i < count; i++) {
    const e = ifd + 2 + i * 12;
    if (e + 12 > b.length) break;
    const tag = v.getUint16(e, little);
    const type = v.getUint16(e + 2, little);
    const value = type === 3 ? v.getUint16(e + 8, little) : v.getUint32(e + 8, little);
    if (tag === 256) width = value;
    if (tag === 257) height = value;
  }
  return width !== undefined && height !== undefined ? { width, height } : null;
}

function bmp(b: Uint8Array, v: DataView): ImageSize | null {
  if (b.length < 26 || b[0] !== 0x42 || b[1] !== 0x4d) return null;
  return { width: Math.abs(v.getInt32(18, true)), height: Math.abs(v.getInt32(22, true)) };
}

function gif(b: Uint8Array, v: DataView): ImageSize | null {
  if (b.length < 10 || b[0] !== 0x47 || b[1] !== 0x49 || b[2] !== 0x46) return null;
  return { width: v.getUint16(6, true), height: v.getUint16(8, true) };
}

/** The size the header states, or null for a format not read here or a header cut short. */
export function imageSize(bytes: Uint8Array): ImageSize | null {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const read of [png, jpeg, tiff, bmp, gif]) {
    const size = read(bytes, v);
    if (size) return size;
  }
  return null;
}
