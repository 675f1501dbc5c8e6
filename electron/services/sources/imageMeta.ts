// What a photo says about itself (EXIF, read with exifr): the camera, when it was taken,
// and where. Only these three are kept: the window shows them at intake, with a warning
// when the photo carries a location, since a location can endanger the person who took it.

import exifr from 'exifr';
import type { OriginalMetadata } from '../../../shared/contract';

type Raw = Record<string, unknown>;

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.replace(/\u0000/g, '').trim() !== '' ? v.replace(/\u0000/g, '').trim() : undefined;
}

function camera(raw: Raw): string | undefined {
  const make = text(raw.Make);
  const model = text(raw.Model);
  if (make && model) return model.toLowerCase().startsWith(make.toLowerCase()) ? model : `${make} ${model}`;
  return model ?? make;
}

/** EXIF's "2026:12:06 10:30:00" with its offset ("+05:00") when the photo gives one. */
function takenAt(raw: Raw): { iso?: string; noZone?: string } {
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(text(raw.DateTimeOriginal) ?? text(raw.CreateDate) ?? '');
  if (!m || m[1] === '0000') return {};
  const local = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
  const offset = text(raw.OffsetTimeOriginal) ?? text(raw.OffsetTime);
  if (offset && /^[+-]\d{2}:\d{2}$/.test(offset)) return { iso: `${local}${offset}` };
  return { iso: `${local}Z`, noZone: `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}` };
}

function degrees(v: unknown, ref: unknown, negative: string): number | undefined {
  const parts = Array.isArray(v) ? v.map(Number) : typeof v === 'number' ? [v] : [];
  if (parts.length === 0 || parts.some((p) => !Number.isFinite(p))) return undefined;
  const value = (parts[0] ?? 0) + (parts[1] ?? 0) / 60 + (parts[2] ?? 0) / 3600;
  return text(ref)?.toUpperCase() === negative ? -value : value;
}

export async function readImageMetadata(bytes: Uint8Array): Promise<{ metadata?: OriginalMetadata; warnings: string[] }> {
  let raw: Raw | undefined;
  try {
    // reviveValues off: dates stay as the camera wrote them (exifr would read them in this machine's time zone).
    raw = (await exifr.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { tiff: true, exif: true, gps: true, xmp: false, icc: false, iptc: false, jfif: false, ihdr: false, reviveValues: false, translateValues: false })) as Raw | undefined;
  } catch {
    return { warnings: ['The photo’s metadata (EXIF) could not be read; camera, time and place are not known.'] };
  }
  if (!raw) return { warnings: [] };
  const warnings: string[] = [];
  const metadata: OriginalMetadata = {};
  const cam = camera(raw);
  if (cam) metadata.camera = cam;
  const when = takenAt(raw);
  if (when.iso) {
    metadata.takenAt = when.iso;
    if (when.noZone) warnings.push(`The photo says it was taken at ${when.noZone} by the camera’s clock, without a time zone; that time is recorded as if it were UTC. Check it against what the person who took it says.`);
  }
  const latitude = degrees(raw.GPSLatitude, raw.GPSLatitudeRef, 'S');
  const longitude = degrees(raw.GPSLongitude, raw.GPSLongitudeRef, 'W');
  if (latitude !== undefined && longitude !== undefined && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) {
    metadata.gps = { latitude, longitude };
    warnings.push(`This photo carries the place where it was taken (GPS ${latitude.toFixed(5)}, ${longitude.toFixed(5)}). Anyone who gets a copy of the original can see it; strip the location from copies that leave the case.`);
  }
  return { ...(Object.keys(metadata).length > 0 ? { metadata } : {}), warnings };
}
