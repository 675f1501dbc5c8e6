import type { OcrLang, OriginalBytes, SourceIntakeResult, SourceLayout } from '../../../shared/contract';
import { PageLayout, type CaseFile, type Source } from '../../../shared/model';
import type { CallContext } from '../callContext';
import { ServiceError } from '../errors';
import type { OriginalStore } from '../originals/originalStore';
import { keepLayout, readingResult } from './readingResult';
import { readSource } from './readSource';

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

/** The text of the source's original read again; the case is not changed (the caller puts the text in it). */
export async function rereadSource(store: Store, caseId: string, sourceId: string, context: CallContext & { ocrLangs?: OcrLang[] } = {}): Promise<SourceIntakeResult> {
  const source = await sourceWithOriginal(store, caseId, sourceId);
  const bytes = await store.originals.read(source.file.sha256, VIEWABLE_BYTES);
  const read = await readSource(source.file.name, bytes, context);
  // Kept for the new text now, so a re-run OCR's word boxes are there when the caller saves that
  // text (until then the window calls the layout stale).
  await keepLayout(store.originals, source.file.sha256, read);
  const { pages: _previous, ...file } = source.file;
  return readingResult(read, { ...file, textBy: read.textBy, ...(read.pages ? { pages: read.pages } : {}) });
}

/** The original behind a case's source, whole, checked against its SHA-256 on the way out. */
export async function readOriginalBytes(store: Store, caseId: string, sourceId: string): Promise<OriginalBytes> {
  const { file } = await sourceWithOriginal(store, caseId, sourceId);
  if (file.size > VIEWABLE_BYTES) throw new ServiceError('bad_input', `"${file.name}" is too large to view inside Casefile; save the original out of Casefile to open it.`);
  const bytes = await store.originals.read(file.sha256, VIEWABLE_BYTES);
  return { name: file.name, mediaType: file.mediaType, size: bytes.length, dataBase64: bytes.toString('base64') };
}
