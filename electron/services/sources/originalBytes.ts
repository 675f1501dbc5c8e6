import type { OriginalBytes } from '../../../shared/contract';
import { ServiceError } from '../errors';
import type { CaseFile } from '../../../shared/model';
import type { OriginalStore } from '../originals/originalStore';

/** The most of an original the window is sent to view (base64 over IPC or HTTP); a larger one is saved out instead. */
export const VIEWABLE_BYTES = 64 * 1024 * 1024;

/** The original behind a case's source, whole, checked against its SHA-256 on the way out. */
export async function readOriginalBytes(store: { get(id: string): Promise<CaseFile>; originals: OriginalStore }, caseId: string, sourceId: string): Promise<OriginalBytes> {
  const c = await store.get(caseId);
  const source = c.sources.find((s) => s.id === sourceId);
  if (!source) throw new ServiceError('not_found', `Case "${c.title}" has no source ${sourceId}.`);
  if (!source.file) throw new ServiceError('not_found', `The source "${source.title}" has no original file: only its text was kept.`);
  const { sha256, name, mediaType, size } = source.file;
  if (size > VIEWABLE_BYTES) throw new ServiceError('bad_input', `"${name}" is too large to view inside Casefile; save the original out of Casefile to open it.`);
  const bytes = await store.originals.read(sha256, VIEWABLE_BYTES);
  return { name, mediaType, size: bytes.length, dataBase64: bytes.toString('base64') };
}
