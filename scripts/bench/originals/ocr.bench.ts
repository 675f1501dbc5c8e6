// OCR of a scanned PDF: 20 full A4 pages of Kazakh, Russian and English text drawn at
// 300 dpi (DejaVu Sans 12 pt) and packed as images in a PDF with no text layer, read
// with every language on (the default): seconds per page (goal ≤ 3 s on two cores),
// CPU seconds per page (all threads: what a page costs, however loaded the machine is)
// and word accuracy against the text drawn. OCR_BENCH_PAGES=N reads fewer pages.

import os from 'node:os';
import { ocrOriginal } from '../../../electron/services/ocr/ocrOriginal';
import { renderTextPage, SAMPLE_TEXT, scannedPdf, wordAccuracy } from '../../../tests/helpers/ocrPages';

const LANGS = ['kk', 'ru', 'en'] as const;

export async function run(log: (s: string) => void): Promise<Record<string, unknown>> {
  const count = Number(process.env.OCR_BENCH_PAGES) || 20;
  // A full page: the language's sample three times over (about 35 lines).
  const texts = Array.from({ length: count }, (_, i) => {
    const sample = SAMPLE_TEXT[LANGS[i % LANGS.length]!];
    return [sample, sample, sample].join('\n');
  });
  const pdf = await scannedPdf(texts.map((t) => renderTextPage(t)));
  log(`  ${count} scanned A4 pages at 300 dpi: ${(pdf.length / 1024 / 1024).toFixed(1)} MiB PDF, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`);
  const pageDone: number[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await ocrOriginal(pdf, { format: 'pdf', mediaType: 'application/pdf', langs: [...LANGS], pages: [] }, {
    onProgress: () => pageDone.push(performance.now()),
  });
  const seconds = (performance.now() - started) / 1000;
  // Every thread of this process (tesseract's workers, the one drawing pages): what a page costs whatever else the machine runs.
  const used = process.cpuUsage(cpu);
  const cpuPerPage = (used.user + used.system) / 1e6 / count;
  const accuracy = LANGS.map((lang, l) => {
    const pages = texts.map((t, i) => ({ t, i })).filter(({ i }) => i % LANGS.length === l);
    const mean = pages.reduce((sum, { t, i }) => sum + wordAccuracy(t, result.pages[i]!), 0) / Math.max(1, pages.length);
    return [lang, Math.round(mean * 1000) / 10] as const;
  });
  const perPage = seconds / count;
  log(`  OCR: ${seconds.toFixed(1)} s for ${count} pages, ${perPage.toFixed(2)} s per page (goal ≤ 3 s), ${cpuPerPage.toFixed(2)} CPU s per page; first page after ${((pageDone[1]! - started) / 1000).toFixed(1)} s`);
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  log(`  peak RSS of the process (page images drawn for the test included): ${peakRssMb} MB`);
  log(`  word accuracy: ${accuracy.map(([l, a]) => `${l} ${a} %`).join(', ')}`);
  return { pages: count, seconds: Math.round(seconds * 10) / 10, secondsPerPage: Math.round(perPage * 100) / 100, cpuSecondsPerPage: Math.round(cpuPerPage * 100) / 100, goalSecondsPerPage: 3, wordAccuracyPercent: Object.fromEntries(accuracy), peakRssMb, loadAverage: os.loadavg()[0] };
}
