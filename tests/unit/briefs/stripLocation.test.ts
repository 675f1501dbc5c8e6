import { loadImage, createCanvas } from '@napi-rs/canvas';
import exifr from 'exifr';
import { describe, expect, it } from 'vitest';
import { stripJpegLocation, stripPngLocation } from '../../../electron/services/briefs/originals/stripLocation';
import { ServiceError } from '../../../electron/services/errors';
import { jpegs, PLACE, pngs } from './photoFixtures';

/** The decoded pixels: the copy must show exactly what the original shows. */
async function pixels(data: Buffer): Promise<{ width: number; height: number; rgba: Buffer }> {
  const image = await loadImage(data);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, rgba: Buffer.from(ctx.getImageData(0, 0, image.width, image.height).data) };
}

describe.each([
  ['JPEG', jpegs, stripJpegLocation],
  ['PNG', pngs, stripPngLocation],
] as const)('removing the location from a %s', (_kind, make, strip) => {
  const { plain, located } = make();

  it('the fixture carries a GPS position exifr reads', async () => {
    const gps = await exifr.gps(located);
    expect(gps?.latitude).toBeCloseTo(PLACE.latitude, 4);
    expect(gps?.longitude).toBeCloseTo(PLACE.longitude, 4);
  });

  it('drops it, leaving an image that decodes to the same pixels', async () => {
    const { data, removed } = strip(located);
    expect(removed).toBe(true);
    expect(data.length).toBeLessThan(located.length);
    expect(await exifr.gps(data).catch(() => undefined)).toBeUndefined();
    // Not even the camera's name is left: the whole block is gone.
    expect(data.includes(Buffer.from('TestCam'))).toBe(false);
    const [before, after] = [await pixels(located), await pixels(data)];
    expect({ width: after.width, height: after.height }).toEqual({ width: 64, height: 48 });
    expect(after.rgba.equals(before.rgba)).toBe(true);
    // Only the block went: removing it from the phone's file gives back the file without it.
    expect(data.equals(plain)).toBe(true);
  });

  it('leaves a file without location data as it is, byte for byte', () => {
    const { data, removed } = strip(plain);
    expect(removed).toBe(false);
    expect(data).toBe(plain);
  });

  it('refuses a truncated file with what to do, rather than send it half-read', () => {
    const cut = located.subarray(0, 30);
    expect(() => strip(cut)).toThrow(ServiceError);
    expect(() => strip(cut)).toThrow(/not a well-formed .*Send the brief without originals/);
    expect(() => strip(Buffer.from('not an image at all'))).toThrow(ServiceError);
  });
});

describe('a PNG with text chunks', () => {
  it('drops XMP kept as text, and whatever trails the image end, and keeps other text', () => {
    const { plain } = pngs();
    const chunk = (type: string, data: Buffer) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(data.length, 0);
      head.write(type, 4, 'latin1');
      return Buffer.concat([head, data, Buffer.alloc(4)]);
    };
    const iend = plain.length - 12;
    const xmp = chunk('iTXt', Buffer.from('XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta exif:GPSLatitude="43,14.3N"/>', 'latin1'));
    const note = chunk('tEXt', Buffer.from('Comment\0kept', 'latin1'));
    const withText = Buffer.concat([plain.subarray(0, iend), xmp, note, plain.subarray(iend), Buffer.from('trailing')]);
    const { data, removed } = stripPngLocation(withText);
    expect(removed).toBe(true);
    expect(data.includes(Buffer.from('GPSLatitude'))).toBe(false);
    expect(data.includes(Buffer.from('trailing'))).toBe(false);
    expect(data.includes(Buffer.from('Comment\0kept', 'latin1'))).toBe(true);
  });
});
