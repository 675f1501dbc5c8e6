import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ServiceError } from '../../../electron/services/errors';
import { extractSourceText } from '../../../electron/services/sources/extract';
import { NO_TEXT_LAYER, pageText } from '../../../electron/services/sources/pdfText';

// PDFs are made here with pdfkit and an embedded DejaVu Sans (pdfkit's built-in
// fonts turn Cyrillic into garbage), so the bytes are known and nothing is stored.

const FONT = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

function makePdf(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ compress: true, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

function drawing(doc: PDFKit.PDFDocument): void {
  doc.rect(72, 72, 200, 100).fill('#336699');
  doc.moveTo(72, 300).lineTo(400, 500).lineWidth(3).stroke();
  doc.circle(300, 650, 40).stroke();
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('PDF text layer', () => {
  it('extracts Kazakh and Russian text exactly, with lines, paragraphs, pages and the title', async () => {
    const bytes = await makePdf(
      (doc) => {
        doc.font(FONT).fontSize(12);
        doc.text('Қасым-Жомарт Тоқаев қол қойды. Әділет министрлігі.');
        doc.text('Суд отклонил ходатайство защиты о вызове свидетелей.');
        doc.moveDown(2);
        doc.text('Өтініш Үкіметке жіберілді: ҒҢҰҮҺІ қңұүһі әө.');
        doc.addPage();
        doc.font(FONT).fontSize(12).text('Страница 2. Human Rights Watch, ICCPR 19.');
      },
      { info: { Title: 'Іс № 7 — Әділет Серікұлы' } },
    );
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const out = await extractSourceText('приговор.pdf', bytes);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(out).toEqual({
      format: 'pdf',
      title: 'Іс № 7 — Әділет Серікұлы',
      warnings: [],
      text: [
        'Қасым-Жомарт Тоқаев қол қойды. Әділет министрлігі.',
        'Суд отклонил ходатайство защиты о вызове свидетелей.',
        '',
        'Өтініш Үкіметке жіберілді: ҒҢҰҮҺІ қңұүһі әө.\fСтраница 2. Human Rights Watch, ICCPR 19.',
      ].join('\n'),
    });
    // Byte-exact, not merely equal after some normalisation.
    const encoded = new TextEncoder().encode(out.text);
    const expected = new TextEncoder().encode('Қасым-Жомарт Тоқаев');
    expect(Buffer.from(encoded).includes(Buffer.from(expected))).toBe(true);
  });

  it('keeps the lines of a paragraph that pdfkit wrapped', async () => {
    const long = 'Специализированный межрайонный суд по уголовным делам Алматы рассмотрел дело активиста и вынес приговор, который защита обжалует.';
    const bytes = await makePdf((doc) => doc.font(FONT).fontSize(12).text(long, { width: 250 }));
    const out = await extractSourceText('wrap.pdf', bytes);
    expect(out.text.split('\n').length).toBeGreaterThan(2);
    expect(out.text.replace(/\n/g, ' ')).toBe(long);
    expect(out.title).toBeUndefined();
  });

  it('refuses a PDF with only a drawing: it has no text layer', async () => {
    const bytes = await makePdf(drawing);
    const err = await extractSourceText('scan.pdf', bytes).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ServiceError);
    expect(err).toMatchObject({ code: 'bad_input', message: NO_TEXT_LAYER });
    expect(NO_TEXT_LAYER).toBe('This PDF has no text layer (it is probably a scan). Run OCR on it first, or paste the text.');
  });

  it('reads the pages that have text and warns about the ones that do not', async () => {
    const bytes = await makePdf((doc) => {
      doc.font(FONT).fontSize(12).text('Бірінші бет.');
      doc.addPage();
      drawing(doc);
      doc.addPage();
      doc.font(FONT).fontSize(12).text('Үшінші бет.');
    });
    const out = await extractSourceText('mixed.pdf', bytes);
    expect(out.text).toBe('Бірінші бет.\f\fҮшінші бет.'); // page 2 empty, so page 3's text is on page 3
    expect(out.warnings).toEqual([expect.stringMatching(/^Page 2 of 3 has no text layer/)]);
  });

  it('says when a PDF is protected by a password', async () => {
    const bytes = await makePdf((doc) => doc.font(FONT).text('құпия'), { userPassword: 'secret', pdfVersion: '1.7' });
    await expect(extractSourceText('locked.pdf', bytes)).rejects.toMatchObject({ code: 'bad_input', message: expect.stringMatching(/password/) });
  });

  it('says when a file called .pdf is not a PDF', async () => {
    const bytes = new TextEncoder().encode('<html>not a pdf</html>');
    await expect(extractSourceText('fake.pdf', bytes)).rejects.toMatchObject({ code: 'bad_input', message: expect.stringMatching(/not a readable PDF/) });
  });

  it('leaves the caller\'s bytes intact', async () => {
    const bytes = await makePdf((doc) => doc.font(FONT).text('Әділет'));
    const copy = bytes.slice();
    await extractSourceText('a.pdf', bytes);
    expect(bytes.byteLength).toBe(copy.byteLength);
    expect(Buffer.from(bytes).equals(Buffer.from(copy))).toBe(true);
  });
});

describe('pageText', () => {
  const item = (str: string, y: number, hasEOL = false, size = 12) => ({
    str, dir: 'ltr', transform: [size, 0, 0, size, 72, y], width: str.length * 6, height: size, fontName: 'f', hasEOL,
  });

  it('breaks lines on hasEOL and on a change of baseline, and paragraphs on a wide gap', () => {
    const items = [
      item('Бірінші ', 700), item('жол', 700, true),
      { type: 'beginMarkedContent', id: 'mc0' },
      item('екінші жол', 686), // no hasEOL: the next item's baseline ends it
      item('үшінші жол', 672),
      item('жаңа абзац', 630, true),
      { type: 'endMarkedContent', id: 'mc0' },
    ];
    expect(pageText(items)).toBe('Бірінші жол\nекінші жол\nүшінші жол\n\nжаңа абзац');
  });

  it('starts a paragraph when the text jumps back up the page (a second column)', () => {
    expect(pageText([item('сол баған', 300, true), item('оң баған', 700, true)])).toBe('сол баған\n\nоң баған');
  });

  it('keeps superscripts and small baseline shifts on their line', () => {
    expect(pageText([item('ICCPR', 700), item('1', 704, false, 7), item(' бап', 700, true)])).toBe('ICCPR1 бап');
  });
});
