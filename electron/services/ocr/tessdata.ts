// Where the OCR language data lies, and Casefile's language codes in Tesseract's.
// The traineddata files are shipped, never downloaded: from the sources (assets/tessdata),
// beside the built app (out/ → ../assets/tessdata) and in an installed app, where
// electron-builder copies them to resources/tessdata (extraResources: outside app.asar,
// so tesseract.js's worker thread reads them with plain fs).

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OcrLang } from '../../../shared/contract';
import { ServiceError } from '../errors';

const TESSERACT_LANG: Record<OcrLang, string> = { kk: 'kaz', ru: 'rus', en: 'eng' };

/** Every language Casefile reads, in the order Tesseract tries them when none is chosen. */
const ALL_OCR_LANGS: readonly OcrLang[] = ['kk', 'ru', 'en'];

/** Tesseract's language string ("kaz+rus+eng") for the chosen languages, each once, in the order given. */
export function tesseractLangs(langs: readonly OcrLang[]): string {
  const chosen = [...new Set(langs.length > 0 ? langs : ALL_OCR_LANGS)];
  return chosen.map((l) => TESSERACT_LANG[l]).join('+');
}

function hasAll(dir: string): boolean {
  return Object.values(TESSERACT_LANG).every((code) => existsSync(path.join(dir, `${code}.traineddata`)));
}

let cached: string | undefined;

/** The folder holding kaz/rus/eng.traineddata, or a ServiceError saying the installation lacks them. */
export function tessdataDir(): string {
  if (cached !== undefined) return cached;
  const candidates: string[] = [];
  // Set by Electron only: the installed app's resources folder.
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) candidates.push(path.join(resources, 'tessdata'));
  // Sources (electron/services/ocr/), the built bundles (out/main/ and out/main/chunks/).
  for (const rel of ['../../../assets/tessdata', '../../assets/tessdata']) candidates.push(fileURLToPath(new URL(rel, import.meta.url)));
  const found = candidates.find(hasAll);
  if (!found) {
    throw new ServiceError('internal', `The OCR language data (kaz, rus and eng .traineddata) is missing from this installation (looked in ${candidates.join(', ')}). Reinstall Casefile.`);
  }
  cached = found;
  return found;
}
