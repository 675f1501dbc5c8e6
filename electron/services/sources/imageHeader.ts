// An image's size in pixels, read from its header alone (nothing is decoded), so a
// 30,000 × 30,000 image is refused before anything allocates its pixels; and whether
// a JPEG ends where it should (a photo sent half-way is cut off at the bottom).

export type ImageHeader = { width?: number; height?: number; pages: number; truncated: boolean; damaged?: string };

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const u32le = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)) + ((b[i + 3]! << 24) >>> 0);

function png(b: Uint8Array): ImageHeader {
  if (b.length < 24) return { pages: 1, truncated: true, damaged: 'it ends before its size' };
  return { width: u32be(b, 16), height: u32be(b, 20), pages: 1, truncated: false };
}

/** SOF markers carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames. */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function jpeg(b: Uint8Array): ImageHeader {
  let i = 2;
  let size: { width: number; height: number } | undefined;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return { ...size, pages: 1, truncated: false, damaged: 'its markers are out of order' };
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const length = u16be(b, i + 2);
    if (isSof(marker)) {
      if (i + 9 > b.length) break;
      size = { height: u16be(b, i + 5), width: u16be(b, i + 7) };
    }
    if (marker === 0xda) {
      // Entropy-coded data: FF is always followed by 00 or a restart marker there, so FF D9 is the end.
      const start = i + 2 + length;
      for (let j = b.length - 2; j >= start; j--) if (b[j] === 0xff && b[j + 1] === 0xd9) return { ...size, pages: 1, truncated: false };
      return { ...size, pages: 1, truncated: true };
    }
    i += 2 + length;
  }
  return size ? { ...size, pages: 1, truncated: true } : { pages: 1, truncated: true, damaged: 'it ends before its image size is given' };
}

function webp(b: Uint8Array): ImageHeader {
  const chunk = String.fromCharCode(...b.subarray(12, 16));
  if (chunk === 'VP8 ' && b.length >= 30) return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff, pages: 1, truncated: false };
  if (chunk === 'VP8L' && b.length >= 25) {
    const [b0, b1, b2, b3] = [b[21]!, b[22]!, b[23]!, b[24]!];
    return { width: 1 + (b0 | ((b1 & 0x3f) << 8)), height: 1 + ((b1 >> 6) | (b2 << 2) | ((b3 & 0x0f) << 10)), pages: 1, truncated: false };
  }
  if (chunk === 'VP8X' && b.length >= 30) return { width: 1 + u24le(b, 24), height: 1 + u24le(b, 27), pages: 1, truncated: false };
  return { pages: 1, truncated: true, damaged: 'it ends before its size' };
}

/** The first page's size and the number of pages (IFDs), following each IFD's link to the next, bounded and without loops. */
function tiff(b: Uint8Array, maxPages: number): ImageHeader {
  const le = b[0] === 0x49;
  const r16 = (i: number) => (le ? u16le(b, i) : u16be(b, i));
  const r32 = (i: number) => (le ? u32le(b, i) : u32be(b, i));
  let offset = r32(4);
  const seen = new Set<number>();
  let pages = 0;
  let size: { width?: number; height?: number } = {};
  while (offset !== 0 && !seen.has(offset) && pages <= maxPages) {
    if (offset + 2 > b.length) return { ...size, pages: Math.max(pages, 1), truncated: true, ...(pages === 0 ? { damaged: 'it ends before its first page' } : {}) };
    seen.add(offset);
    const count = r16(offset);
    if (offset + 2 + count * 12 + 4 > b.length) return { ...size, pages: Math.max(pages, 1), truncated: true, ...(pages === 0 ? { damaged: 'it ends inside its first page\'s header' } : {}) };
    if (pages === 0) {
      for (let e = 0; e < count; e++) {
        const at = offset + 2 + e * 12;
        const tag = r16(at);
        const type = r16(at + 2);
        const value = type === 3 ? r16(at + 8) : r32(at + 8);
        if (tag === 256) size = { ...size, width: value };
        if (tag === 257) size = { ...size, height: value };
      }
    }
    pages++;
    offset = r32(offset + 2 + count * 12);
  }
  return { ...size, pages: Math.max(pages, 1), truncated: false };
}

export function imageHeader(ext: string, bytes: Uint8Array, maxPages: number): ImageHeader {
  switch (ext) {
    case 'png':
      return png(bytes);
    case 'jpg':
      return jpeg(bytes);
    case 'webp':
      return webp(bytes);
    case 'tif':
      return tiff(bytes, maxPages);
    default:
      return { pages: 1, truncated: false }; // HEIC: its size is in nested boxes; the OCR reader decodes it or says why not
  }
}
