// Page images made from known text, for OCR tests and the OCR benchmark: DejaVu Sans
// (the font the briefs embed, with every Kazakh letter), black on white, 12 pt at
// 300 dpi on an A4 page, and a scanned PDF made of such images (pdfkit, one image per
// page, no text layer).

import { createRequire } from 'node:module';
import path from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FAMILY = 'DejaVu Sans OCR test';
let registered = false;

function registerFont(): void {
  if (registered) return;
  const file = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');
  if (!GlobalFonts.registerFromPath(file, FAMILY)) throw new Error(`could not register ${file}`);
  registered = true;
}

/** A4 at 300 dpi. */
export const A4_300 = { width: 2480, height: 3508 } as const;

export const SAMPLE_TEXT = {
  kk: 'Қазақстан Республикасының Жоғарғы соты азаматтың шағымын қарап, бірінші сатыдағы соттың үкімін өзгеріссіз қалдырды. Қорғаушы адвокат ұсталған адамның құқықтары бұзылғанын, оның отбасына хабар берілмегенін және тергеу барысында аудармашы ұсынылмағанын көрсетті. Сот отырысында куәлардың көпшілігі өз айғақтарынан бас тартты, ал айыптау тарабы жаңа дәлелдемелер ұсына алмады. Шешім бойынша сотталушы алты жылға бас бостандығынан айырылды. Адвокат бұл үкімге кассациялық шағым беретінін мәлімдеді және іс материалдарын Біріккен Ұлттар Ұйымының Еркін бостандықтан айыру жөніндегі жұмыс тобына жіберуге ниетті. Үкім мәтіні ағылшын және орыс тілдеріне аударылып, халықаралық ұйымдарға ұсынылады. Һәм сот залына тәуелсіз бақылаушылар мен журналистер жіберілмеді, бұл ашық сот талқылауы қағидатына қайшы келеді.',
  ru: 'Верховный суд Республики Казахстан рассмотрел жалобу осуждённого и оставил приговор суда первой инстанции без изменения. Защитник указал, что права задержанного были нарушены: его семью не уведомили о задержании, а на допросах ему не предоставили переводчика. В судебном заседании большинство свидетелей отказались от своих показаний, а сторона обвинения не представила новых доказательств. По приговору подсудимый лишён свободы сроком на шесть лет. Адвокат заявил, что обжалует приговор в кассационном порядке и направит материалы дела в Рабочую группу по произвольным задержаниям Организации Объединённых Наций. Независимые наблюдатели и журналисты не были допущены в зал суда, что противоречит принципу гласности судебного разбирательства.',
  en: 'The Supreme Court of the Republic of Kazakhstan heard the appeal of the convicted man and upheld the verdict of the court of first instance without change. His defence lawyer stated that the rights of the detainee had been violated: his family was not informed of the arrest, and no interpreter was provided during the interrogations. At the hearing most of the witnesses withdrew their statements, and the prosecution did not present any new evidence. Under the verdict the defendant was sentenced to six years of deprivation of liberty. The lawyer said that he would file a cassation appeal and send the case file to the United Nations Working Group on Arbitrary Detention. Independent observers and journalists were not admitted to the courtroom, which is contrary to the principle of a public hearing.',
} as const;

type PageOptions = { fontPx?: number; page?: { width: number; height: number } };

/** Renders `text` as a page image (PNG bytes), wrapped to the page's margins. */
export function renderTextPage(text: string, options: PageOptions = {}): Buffer {
  return drawPage(text, options).toBuffer('image/png');
}

/** A multi-page TIFF (8-bit grey, uncompressed, one IFD per page) of the texts, as a scanner's "TIFF, all pages" writes one. */
export function multiPageTiff(texts: readonly string[], options: PageOptions = {}): Buffer {
  const pages = texts.map((text) => {
    const canvas = drawPage(text, options);
    const { data, width, height } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const grey = Buffer.alloc(width * height);
    for (let i = 0; i < grey.length; i++) grey[i] = data[i * 4]!;
    return { width, height, grey };
  });
  const ENTRIES = 8;
  const ifdSize = 2 + ENTRIES * 12 + 4;
  const chunks: Buffer[] = [];
  const header = Buffer.alloc(8);
  header.write('II', 0, 'latin1');
  header.writeUInt16LE(42, 2);
  header.writeUInt32LE(8, 4);
  chunks.push(header);
  let at = 8;
  for (const [i, { width, height, grey }] of pages.entries()) {
    const dataAt = at + ifdSize;
    const next = i + 1 < pages.length ? dataAt + grey.length : 0;
    const ifd = Buffer.alloc(ifdSize);
    ifd.writeUInt16LE(ENTRIES, 0);
    // tag, type (3 SHORT, 4 LONG), value
    const tags: Array<[number, number, number]> = [[256, 4, width], [257, 4, height], [258, 3, 8], [259, 3, 1], [262, 3, 1], [273, 4, dataAt], [278, 4, height], [279, 4, grey.length]];
    for (const [k, [tag, type, value]] of tags.entries()) {
      const e = 2 + k * 12;
      ifd.writeUInt16LE(tag, e);
      ifd.writeUInt16LE(type, e + 2);
      ifd.writeUInt32LE(1, e + 4);
      if (type === 3) ifd.writeUInt16LE(value, e + 8);
      else ifd.writeUInt32LE(value, e + 8);
    }
    ifd.writeUInt32LE(next, 2 + ENTRIES * 12);
    chunks.push(ifd, grey);
    at = dataAt + grey.length;
  }
  return Buffer.concat(chunks);
}

function drawPage(text: string, options: PageOptions) {
  registerFont();
  const { width, height } = options.page ?? A4_300;
  const fontPx = options.fontPx ?? 50; // 12 pt at 300 dpi
  const margin = Math.round(width * 0.1);
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#000000';
  g.font = `${fontPx}px "${FAMILY}"`;
  g.textBaseline = 'top';
  let y = margin;
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && g.measureText(next).width > width - 2 * margin) {
        g.fillText(line, margin, y);
        y += Math.round(fontPx * 1.5);
        line = word;
      } else line = next;
    }
    if (line) g.fillText(line, margin, y);
    y += Math.round(fontPx * 2.2);
  }
  return canvas;
}

/** A PDF with one full-page image per PNG and no text at all, as a scanner writes one (A4 pages). */
export async function scannedPdf(pngs: readonly Buffer[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  for (const png of pngs) {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.image(png, 0, 0, { width: doc.page.width, height: doc.page.height });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** Word accuracy: 1 − (word-level edit distance) / (words expected), punctuation kept. */
export function wordAccuracy(expected: string, actual: string): number {
  const a = expected.split(/\s+/).filter(Boolean);
  const b = actual.split(/\s+/).filter(Boolean);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return Math.max(0, 1 - prev[b.length]! / Math.max(1, a.length));
}
