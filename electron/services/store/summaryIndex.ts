import { z } from 'zod';
import { CaseSummary } from '../../../shared/model';
import { DurableJsonFile, writeFileDurably, type DurableFs } from './durableFile';

// A compact index of every case's summary, so that opening a large archive
// lists it without parsing every case file. It is a cache, never the truth:
// each entry remembers the mtime and size of the file it was made from, and an
// entry that disagrees with the file on disk is rebuilt from the file. A missing
// or damaged index is rebuilt whole.

export const SUMMARY_INDEX_FILE = 'summary-index.json';

const Entry = z.strictObject({ summary: CaseSummary, mtimeMs: z.number(), size: z.int() });
export type IndexEntry = z.infer<typeof Entry>;

const IndexFile = z.strictObject({
  format: z.literal('casefile-summary-index'),
  version: z.literal(1),
  entries: z.record(z.string(), Entry),
});

export async function readSummaryIndex(file: string, fs?: DurableFs): Promise<Map<string, IndexEntry>> {
  try {
    const parsed = IndexFile.safeParse(await new DurableJsonFile<unknown>(file, fs).read());
    if (parsed.success) return new Map(Object.entries(parsed.data.entries));
  } catch {
    // Unreadable or not JSON: rebuild.
  }
  return new Map();
}

export async function writeSummaryIndex(file: string, entries: Map<string, IndexEntry>, fs?: DurableFs): Promise<void> {
  // Compact, unlike case files: nobody reads it by hand and it is rewritten whole.
  await writeFileDurably(file, JSON.stringify({ format: 'casefile-summary-index', version: 1, entries: Object.fromEntries(entries) }), fs);
}
