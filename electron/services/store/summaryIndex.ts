import { createHash } from 'node:crypto';
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

/** Raise when CaseSummary changes: an index of another version is rebuilt from the case files. */
const INDEX_VERSION = 2;

const IndexFile = z.strictObject({
  format: z.literal('casefile-summary-index'),
  version: z.literal(INDEX_VERSION),
  /** sha256 of JSON.stringify(entries): the index is trusted whole, not validated entry by entry. */
  sha256: z.string(),
  entries: z.record(z.string(), z.unknown()),
});

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Reads the index. Only this module writes it, from summaries of validated cases,
 * with a checksum over its entries; a file whose checksum holds is trusted whole,
 * which spares zod-validating 10,000 summaries on every open (~250 ms here). Any
 * other file — damaged, hand-edited, another version — is ignored and rebuilt.
 * With `dataKey` (an encrypted folder) the index is an envelope bound to its own name.
 */
export async function readSummaryIndex(file: string, fs?: DurableFs, dataKey?: Buffer): Promise<Map<string, IndexEntry>> {
  try {
    const adapter = dataKey ? new EncryptedJsonFile<unknown>(file, dataKey, SUMMARY_INDEX_FILE, fs) : new DurableJsonFile<unknown>(file, fs);
    const parsed = IndexFile.safeParse(await adapter.read());
    if (parsed.success && digest(JSON.stringify(parsed.data.entries)) === parsed.data.sha256) {
      return new Map(Object.entries(parsed.data.entries as Record<string, IndexEntry>));
    }
  } catch {
    // Unreadable or not JSON: rebuild.
  }
  return new Map();
}

export async function writeSummaryIndex(file: string, entries: Map<string, IndexEntry>, fs?: DurableFs, dataKey?: Buffer): Promise<void> {
  const body = Object.fromEntries(entries);
  // Compact, unlike case files: nobody reads it by hand and it is rewritten whole.
  const text = JSON.stringify({ format: 'casefile-summary-index', version: INDEX_VERSION, sha256: digest(JSON.stringify(body)), entries: body });
  await writeFileDurably(file, dataKey ? encryptBytes(dataKey, text, SUMMARY_INDEX_FILE) : text, fs);
}
