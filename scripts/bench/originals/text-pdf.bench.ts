// Intake of a 100-page text PDF (issue 17): read by its bytes in the worker, page by page
// with the box of every text run, then stored with its layout. Made here with pdfkit
// (DejaVu Sans: Kazakh, Russian and English), in a fresh data folder; one warm-up run
// (the worker's first start), then the median of three.
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { intakeSource } from '../../../electron/services/sources/intake';

const PAGES = 100;
const FONT = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const PARAGRAPH = [
  'Алматы қаласының мамандандырылған ауданаралық қылмыстық сотының үкімімен сотталушы кінәлі деп танылды.',
  'Суд отклонил ходатайство защиты о вызове свидетелей и приобщении видеозаписи задержания к материалам дела.',
  'The defence submits that the detention is arbitrary under categories I, II and III of the Working Group.',
].join(' ');

function textPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', compress: true });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font(FONT).fontSize(11);
    for (let p = 1; p <= PAGES; p++) {
      if (p > 1) doc.addPage();
      doc.text(`Бет ${p} / Страница ${p}`);
      for (let i = 0; i < 6; i++) doc.moveDown().text(PARAGRAPH, { width: 450 });
    }
    doc.end();
  });
}

export async function run(log: (s: string) => void): Promise<Record<string, unknown>> {
  const pdf = await textPdf();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-bench-pdf-'));
  const store = await CaseStore.open(dir);
  try {
    const times: number[] = [];
    let boxes = 0;
    let chars = 0;
    for (let i = 0; i < 4; i++) {
      const t0 = performance.now();
      const out = await intakeSource(store.originals, { fileName: `verdict-${i}.pdf`, bytes: pdf });
      const ms = performance.now() - t0;
      if (i > 0) times.push(ms);
      chars = out.text.length;
      if (out.file.pages !== PAGES) throw new Error(`expected ${PAGES} pages, read ${out.file.pages}`);
      const layout = (await store.originals.readDerived(out.file.sha256, 'layout')) as { pages: Array<{ boxes: unknown[] }> };
      boxes = layout.pages.reduce((n, p) => n + p.boxes.length, 0);
    }
    times.sort((a, b) => a - b);
    const median = times[1]!;
    const result = { pages: PAGES, pdfBytes: pdf.length, textChars: chars, layoutBoxes: boxes, msTotal: Math.round(median), msPerPage: Math.round((median / PAGES) * 10) / 10 };
    log(`  100-page text PDF (${Math.round(pdf.length / 1024)} KiB, ${chars} characters, ${boxes} boxes): ${result.msTotal} ms, ${result.msPerPage} ms/page`);
    return result;
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}
