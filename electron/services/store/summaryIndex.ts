import { z } from 'zod';
import { CaseSummary } from '../../../shared/model';
import { EncryptedJsonFile } from '../crypto/encryptedJsonFile';
import { encryptBytes } from '../crypto/envelope';
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

/** With `dataKey` (an encrypted folder) the index is an envelope bound to its own name; a damaged one is rebuilt like any other. */
export async function readSummaryIndex(file: string, fs?: DurableFs, dataKey?: Buffer): Promise<Map<string, IndexEntry>> {
  try {
    const adapter = dataKey ? new EncryptedJsonFile<unknown>(file, dataKey, SUMMARY_INDEX_FILE, fs) : new DurableJsonFile<unknown>(file, fs);
    const parsed = IndexFile.safeParse(await adapter.read());
    if (parsed.success) return new Map(Object.entries(parsed.data.entries));
  } catch {
    // Unreadable or not JSON: rebuild.
  }
  return new Map();
}

export async function writeSummaryIndex(file: string, entries: Map<string, IndexEntry>, fs?: DurableFs, dataKey?: Buffer): Promise<void> {
  // Compact, unlike case files: nobody reads it by hand and it is rewritten whole.
  const text = JSON.stringify({ format: 'casefile-summary-index', version: 1, entries: Object.fromEntries(entries) });
  await writeFileDurably(file, dataKey ? encryptBytes(dataKey, text, SUMMARY_INDEX_FILE) : text, fs);
}
