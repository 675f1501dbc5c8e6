import { open, readFile, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { AgendaItem, CaseSummary, idRecord } from '../../../shared/model';
import { decryptBytes, encryptBytes } from '../crypto/envelope';
import { SUMMARY_INDEX_FILE } from '../disk/folderLayout';
import { writeFileDurably, type DurableFs } from '../disk/durableFile';
import { FileState } from '../disk/statFiles';
import { journalLine, readJournal, tracked, TrackedMap, type JournalRecord } from './indexJournal';
import { byListOrder } from './listOrder';

// A compact index of every case's summary, so that opening a large archive
// lists it without parsing every case file. It is a cache, never the truth:
// each entry remembers the state of the file it was made from, and an entry that
// disagrees with the file on disk is rebuilt from the file. A missing or damaged
// index is rebuilt whole. It also remembers the state of each trashed file that
// was checked, so trashed cases are read again only when they change.


/**
 * A case's entry. `agenda` is absent only for an entry read from the index whose
 * agenda the store has not needed yet (see `readAgendaSection`).
 */
export type IndexEntry = FileState & { summary: CaseSummary; agenda?: AgendaItem[] };

/**
 * Raise when the layout changes, or a column's shape or meaning does: an index of another
 * version is rebuilt from the case files. 5: model version 2 (the penalty in force and
 * the release date; a previous build's rows, made from v1 cases, are never reused).
 * 6: a head line of its own with each section's CRC-32 and length, so an open reads
 * and checks the rows only; the agendas are read from the file when first asked for.
 */
const INDEX_VERSION = 6;

// Each entry is one JSON array: its summary's values in the order of CaseSummary's
// fields, then its file state. Without the keys the index is a third smaller and
// parses faster than objects would — at 10,000 cases, reading it is most of the
// time an open takes to list. The agendas (each item an array in AgendaItem's
// order) follow on a line of their own, read and parsed only when the agenda is
// first asked for: the list does not need them. The file names its columns, and an
// index whose columns are not this build's (a field added or renamed) is rebuilt
// rather than misread.
const COLUMNS = Object.keys(CaseSummary.shape) as Array<keyof CaseSummary>;
const AGENDA_COLUMNS = Object.keys(AgendaItem.shape) as Array<keyof AgendaItem>;
const STATE_COLUMNS = Object.keys(FileState.shape) as Array<keyof FileState>;
const ROW_LENGTH = COLUMNS.length + STATE_COLUMNS.length;
const LAYOUT = JSON.stringify({ summary: COLUMNS, file: STATE_COLUMNS, agenda: AGENDA_COLUMNS });

// The file's lines: a head of fixed length, the rows, the agendas, then the journal's
// lines (store/indexJournal):
//   {"format":"casefile-summary-index","version":6,"check":"<rows crc32>-<agendas crc32>-<rows bytes>-<agendas bytes>"}
//   {"layout":{…},"trash":{…}}␞[<row>,…]␞[<row>,…]…       (␞: the byte 0x1e, see BATCH_MARK)
//   {"<id>":[[…],…],…}␞{"<id>":[[…],…],…}…            (the agendas of each batch of rows)
// Each CRC-32 (8 hex digits) is over its line's bytes, newline excluded; each length
// (12 digits) is its line's in bytes. With the lengths in the head an open reads the
// head, the rows and the journal, and skips the agendas (40 % of the file) without
// reading them. The CRC is to turn away a damaged or hand-edited file before it is
// parsed, as the search index's is (a forger could recompute any checksum; an
// encrypted folder's envelope, bound to the file's name, proves every byte anyway).
const HEAD = `{"format":"casefile-summary-index","version":${INDEX_VERSION},"check":"`;
const CHECK = /^([0-9a-f]{8})-([0-9a-f]{8})-([0-9]{12})-([0-9]{12})"\}\n$/;
const ROWS_AT = HEAD.length + 43 + 3; // the check, `"}` and the newline

const IndexBody = z.strictObject({
  layout: z.unknown(),
  trash: idRecord(z.string(), FileState), // keeps a trashed `__proto__` (z.record drops it)
});

// The rows line is the layout and trash, then the rows in batches of ROWS_PER_BATCH, each a JSON
// array after a record separator (0x1e, which JSON text cannot hold raw): each batch is decoded
// and parsed on its own, so the open never holds the whole line as one string — at 100,000 cases
// 43 MB of UTF-8 would be an 80 MB string of two-byte characters, on top of the rows made from it.
const BATCH_MARK = 0x1e;
const ROWS_PER_BATCH = 1000;

/**
 * Where the agenda line is, unread: in the file (plain: read from it when first needed,
 * if its head is still the one the rows were read under) or, for a sealed index, its
 * bytes from the opened envelope (wiped once read).
 */
type AgendaSection = { crc: number; length: number } & ({ bytes: Buffer } | { file: string; head: Buffer; at: number });

/**
 * `agendas`: the agenda line, unread (see readAgendaSection); null when every entry has its agenda.
 * `journalBytes`: how much journal (store/indexJournal) follows the index on disk; absent when the file was not
 * a good index (nothing may be appended to it then).
 */
export type SummaryIndex = { cases: Map<string, IndexEntry>; trash: Map<string, FileState>; agendas: AgendaSection | null; journalBytes?: number };

/** Reads `length` bytes at `at` from an open file; throws when the file is shorter. */
async function readAt(handle: FileHandle, at: number, length: number): Promise<Buffer> {
  const out = Buffer.allocUnsafe(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await handle.read(out, got, length - got, at + got);
    if (bytesRead === 0) throw new Error('the summary index is shorter than its head says');
    got += bytesRead;
  }
  return out;
}

/** The head's lengths and checksums; null when it is not this version's. */
function parseHead(head: Buffer): { rowsCrc: number; agendaCrc: number; rowsLength: number; agendaLength: number } | null {
  if (head.length < ROWS_AT || head.toString('latin1', 0, HEAD.length) !== HEAD) return null;
  const m = CHECK.exec(head.toString('latin1', HEAD.length, ROWS_AT));
  if (!m) return null;
  return { rowsCrc: parseInt(m[1]!, 16), agendaCrc: parseInt(m[2]!, 16), rowsLength: Number(m[3]), agendaLength: Number(m[4]) };
}

/** An object from a row's values, leaving out the absent (written as null: JSON has no undefined). */
function fromRow<K extends string>(columns: readonly K[], row: readonly unknown[], offset = 0): Record<K, unknown> {
  const out = {} as Record<K, unknown>;
  for (let i = 0; i < columns.length; i++) {
    const v = row[offset + i];
    if (v !== null) out[columns[i]!] = v;
  }
  return out;
}

const STATE_AT = COLUMNS.length;
if (STATE_COLUMNS.join() !== 'mtimeMs,size,ctimeMs,ino') throw new Error('FileState changed: update entryOfRow');

/** A row's entry, made in one object: at 100,000 rows every object made at open shows in the time to list. */
const entryOfRow = (row: readonly unknown[]): IndexEntry => ({
  summary: fromRow(COLUMNS, row) as CaseSummary,
  mtimeMs: row[STATE_AT] as number,
  size: row[STATE_AT + 1] as number,
  ctimeMs: row[STATE_AT + 2] as number,
  ino: row[STATE_AT + 3] as number,
});

/**
 * Reads the index. Only this module writes it, from summaries of validated cases;
 * a file whose checksum (or, in an encrypted folder, whose envelope, bound to its
 * own name) holds is trusted whole, which spares zod-validating 100,000 summaries on
 * every open. The checksum is over the raw bytes, so a damaged or hand-edited file
 * is turned away before it is parsed. Anything else is ignored and rebuilt. A plain
 * file is read in parts: the head, the rows, the journal — not the agendas.
 */
export async function loadSummaryIndex(file: string, dataKey?: Buffer): Promise<SummaryIndex> {
  const empty = (): SummaryIndex => ({ cases: new TrackedMap(), trash: new TrackedMap(), agendas: null });
  let handle: FileHandle | undefined;
  let opened: Buffer | undefined;
  try {
    let size: number;
    let read: (at: number, length: number) => Promise<Buffer>;
    if (dataKey) {
      const bytes = (opened = decryptBytes(dataKey, await readFile(file), SUMMARY_INDEX_FILE));
      size = bytes.length;
      read = async (at, length) => {
        if (at + length > bytes.length) throw new Error('the summary index is shorter than its head says');
        return bytes.subarray(at, at + length);
      };
    } else {
      const h = (handle = await open(file, 'r'));
      size = (await h.stat()).size;
      read = (at, length) => readAt(h, at, length);
    }
    if (size < ROWS_AT) return empty();
    const head = Buffer.from(await read(0, ROWS_AT));
    const check = parseHead(head);
    if (!check) return empty();
    const agendaAt = ROWS_AT + check.rowsLength + 1;
    const journalAt = agendaAt + check.agendaLength;
    if (journalAt > size) return empty();
    const body = await read(ROWS_AT, check.rowsLength + 1);
    if (body[check.rowsLength] !== 0x0a) return empty();
    // A sealed index: the envelope already proved every byte.
    if (!dataKey && crc32(body.subarray(0, check.rowsLength)) !== check.rowsCrc) return empty();
    let at = body.indexOf(BATCH_MARK);
    if (at < 0 || at > check.rowsLength) at = check.rowsLength;
    const parsed = IndexBody.safeParse(JSON.parse(body.toString('utf8', 0, at)));
    if (!parsed.success || JSON.stringify(parsed.data.layout) !== LAYOUT) return empty();
    const cases = new TrackedMap<IndexEntry>();
    while (at < check.rowsLength) {
      let next = body.indexOf(BATCH_MARK, at + 1);
      if (next < 0 || next > check.rowsLength) next = check.rowsLength;
      const rows: unknown = JSON.parse(body.toString('utf8', at + 1, next));
      if (!Array.isArray(rows)) return empty();
      for (const row of rows as unknown[]) {
        if (!Array.isArray(row) || row.length !== ROW_LENGTH) return empty();
        const entry = entryOfRow(row);
        cases.setUnchanged(entry.summary.id, entry);
      }
      at = next;
    }
    const trash = tracked(new Map(Object.entries(parsed.data.trash)));
    replayJournal(readJournal(await read(journalAt, size - journalAt)), cases, trash);
    const section = { crc: check.agendaCrc, length: check.agendaLength };
    const agendas: AgendaSection = dataKey ? { ...section, bytes: Buffer.from(await read(agendaAt, check.agendaLength)) } : { ...section, file, head, at: agendaAt };
    return { cases, trash, agendas, journalBytes: size - journalAt };
  } catch {
    return empty(); // missing, unreadable, an envelope that will not open, or not what this module writes
  } finally {
    await handle?.close().catch(() => undefined);
    opened?.fill(0);
  }
}

/** The journal's rows over the index's (each with its agenda), its deletions, its trash; a record out of shape ends it. */
function replayJournal(records: JournalRecord[], cases: TrackedMap<IndexEntry>, trash: TrackedMap<FileState>): void {
  for (const r of records) {
    const rowsOk = r.rows.every((row) => Array.isArray(row) && row.length === ROW_LENGTH);
    const agendasOk = Object.values(r.agendas).every((items) => Array.isArray(items) && items.every((item) => Array.isArray(item) && item.length === AGENDA_COLUMNS.length));
    if (!rowsOk || !agendasOk) return;
    for (const row of r.rows as unknown[][]) {
      const entry = entryOfRow(row);
      const id = entry.summary.id;
      entry.agenda = ((r.agendas[id] ?? []) as unknown[][]).map((item) => fromRow(AGENDA_COLUMNS, item) as AgendaItem);
      cases.setUnchanged(id, entry);
    }
    for (const id of r.gone) if (cases.delete(id)) cases.changed.delete(id);
    if (r.trash) {
      trash.clear();
      for (const [id, state] of Object.entries(r.trash)) trash.setUnchanged(id, state as FileState);
      trash.changed.clear();
    }
  }
}

/** The agenda line's bytes, read from the file when it is still the one the rows came from; null otherwise. */
async function agendaBytes(section: AgendaSection): Promise<Buffer | null> {
  if ('bytes' in section) return section.bytes;
  let handle: FileHandle | undefined;
  try {
    handle = await open(section.file, 'r');
    // Rewritten since (it cannot be while an agenda is unread: a whole write fills them first), or damaged.
    if (!(await readAt(handle, 0, ROWS_AT)).equals(section.head)) return null;
    return await readAt(handle, section.at, section.length);
  } catch {
    return null;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * The agendas of the index's entries, from the line `loadSummaryIndex` left
 * unread (its bytes wiped after). Null when it is not what this module writes (its
 * CRC does not hold, say); the store then makes each agenda from its case file.
 */
async function readAgendaSection(section: AgendaSection): Promise<Map<string, AgendaItem[]> | null> {
  const bytes = await agendaBytes(section);
  if (!bytes) return null;
  try {
    if (bytes.length !== section.length || crc32(bytes) !== section.crc) return null;
    const out = new Map<string, AgendaItem[]>();
    // Batches of the rows' agendas (one JSON object each), parsed one at a time, as the rows are.
    for (let at = 0; at < bytes.length; ) {
      let next = bytes.indexOf(BATCH_MARK, at);
      if (next < 0) next = bytes.length;
      const parsed: unknown = JSON.parse(bytes.toString('utf8', at, next));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
      for (const [id, items] of Object.entries(parsed)) {
        if (!Array.isArray(items) || !items.every((item) => Array.isArray(item) && item.length === AGENDA_COLUMNS.length)) return null;
        out.set(id, items.map((item: unknown[]) => fromRow(AGENDA_COLUMNS, item) as AgendaItem));
      }
      at = next + 1;
    }
    return out;
  } catch {
    return null;
  } finally {
    bytes.fill(0);
  }
}

/**
 * Gives each entry read from the index its agenda from the line left unread
 * (once: `index.agendas` is null afterwards) and returns the ids of entries still
 * without one — none, unless that line was not what this module writes.
 */
export async function fillAgendas(index: SummaryIndex): Promise<string[]> {
  const unread = index.agendas;
  index.agendas = null;
  const section = unread && (await readAgendaSection(unread));
  const missing: string[] = [];
  for (const [id, entry] of index.cases) {
    if (entry.agenda) continue; // a save's entry, made since the index was read, has its own
    const agenda = section?.get(id);
    // What the file on disk holds already: not a change for the journal to carry.
    if (agenda) tracked(index.cases).setUnchanged(id, { ...entry, agenda });
    else missing.push(id);
  }
  return missing;
}

/** The live cases' entries only (see loadSummaryIndex). */
export async function readSummaryIndex(file: string, _fs?: DurableFs, dataKey?: Buffer): Promise<Map<string, IndexEntry>> {
  return (await loadSummaryIndex(file, dataKey)).cases;
}

// Entries are never changed in place (the store makes a new one per save), so each
// is serialised once: rewriting the index after one save costs a join, not a
// JSON.stringify of every summary. (Entries read at open are serialised at the
// first write, which comes when saves pause, not while the user waits for the list.)
const serialized = new WeakMap<IndexEntry, { row: string; agenda: string }>();

function entryJson(entry: IndexEntry): { row: string; agenda: string } {
  let json = serialized.get(entry);
  if (json === undefined) {
    if (!entry.agenda) throw new Error(`the index entry of ${entry.summary.id} has no agenda yet`); // the store fills them before writing
    const row: unknown[] = COLUMNS.map((k) => entry.summary[k] ?? null);
    for (const k of STATE_COLUMNS) row.push(entry[k]);
    const agenda = entry.agenda.map((item) => AGENDA_COLUMNS.map((a) => item[a] ?? null));
    serialized.set(entry, (json = { row: JSON.stringify(row), agenda: `${JSON.stringify(entry.summary.id)}:${JSON.stringify(agenda)}` }));
  }
  return json;
}

/**
 * A journal line for the entries and trashed files marked changed (store/indexJournal), which
 * are unmarked; null (nothing unmarked) when an entry has no agenda yet or nothing changed.
 */
export function journalChanges(index: { cases: TrackedMap<IndexEntry>; trash: TrackedMap<FileState> }): { line: string; undo: () => void } | null {
  const ids = [...index.cases.changed];
  const trashChanged = index.trash.changed.size > 0;
  if (ids.length === 0 && !trashChanged) return null;
  const rows: string[] = [];
  const agendas: string[] = [];
  const gone: string[] = [];
  for (const id of ids) {
    const entry = index.cases.get(id);
    if (!entry) gone.push(id);
    else if (!entry.agenda) return null;
    else {
      const json = entryJson(entry);
      rows.push(json.row);
      agendas.push(json.agenda);
    }
  }
  const trashIds = [...index.trash.changed];
  const trash = trashChanged ? `{${Array.from(index.trash, ([id, state]) => `${JSON.stringify(id)}:${JSON.stringify(state)}`).join(',')}}` : null;
  index.cases.changed.clear();
  index.trash.changed.clear();
  const undo = () => {
    for (const id of ids) index.cases.changed.add(id);
    for (const id of trashIds) index.trash.changed.add(id);
  };
  return { line: journalLine(rows, agendas, gone, trash), undo };
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');
const digits12 = (n: number) => String(n).padStart(12, '0');

/** The index's bytes (plain): head, rows, agendas — the rows in the list's order, which the list's sort then finds done. */
function summaryIndexText(index: Pick<SummaryIndex, 'cases' | 'trash'>): string {
  const trash: string[] = [];
  for (const [id, state] of index.trash) trash.push(`${JSON.stringify(id)}:${JSON.stringify(state)}`);
  const parts = [`{"layout":${LAYOUT},"trash":{${trash.join(',')}}}`];
  const agendas: string[] = [];
  const sorted = [...index.cases.values()].sort((a, b) => byListOrder(a.summary, b.summary));
  for (let i = 0; i < sorted.length; i += ROWS_PER_BATCH) {
    const rows: string[] = [];
    const items: string[] = [];
    for (const entry of sorted.slice(i, i + ROWS_PER_BATCH)) {
      const json = entryJson(entry);
      rows.push(json.row);
      items.push(json.agenda);
    }
    parts.push(`[${rows.join(',')}]`);
    agendas.push(`{${items.join(',')}}`);
  }
  const body = parts.join('\x1e');
  const agendaLine = agendas.length > 0 ? agendas.join('\x1e') : '{}';
  const check = `${hex8(crc32(body))}-${hex8(crc32(agendaLine))}-${digits12(Buffer.byteLength(body))}-${digits12(Buffer.byteLength(agendaLine))}`;
  return `${HEAD}${check}"}\n${body}\n${agendaLine}`;
}

/** Writes the index; every entry must carry its agenda (an index as loaded gets them from its own line first). */
export async function writeSummaryIndex(
  file: string,
  index: SummaryIndex | Pick<SummaryIndex, 'cases' | 'trash'>,
  fs?: DurableFs,
  dataKey?: Buffer,
  /** When to serialise (the store waits for a moment without a save); now by default. */
  when: <T>(work: () => T) => Promise<T> = async (work) => work(),
): Promise<void> {
  if ('agendas' in index && index.agendas) await fillAgendas(index);
  const bytes = await when(() => {
    const text = summaryIndexText(index);
    // Everything marked changed is in this text: nothing is left for a journal line.
    for (const map of [index.cases, index.trash]) if (map instanceof TrackedMap) map.changed.clear();
    return dataKey ? encryptBytes(dataKey, text, SUMMARY_INDEX_FILE) : text;
  });
  await writeFileDurably(file, bytes, fs);
}
