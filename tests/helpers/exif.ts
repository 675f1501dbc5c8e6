// An EXIF block (APP1) written byte by byte, as a phone writes one: camera, time taken and,
// when given, the place. Shared by the tests that need a photo carrying its metadata.

type Value = { type: 2; value: string } | { type: 3 | 4; value: number } | { type: 5; value: number[] };
type Entry = { tag: number } & Value;

function encode(e: Value): Buffer {
  switch (e.type) {
    case 2:
      return Buffer.from(`${e.value}\0`, 'latin1');
    case 3: {
      const b = Buffer.alloc(2);
      b.writeUInt16BE(e.value);
      return b;
    }
    case 4: {
      const b = Buffer.alloc(4);
      b.writeUInt32BE(e.value);
      return b;
    }
    case 5: {
      const b = Buffer.alloc(e.value.length * 4);
      e.value.forEach((v, i) => b.writeUInt32BE(v, i * 4));
      return b;
    }
  }
}

/** One big-endian TIFF IFD placed at `start` (an offset in the TIFF data), with its out-of-line values after it. */
function ifd(entries: Entry[], start: number): Buffer {
  const head = Buffer.alloc(2 + entries.length * 12 + 4);
  head.writeUInt16BE(entries.length, 0);
  const data: Buffer[] = [];
  let dataAt = start + head.length;
  entries.forEach((e, i) => {
    const at = 2 + i * 12;
    const bytes = encode(e);
    const count = e.type === 2 ? bytes.length : e.type === 5 ? e.value.length / 2 : 1;
    head.writeUInt16BE(e.tag, at);
    head.writeUInt16BE(e.type, at + 2);
    head.writeUInt32BE(count, at + 4);
    if (bytes.length <= 4) bytes.copy(head, at + 8);
    else {
      head.writeUInt32BE(dataAt, at + 8);
      const padded = bytes.length % 2 ? Buffer.concat([bytes, Buffer.alloc(1)]) : bytes;
      data.push(padded);
      dataAt += padded.length;
    }
  });
  return Buffer.concat([head, ...data]);
}

export type Exif = { make: string; model: string; dateTimeOriginal: string; offset?: string; gps?: { lat: number[]; latRef: 'N' | 'S'; lon: number[]; lonRef: 'E' | 'W' } };

/** The photo with an EXIF block (APP1) after its start marker: camera, time taken, place. */
export function withExif(jpeg: Buffer, exif: Exif): Buffer {
  const exifEntries: Entry[] = [{ tag: 0x9003, type: 2, value: exif.dateTimeOriginal }, ...(exif.offset ? [{ tag: 0x9011, type: 2 as const, value: exif.offset }] : [])];
  const gpsEntries: Entry[] = exif.gps
    ? [
        { tag: 1, type: 2, value: exif.gps.latRef },
        { tag: 2, type: 5, value: exif.gps.lat },
        { tag: 3, type: 2, value: exif.gps.lonRef },
        { tag: 4, type: 5, value: exif.gps.lon },
      ]
    : [];
  const ifd0 = (exifAt: number, gpsAt: number): Entry[] => [
    { tag: 0x010f, type: 2, value: exif.make },
    { tag: 0x0110, type: 2, value: exif.model },
    { tag: 0x8769, type: 4, value: exifAt },
    ...(exif.gps ? [{ tag: 0x8825, type: 4 as const, value: gpsAt }] : []),
  ];
  const size0 = ifd(ifd0(0, 0), 8).length;
  const exifAt = 8 + size0;
  const exifIfd = ifd(exifEntries, exifAt);
  const gpsAt = exifAt + exifIfd.length;
  const tiff = Buffer.concat([Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]), ifd(ifd0(exifAt, gpsAt), 8), exifIfd, ...(exif.gps ? [ifd(gpsEntries, gpsAt)] : [])]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, 0]), Buffer.from('Exif\0\0', 'latin1'), tiff]);
  app1.writeUInt16BE(app1.length - 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}
