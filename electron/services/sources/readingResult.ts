import type { SourceIntakeResult } from '../../../shared/contract';
import type { PageLayout, SourceFile } from '../../../shared/model';
import { sha256Hex } from '../cases/finalize';
import type { OriginalStore } from '../originals/originalStore';
import type { SourceReading } from './readSource';

// What an intake and a re-read both do with a reading: keep its word layout beside the
// original, and answer with the text and the intake record.

/**
 * Keeps the reading's layout beside the original, for the text it was made for (derived
 * data of the original, not of the case). A reading without a word box keeps nothing.
 */
export async function keepLayout(originals: Pick<OriginalStore, 'writeDerived'>, sha256: string, read: SourceReading): Promise<void> {
  if (!read.layout || !read.layout.some((p) => p.boxes.length > 0)) return;
  await originals.writeDerived(sha256, 'layout', { textSha256: sha256Hex(read.text), pages: read.layout } satisfies PageLayout);
}

/** The answer of sources.intake and sources.reread: the reading's text and warnings, with `file`. */
export function readingResult(read: SourceReading, file: SourceFile): SourceIntakeResult {
  return {
    text: read.text,
    format: read.format,
    warnings: read.warnings,
    ...(read.title ? { title: read.title } : {}),
    ...(read.charset ? { charset: read.charset } : {}),
    file,
    ...(read.metadata ? { metadata: read.metadata } : {}),
  };
}
