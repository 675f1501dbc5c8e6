import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DateTime, Id } from '../../../shared/model';
import { decryptBytes, isEncryptedBytes } from '../crypto/envelope';
import { EncryptedFileError } from '../crypto/errors';
import { aadForPath, MANIFEST_FILE } from '../disk/folderLayout';
import { fsyncDir, writeFileDurably, type DurableFs } from '../disk/durableFile';
import { caseDigest, lastGoodLine, sha256Hex } from './digest';
import { decodeHistoryLine, encodeHistoryLine } from './historyLog';

// The folder's manifest: which cases it holds (id → rev, hash of the case), so a
// case that vanished — its history with it — is still missed. Its lines are
// stored like a history's (plain JSON, or each sealed under the folder's key,
// bound to the name `manifest.jsonl`) and chained like a history's (`prev`).
//
// Cost. A save appends one short line (and fsyncs it), like its history line:
// O(1), never a rewrite of a file proportional to the archive. Batching the line
// with the summary index's flush instead would save that fsync but leave up to
// 30 s of saves out of the manifest after a crash; a case created in that window
// and then deleted would go unnoticed. The file is rewritten whole — compacted,
// one entry per case, 1,000 to a line — only at open, once it holds more save
// lines than twice the number of cases, so the rewrite is paid for by as many
// saves as it copies entries.
//
// Crash gap. A save writes its case file and its history line side by side, and
// its manifest line only once both are on disk (store/recorder saveBeside: in the
// background, after the save has answered); a kill in between leaves the manifest
// one save behind (the case's rev is above the manifest's): never reported, that
// is an ordinary crash. The manifest is never AHEAD of a case file, so it still
// tells a case put back one revision from a save a crash cut short
// (audit/unconfirmedLine). A manifest
// line cut short is the last one, unterminated: readers pass over it and the
// next append cuts it off (only this process, holding the folder's lock, writes
// here). What no crash leaves — a case older than the manifest says, a case gone
// from cases/, trash/ and quarantine/ — is tampering (audit/historyCheck).
//
// The folder's conversions carry the file as they carry histories (it is listed
// in disk/folderLayout as a file of lines); a restore rewrites it from the
// restored files (rebuildManifest) — the rollback it makes is the user's.
//
// Limit: the manifest cannot prove itself whole. Its last lines removed look like
// a crash (one save behind each); the whole file replaced by an older copy of
// itself, together with older copies of the cases and histories, is not seen.

export { MANIFEST_FILE };

const Hex = z.string().regex(/^[0-9a-f]{64}$/);
/** [id, rev, sha256 of the case or null when not known (entries made from the summary index)] */
const Item = z.tuple([Id, z.int().min(1), Hex.nullable()]);
const ManifestLine = z.strictObject({
  at: DateTime,
  prev: z.string().regex(/^(?:[0-9a-f]{64})?$/),
  /** On the first line of a file written whole: why it was. */
  base: z.enum(['created', 'compacted', 'restored']).optional(),
  set: z.array(Item),
  /** Cases purged for good (folder/purgeCase): the folder's own act, so their absence is not tampering. Ids only. */
  removed: z.array(Id).optional(),
});
type ManifestLine = z.infer<typeof ManifestLine>;
export type ManifestItem = { rev: number; sha256: string | null };

export type ManifestState = {
  /** No manifest file (a folder from before manifests, or the file deleted). */
  missing: boolean;
  items: Map<string, ManifestItem>;
  /** Lines since the file was last written whole. */
  lines: number;
  /** What no crash leaves: lines that do not open or parse, a broken chain, a missing base line. */
  faults: Array<{ line: number; message: string }>;
};

const LINE_ITEMS = 1000;
const COMPACT_MIN_LINES = 1000;
const realFs: DurableFs = { open, rename, unlink };

function parseLine(json: string): ManifestLine | null {
  try {
    const parsed = ManifestLine.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const decode = (line: string, key: Buffer | null): string | null => {
  const json = decodeHistoryLine(line, key, MANIFEST_FILE);
  return json !== null && parseLine(json) ? json : null;
};

/** The manifest as the disk holds it; changes nothing. */
export async function readManifest(dataDir: string, key: Buffer | null): Promise<ManifestState> {
  let text: string;
  try {
    text = await readFile(path.join(dataDir, MANIFEST_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true, items: new Map(), lines: 0, faults: [] };
    throw err;
  }
  const state: ManifestState = { missing: false, items: new Map(), lines: 0, faults: [] };
  const lines = text.split('\n');
  // The unterminated last piece is a line a crash cut short (or ""): passed over.
  lines.pop();
  let expected = '';
  let badSince = false;
  let seen = 0;
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const json = decodeHistoryLine(raw, key, MANIFEST_FILE);
    const line = json === null ? null : parseLine(json);
    if (!line) {
      state.faults.push({ line: i + 1, message: `line ${i + 1} ${key ? 'does not open with the folder\'s key' : 'is not a manifest line'}: it was altered or damaged` });
      badSince = true;
      return;
    }
    if (seen === 0 && !line.base) state.faults.push({ line: i + 1, message: 'its first lines are gone (it does not start with the line it was written whole with): cases listed there cannot be checked' });
    else if (seen > 0 && line.base) state.faults.push({ line: i + 1, message: `line ${i + 1} starts the file again in its middle: two manifests were put together` });
    else if (line.prev !== expected && !badSince) state.faults.push({ line: i + 1, message: `line ${i + 1} does not follow the line before it: a line was removed, repeated or moved` });
    if (line.base) state.items.clear();
    for (const [id, rev, sha256] of line.set) state.items.set(id, { rev, sha256 });
    for (const id of line.removed ?? []) state.items.delete(id);
    expected = sha256Hex(json!);
    badSince = false;
    seen++;
  });
  state.lines = seen;
  return state;
}

/** The manifest's lines for `items`, chained, the first marked `base`; each as stored (sealed when `key`). */
function wholeText(items: ReadonlyMap<string, ManifestItem>, base: NonNullable<ManifestLine['base']>, at: string, key: Buffer | null): string {
  const all = [...items].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, i]): z.infer<typeof Item> => [id, i.rev, i.sha256]);
  const out: string[] = [];
  let prev = '';
  for (let k = 0; k === 0 || k < all.length; k += LINE_ITEMS) {
    const line: ManifestLine = { at, prev, ...(k === 0 ? { base } : {}), set: all.slice(k, k + LINE_ITEMS) };
    const json = JSON.stringify(line);
    prev = sha256Hex(json);
    out.push(`${encodeHistoryLine(json, key, MANIFEST_FILE)}\n`);
  }
  return out.join('');
}

/** Replaces the manifest whole, durably (temp, fsync, rename): a crash leaves the old one or the new one. */
export async function writeManifest(dataDir: string, key: Buffer | null, items: ReadonlyMap<string, ManifestItem>, base: NonNullable<ManifestLine['base']>, at: string, fs: DurableFs = realFs): Promise<void> {
  await writeFileDurably(path.join(dataDir, MANIFEST_FILE), wholeText(items, base, at, key), fs);
}

/** Whether the open should rewrite the manifest whole (see "Cost" above). */
export const needsCompaction = (state: ManifestState): boolean => state.lines > Math.max(COMPACT_MIN_LINES, 2 * state.items.size);

/**
 * Appends one line recording `set` (the cases a save left), fsynced. A torn last
 * line (a crash mid-append) is cut off first: it was never acknowledged.
 */
export async function appendManifest(dataDir: string, key: Buffer | null, set: ReadonlyArray<readonly [string, number, string | null]>, at: string, fs: DurableFs = realFs, removed: readonly string[] = []): Promise<void> {
  if (set.length === 0 && removed.length === 0) return;
  const file = path.join(dataDir, MANIFEST_FILE);
  const handle = await fs.open(file, 'a+', 0o600);
  let created = false;
  try {
    const { size } = await handle.stat();
    created = size === 0;
    const tail = await lastGoodLine(handle, size, (line) => decode(line, key));
    let end = size;
    if (tail.tornFrom !== null && tail.tornFrom < size) {
      await handle.truncate(tail.tornFrom);
      end = tail.tornFrom;
    }
    const line: ManifestLine = { at, prev: tail.json === null ? '' : sha256Hex(tail.json), ...(size === 0 ? { base: 'created' as const } : {}), set: set.map(([id, rev, sha]) => [id, rev, sha]), ...(removed.length > 0 ? { removed: [...removed] } : {}) };
    const bytes = Buffer.from(`${encodeHistoryLine(JSON.stringify(line), key, MANIFEST_FILE)}\n`, 'utf8');
    try {
      await handle.appendFile(bytes);
    } catch (err) {
      await handle.truncate(end).catch(() => undefined);
      throw err;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (created) await fsyncDir(dataDir, fs);
}

/** A case file's rev and digest, or null when it does not read as a case (the store quarantines those). */
export async function caseFileDigest(dataDir: string, rel: string, key: Buffer | null): Promise<{ rev: number; sha256: string } | null> {
  try {
    const bytes = await readFile(path.join(dataDir, ...rel.split('/')));
    let text: string;
    if (key) {
      if (!isEncryptedBytes(bytes)) return null;
      const plain = decryptBytes(key, bytes, aadForPath(rel));
      text = plain.toString('utf8');
      plain.fill(0);
    } else text = bytes.toString('utf8');
    const value = JSON.parse(text) as { rev?: unknown };
    const rev = value?.rev;
    if (typeof rev !== 'number' || !Number.isInteger(rev) || rev < 1) return null;
    return { rev, sha256: caseDigest(value) };
  } catch (err) {
    if (err instanceof EncryptedFileError || err instanceof SyntaxError || (err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

const CASE_FILE = /^([A-Za-z0-9_-]{1,64})\.json$/;

/**
 * Writes the manifest from the case files on disk (cases/, then trash/), for a
 * restore: the folder was just put back as a snapshot holds it, on purpose.
 * `known`: revs the caller already has (the store's summaries), taken without
 * reading the file — their hash then stays unknown until the case is saved.
 */
export async function rebuildManifest(dataDir: string, key: Buffer | null, base: 'created' | 'restored', at: string, options: { known?: ReadonlyMap<string, number>; fs?: DurableFs } = {}): Promise<ManifestState> {
  const items = new Map<string, ManifestItem>();
  for (const sub of ['cases', 'trash']) {
    let names: string[];
    try {
      names = await readdir(path.join(dataDir, sub));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    for (const name of names) {
      const id = CASE_FILE.exec(name)?.[1];
      if (id === undefined || items.has(id)) continue;
      const rev = sub === 'cases' ? options.known?.get(id) : undefined;
      if (rev !== undefined) {
        items.set(id, { rev, sha256: null });
        continue;
      }
      const found = await caseFileDigest(dataDir, `${sub}/${name}`, key);
      if (found) items.set(id, found);
    }
  }
  await mkdir(dataDir, { recursive: true });
  await writeManifest(dataDir, key, items, base, at, options.fs);
  return { missing: false, items, lines: 1, faults: [] };
}

/** After a save's history line: the manifest's. A failure leaves the manifest behind, as a crash would (never reported). */
export async function noteInManifest(dataDir: string, key: Buffer | null, id: string, rev: number, sha256: string | undefined, now: string, fs?: DurableFs): Promise<void> {
  await appendManifest(dataDir, key, [[id, rev, sha256 ?? null]], now, fs).catch(() => undefined);
}
