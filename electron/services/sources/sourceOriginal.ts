import type { OcrLang, OriginalBytes, SourceIntakeResult, SourceLayout } from '../../../shared/contract';
import { PageLayout, type CaseFile, type Source, type SourceFile } from '../../../shared/model';
import type { CallContext } from '../callContext';
import { ServiceError } from '../errors';
import { extractSourceIsolated } from '../isolation/extractSource';
import { ocrSourceText } from '../ocr/ocrSourceText';
import type { OriginalStore } from '../originals/originalStore';
import { getOcrRunner } from './ocrHook';
import { NO_TEXT_LAYER } from './pdfText';
import { pageCount } from '../../../shared/text/pages';

/** The most of an original the window is sent to view (base64 over IPC or HTTP); a larger one is saved out instead. */
export const VIEWABLE_BYTES = 64 * 1024 * 1024;

type Store = { get(id: string): Promise<CaseFile>; originals: OriginalStore };

/** A case's source that has an original, or a ServiceError saying which is missing. */
export async function sourceWithOriginal(store: Store, caseId: string, sourceId: string): Promise<Source & { file: NonNullable<Source['file']> }> {
  const c = await store.get(caseId);
  const source = c.sources.find((s) => s.id === sourceId);
  if (!source) throw new ServiceError('not_found', `Case "${c.title}" has no source ${sourceId}.`);
  if (!source.file) throw new ServiceError('not_found', `The source "${source.title}" has no original file: only its text was kept.`);
  return source as Source & { file: NonNullable<Source['file']> };
}

/** The layout of the source's original, if one was made for the text the source holds now. */
export async function sourceLayout(store: Store, caseId: string, sourceId: string): Promise<SourceLayout> {
  const source = await sourceWithOriginal(store, caseId, sourceId);
  const parsed = PageLayout.safeParse(await store.originals.readDerived(source.file.sha256, 'layout'));
  if (!parsed.success) return { layout: null, stale: false };
  if (parsed.data.textSha256 !== source.sha256) return { layout: null, stale: true };
  return { layout: parsed.data, stale: false };
}

/** The text of the source's original read again; nothing is saved (the caller puts the text in the case). */
export async function rereadSource(store: Store, caseId: string, sourceId: string, context: CallContext = {}, ocrLangs?: OcrLang[]): Promise<SourceIntakeResult> {
  const source = await sourceWithOriginal(store, caseId, sourceId);
  const bytes = await store.originals.read(source.file.sha256, VIEWABLE_BYTES);
  if (source.file.mediaType.startsWith('image/')) return rereadByOcr(store, source.file, bytes, 'image', ocrLangs, context);
  let extracted;
  try {
    extracted = await extractSourceIsolated(source.file.name, bytes, context.signal);
  } catch (err) {
    // A scan: no text layer to read, so its pages are read by OCR.
    if (source.file.mediaType === 'application/pdf' && err instanceof ServiceError && err.message === NO_TEXT_LAYER) return rereadByOcr(store, source.file, bytes, 'pdf', ocrLangs, context);
    throw err;
  }
  const pages = extracted.format === 'pdf' ? pageCount(extracted.text) : undefined;
  return { ...extracted, file: { ...source.file, textBy: 'embedded', ...(pages ? { pages } : {}) } };
}

/** The original read by OCR; its word layout is kept beside it (derived data, replaced by each run), the text returned. */
async function rereadByOcr(store: Store, file: SourceFile, bytes: Uint8Array, format: 'image' | 'pdf', langs: OcrLang[] = ['kk', 'ru', 'en'], context: CallContext): Promise<SourceIntakeResult> {
  const runner = getOcrRunner();
  if (!runner) throw new ServiceError('unsupported', 'This build of Casefile cannot run OCR; type or paste the text instead.');
  const result = await runner(bytes, { format, mediaType: file.mediaType, langs, pages: [] }, context);
  const { text, layout } = ocrSourceText(result);
  await store.originals.writeDerived(file.sha256, 'layout', layout);
  return { text, format: format === 'pdf' ? 'pdf' : 'image', warnings: result.warnings, file: { ...file, textBy: 'ocr', pages: result.pages.length } };
}

/** The original behind a case's source, whole, checked against its SHA-256 on the way out. */
export async function readOriginalBytes(store: Store, caseId: string, sourceId: string): Promise<OriginalBytes> {
  const { file } = await sourceWithOriginal(store, caseId, sourceId);
  if (file.size > VIEWABLE_BYTES) throw new ServiceError('bad_input', `"${file.name}" is too large to view inside Casefile; save the original out of Casefile to open it.`);
  const bytes = await store.originals.read(file.sha256, VIEWABLE_BYTES);
  return { name: file.name, mediaType: file.mediaType, size: bytes.length, dataBase64: bytes.toString('base64') };
}
