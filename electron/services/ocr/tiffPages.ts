// How many pages (images) a TIFF holds, read from its chain of image file
// directories. Tesseract (leptonica) reads the first image of a TIFF only, so a
// multi-page TIFF's other pages are named in a warning rather than lost silently.

/** The number of IFDs in a TIFF (classic or BigTIFF); 1 when the chain cannot be followed. */
export function tiffPageCount(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 8) return 1;
  const little = bytes[0] === 0x49 && bytes[1] === 0x49;
  if (!little && !(bytes[0] === 0x4d && bytes[1] === 0x4d)) return 1;
  const magic = view.getUint16(2, little);
  const big = magic === 43;
  if (magic !== 42 && !big) return 1;
  const offsetAt = (at: number): number => (big ? Number(view.getBigUint64(at, little)) : view.getUint32(at, little));
  let ifd = offsetAt(big ? 8 : 4);
  const seen = new Set<number>();
  let count = 0;
  // A loop in the chain (a crafted file) ends the count; so does the first IFD past the end.
  while (ifd !== 0 && !seen.has(ifd) && count < 100_000) {
    const entriesSize = big ? 8 : 2;
    if (ifd + entriesSize > bytes.length) break;
    seen.add(ifd);
    count++;
    const entries = big ? Number(view.getBigUint64(ifd, little)) : view.getUint16(ifd, little);
    const next = ifd + entriesSize + entries * (big ? 20 : 12);
    if (next + (big ? 8 : 4) > bytes.length) break;
    ifd = offsetAt(next);
  }
  return Math.max(1, count);
}
