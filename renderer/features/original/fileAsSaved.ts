import type { SourceIntakeResult } from '../../../shared/contract';
import type { Source, SourceFile } from '../../../shared/model';

/**
 * The intake record a source is saved with: the file just read (or the one the
 * source already had), its text marked `typed` once the user's text differs from the
 * text the file gave (a correction of OCR, say); annotations then re-anchor as for
 * any edit of the text.
 */
export function fileAsSaved(read: SourceIntakeResult | null, source: Source | null, text: string): SourceFile | undefined {
  if (read) return text === read.text ? read.file : { ...read.file, textBy: 'typed' };
  const kept = source?.file;
  if (!kept) return undefined;
  return text === source.text ? kept : { ...kept, textBy: 'typed' };
}
