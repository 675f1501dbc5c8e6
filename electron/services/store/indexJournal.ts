import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { DurableFs } from '../disk/durableFile';

// The summary index's journal: the rows that changed since the index was last written whole,
// appended to the same file as lines after it, one line per quiet moment. Rewriting the whole
// index means serialising and hashing tens of megabytes at 100,000 cases, on the thread that
// answers saves; a line of the few rows that changed costs a fraction of a millisecond. The
// index is written whole again at close (and when the journal grows past JOURNAL_LIMIT).
//
// Each line: "\n", the sha256 (hex) of the JSON after it, the JSON:
//   {"rows":[<row>,…],"agendas":{"<id>":[…],…},"gone":["<id>",…],"trash":{…}|null}
// A line that does not hold (a torn append after a crash) ends the journal there: the rows it
// would have corrected are stale, and the open's confirmation re-reads their files, as for any
// row the index has wrong. Only plain folders append; a sealed index is one envelope.

/** Past this many bytes of journal the next write is a whole one (in a quiet moment, as before). */
export const JOURNAL_LIMIT = 8 * 2 ** 20;

/** A Map that remembers which keys were set or deleted since `changed` was last cleared. */
export class TrackedMap<V> extends Map<string, V> {
  readonly changed = new Set<string>();
  override set(key: string, value: V): this {
    this.changed?.add(key); // absent while Map's constructor runs
    return super.set(key, value);
  }
  override delete(key: string): boolean {
    this.changed.add(key);
    return super.delete(key);
  }
  override clear(): void {
    for (const key of this.keys()) this.changed.add(key);
    super.clear();
  }
  /** Sets without marking the key changed (a value the file on disk already holds, say). */
  setUnchanged(key: string, value: V): void {
    super.set(key, value);
  }
}

/** `map` as a TrackedMap with nothing marked changed (the same object when it is one). */
export function tracked<V>(map: Map<string, V>): TrackedMap<V> {
  if (map instanceof TrackedMap) return map as TrackedMap<V>;
  const out = new TrackedMap<V>();
  for (const [k, v] of map) out.setUnchanged(k, v);
  return out;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** One journal line (leading newline included) from JSON texts already serialised. */
export function journalLine(rows: readonly string[], agendas: readonly string[], gone: readonly string[], trash: string | null): string {
  const json = `{"rows":[${rows.join(',')}],"agendas":{${agendas.join(',')}},"gone":${JSON.stringify(gone)},"trash":${trash ?? 'null'}}`;
  return `\n${sha256(json)}${json}`;
}

export type JournalRecord = { rows: unknown[]; agendas: Record<string, unknown>; gone: string[]; trash: Record<string, unknown> | null };

/**
 * The records of the journal part of an index file (the bytes after the agenda line), in
 * order, up to the first that does not hold.
 */
export function readJournal(bytes: Buffer): JournalRecord[] {
  const out: JournalRecord[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (bytes[at] !== 0x0a) break;
    const end = bytes.indexOf(0x0a, at + 1);
    const line = bytes.toString('utf8', at + 1, end < 0 ? bytes.length : end);
    at = end < 0 ? bytes.length : end;
    const json = line.slice(64);
    if (line.length <= 64 || sha256(json) !== line.slice(0, 64)) break;
    try {
      const r = JSON.parse(json) as JournalRecord;
      const trashOk = r.trash === null || (typeof r.trash === 'object' && !Array.isArray(r.trash));
      if (!Array.isArray(r.rows) || typeof r.agendas !== 'object' || r.agendas === null || !Array.isArray(r.gone) || !r.gone.every((g) => typeof g === 'string') || !trashOk) break;
      out.push(r);
    } catch {
      break;
    }
  }
  return out;
}

/** Appends `text` to `file` and syncs it: no rename, no folder sync (the file exists). */
export async function appendDurably(file: string, text: string, fs?: DurableFs): Promise<void> {
  const handle = await (fs?.open ?? open)(file, 'a');
  try {
    await handle.write(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
