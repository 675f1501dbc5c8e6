import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { ServiceError } from '../../../electron/services/errors';
import { extractSourceText } from '../../../electron/services/sources/extract';
import { readOriginal } from '../../../electron/services/sources/readOriginal';
import { jpegHeader, makeDocx, makeJpeg, makePdf, pngHeader, tiffPages, withExif, FONT } from './originalFixtures';

// Each original read in this thread (the app reads them in a worker: intakeFormats.test.ts),
// by what its bytes are, whatever its name says.

async function refusal(p: Promise<unknown>): Promise<ServiceError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ServiceError);
  expect((err as ServiceError).code).toBe('bad_input');
  return err as ServiceError;
}

function zip(entries: Array<[string, string, boolean?]>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    for (const [name, body, store] of entries) z.addBuffer(Buffer.from(body), name, { compress: !store });
    z.end();
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });
}

const PARAGRAPHS = [
  'Сот үкімі 2026 жылғы 6 желтоқсанда шығарылды; Әділет Серікұлы өз кінәсін мойындамады.',
  'Суд отклонил ходатайство защиты о вызове свидетелей и приобщении видеозаписи.',
  'The defence appeals to the UN Working Group on Arbitrary Detention.',
];

describe('Word .docx', () => {
  it('reads a document made by the docx library back to its text: Kazakh, Russian and English paragraphs, titled by its heading', async () => {
    const bytes = await makeDocx('Апелляциялық шағым', PARAGRAPHS);
    const read = await readOriginal('шағым.docx', bytes);
    expect(read).toMatchObject({ kind: 'text', format: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', paged: false, title: 'Апелляциялық шағым', warnings: [] });
    expect(read.pages).toEqual([['Апелляциялық шағым', ...PARAGRAPHS].join('\n\n')]);
  });

  it('reads a .docx by its bytes even when it is named .pdf', async () => {
    const read = await extractSourceText('appeal.pdf', await makeDocx('Appeal', [PARAGRAPHS[2]!]));
    expect(read).toEqual({ format: 'docx', title: 'Appeal', warnings: [], text: `Appeal\n\n${PARAGRAPHS[2]}` });
  });

  it('refuses .doc, .odt and .rtf with what to do', async () => {
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    const odt = await zip([
      ['mimetype', 'application/vnd.oasis.opendocument.text', true],
      ['content.xml', '<office:document-content/>'],
    ]);
    const rtf = Buffer.from('{\\rtf1\\ansi Суд}');
    for (const [name, bytes, what] of [
      ['appeal.doc', cfb, /old Word \.doc document/],
      ['appeal.odt', odt, /OpenDocument text \(\.odt\)/],
      ['appeal.rtf', rtf, /RTF document/],
    ] as const) {
      const err = await refusal(readOriginal(name, bytes));
      expect(err.message).toMatch(what);
      expect(err.message).toContain(`“${name}”`);
      expect(err.message).toContain('save it as .docx (or as PDF)');
    }
  });
});

describe('what the bytes are, not the name', () => {
  it('refuses a ZIP archive called .pdf, naming what it is', async () => {
    const err = await refusal(readOriginal('appeal.pdf', await zip([['a.txt', 'x']])));
    expect(err.message).toMatch(/^“appeal\.pdf” is a ZIP archive, not a PDF: its name does not say what it holds\./);
  });

  it('reads a JPEG called .pdf as a photo that needs OCR', async () => {
    const read = await readOriginal('verdict.pdf', makeJpeg());
    expect(read).toMatchObject({ kind: 'needs-ocr', format: 'image', mediaType: 'image/jpeg', pagesWithoutText: [1], paged: true, pages: [''] });
  });

  it('reads a PDF called .txt as a PDF', async () => {
    const pdf = await makePdf((doc) => doc.font(FONT).fontSize(12).text('Үкім күшіне енді.'));
    expect(await extractSourceText('verdict.txt', pdf)).toEqual({ format: 'pdf', warnings: [], text: 'Үкім күшіне енді.' });
  });

  it('refuses a .pdf whose bytes are no PDF, and a .jpg whose bytes are text', async () => {
    expect((await refusal(readOriginal('scan.pdf', Buffer.from('Приговор, просто текст')))).message).toMatch(/^“scan\.pdf” is not a readable PDF: its bytes are not a PDF's/);
    // A PDF's signature and then nothing a PDF holds: broken.
    expect((await refusal(readOriginal('broken.pdf', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog')))).message).toMatch(/^This file is not a readable PDF \(it may be damaged or only partly downloaded\)/);
    expect((await refusal(readOriginal('photo.jpg', Buffer.from('hello')))).message).toMatch(/^“photo\.jpg” is not a JPEG image: its bytes are of no kind Casefile knows/);
  });
});

describe('photos and scans', () => {
  it('reads the camera, the time taken with its offset, and the place, and warns that the photo tells where it was taken', async () => {
    const photo = withExif(makeJpeg(), {
      make: 'Canon',
      model: 'Canon EOS 5D',
      dateTimeOriginal: '2026:12:06 10:30:15',
      offset: '+05:00',
      gps: { lat: [43, 1, 14, 1, 2004, 100], latRef: 'N', lon: [76, 1, 53, 1, 2292, 100], lonRef: 'E' },
    });
    const read = await readOriginal('IMG_0042.JPG', photo);
    expect(read.kind).toBe('needs-ocr');
    expect(read.metadata?.camera).toBe('Canon EOS 5D');
    expect(read.metadata?.takenAt).toBe('2026-12-06T10:30:15+05:00');
    expect(read.metadata?.gps?.latitude).toBeCloseTo(43 + 14 / 60 + 20.04 / 3600, 6);
    expect(read.metadata?.gps?.longitude).toBeCloseTo(76 + 53 / 60 + 22.92 / 3600, 6);
    expect(read.warnings).toEqual([expect.stringMatching(/^This photo carries the place where it was taken \(GPS 43\.23890, 76\.88970\)/)]);
  });

  it('records a time without a zone as UTC and says so; a southern and western place is negative', async () => {
    const photo = withExif(makeJpeg(), { make: 'Xiaomi', model: 'Redmi Note 12', dateTimeOriginal: '2026:01:02 03:04:05', gps: { lat: [33, 1, 0, 1, 0, 1], latRef: 'S', lon: [70, 1, 30, 1, 0, 1], lonRef: 'W' } });
    const read = await readOriginal('photo.jpg', photo);
    expect(read.metadata).toEqual({ camera: 'Xiaomi Redmi Note 12', takenAt: '2026-01-02T03:04:05Z', gps: { latitude: -33, longitude: -70.5 } });
    expect(read.warnings[0]).toMatch(/taken at 2026-01-02 03:04:05 by the camera’s clock, without a time zone/);
  });

  it('a photo without EXIF has no metadata and no warning', async () => {
    const read = await readOriginal('photo.jpg', makeJpeg());
    expect(read.metadata).toBeUndefined();
    expect(read.warnings).toEqual([]);
  });

  it('refuses a 30,000 × 30,000 image from its header, PNG or JPEG, before anything is decoded', async () => {
    for (const [name, bytes] of [
      ['huge.png', pngHeader(30_000, 30_000)],
      ['huge.jpg', jpegHeader(30_000, 30_000)],
    ] as const) {
      const err = await refusal(readOriginal(name, bytes));
      expect(err.message).toBe(
        `The image “${name}” is 30,000 × 30,000 pixels (900 megapixels); Casefile reads images of at most 30,000 pixels a side and 200 megapixels (the image size limit). Save it at a lower resolution (300 dpi is plenty for a page), then add it.`,
      );
    }
    // One side over the limit is enough; a big but allowed size passes.
    expect((await refusal(readOriginal('strip.png', pngHeader(40_000, 100)))).message).toMatch(/40,000 × 100 pixels/);
    expect((await readOriginal('a3.png', pngHeader(7_000, 9_900))).kind).toBe('needs-ocr');
  });

  it('reads a truncated JPEG as far as it goes, with a warning; refuses one cut before its size', async () => {
    const whole = makeJpeg(640, 480);
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    const read = await readOriginal('half.jpg', cut);
    expect(read.kind).toBe('needs-ocr');
    expect(read.warnings).toEqual([expect.stringMatching(/^The image “half\.jpg” is cut off: its data ends before the end of the picture/)]);
    expect((await readOriginal('whole.jpg', whole)).warnings).toEqual([]);
    const err = await refusal(readOriginal('stub.jpg', whole.subarray(0, 12)));
    expect(err.message).toMatch(/^Cannot read the image “stub\.jpg”: it ends before its image size is given/);
  });

  it('a multi-page TIFF scan needs OCR of every page; its first page’s size is checked', async () => {
    const read = await readOriginal('scan.tif', tiffPages([[2480, 3508], [2480, 3508], [2480, 3508]]));
    expect(read).toMatchObject({ kind: 'needs-ocr', format: 'image', mediaType: 'image/tiff', pagesWithoutText: [1, 2, 3], pages: ['', '', ''] });
    expect((await refusal(readOriginal('huge.tif', tiffPages([[31_000, 100]])))).message).toMatch(/“huge\.tif” is 31,000 × 100 pixels/);
    expect((await refusal(readOriginal('long.tif', tiffPages(Array.from({ length: 6 }, () => [100, 100] as [number, number])), { maxPages: 5 }))).message).toMatch(/has more than 5 pages/);
  });
});
