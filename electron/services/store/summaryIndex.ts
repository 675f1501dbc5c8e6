import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AgendaItem, CaseSummary, idRecord } from '../../../shared/model';
import { decryptBytes, encryptBytes } from '../crypto/envelope';
import { SUMMARY_INDEX_FILE } from '../disk/folderLayout';
import { writeFileDurably, type DurableFs } from '../disk/durableFile';
import { FileState } from '../disk/statFiles';
import { journalLine, readJournal, tracked, TrackedMap, type JournalRecord } from './indexJournal';

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
 */
const INDEX_VERSION = 5;

// Each entry is one JSON array: its summary's values in the order of CaseSummary's
// fields, then its file state. Without the keys the index is a third smaller and
// parses faster than objects would — at 10,000 cases, reading it is most of the
// time an open takes to list. The agendas (each item an array in AgendaItem's
// order) follow on a line of their own, parsed only when the agenda is first
// asked for: the list does not need them. The file names its columns, and an
// index whose columns are not this build's (a field added or renamed) is rebuilt
// rather than misread.
const COLUMNS = Object.keys(CaseSummary.shape) as Array<keyof CaseSummary>;
const AGENDA_COLUMNS = Object.keys(AgendaItem.shape) as Array<keyof AgendaItem>;
const STATE_COLUMNS = Object.keys(FileState.shape) as Array<keyof FileState>;
const ROW_LENGTH = COLUMNS.length + STATE_COLUMNS.length;
const LAYOUT = JSON.stringify({ summary: COLUMNS, file: STATE_COLUMNS, agenda: AGENDA_COLUMNS });

// The file's first line is one JSON object whose head has a fixed length, so the
// checksum can cover the raw bytes after it, checked before anything is parsed;
// the second line is the agendas, one JSON object keyed by case id:
//   {"format":"casefile-summary-index","version":5,"sha256":"<64 hex>","layout":{…},"trash":{…},"rows":[…]}
//   {"<id>":[[…],…],…}
// sha256 is over everything after the comma that follows the checksum, to the end of the file.
const HEAD = `{"format":"casefile-summary-index","version":${INDEX_VERSION},"sha256":"`;
const BODY_START = HEAD.length + 64 + 2; // the digest, then `",`

const IndexFile = z.strictObject({
  format: z.literal('casefile-summary-index'),
  version: z.literal(INDEX_VERSION),
  sha256: z.string(),
  layout: z.unknown(),
  trash: idRecord(z.string(), FileState), // keeps a trashed `__proto__` (z.record drops it)
  // Checked by hand below: zod's walk over 10,000 rows would cost more than reading them.
  rows: z.unknown(),
});

/**
 * `agendas`: the agenda line's bytes, unparsed (see readAgendaSection); null when every entry has its agenda.
 * `journalBytes`: how much journal (store/indexJournal) follows the index on disk; absent when the file was not
 * a good index (nothing may be appended to it then).
 */
export type SummaryIndex = { cases: Map<string, IndexEntry>; trash: Map<string, FileState>; agendas: Buffer | null; journalBytes?: number };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Whether the head is this version's and the checksum over the body (to `end`: the journal follows) holds. */
function checkedBody(bytes: Buffer, end: number, sealed: boolean): boolean {
  if (end < BODY_START + 1 || bytes[end - 1] !== 0x7d /* } */) return false;
  if (bytes.toString('latin1', 0, HEAD.length) !== HEAD) return false;
  if (sealed) return true; // the envelope already proved every byte
  return bytes.toString('latin1', HEAD.length, HEAD.length + 64) === sha256(bytes.subarray(BODY_START, end));
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

/** A row's file state, built directly: at 100,000 rows every object made at open shows in the time to list. */
const stateOf = (row: readonly unknown[]): FileState => ({ mtimeMs: row[STATE_AT] as number, size: row[STATE_AT + 1] as number, ctimeMs: row[STATE_AT + 2] as number, ino: row[STATE_AT + 3] as number });
const STATE_AT = COLUMNS.length;
if (STATE_COLUMNS.join() !== 'mtimeMs,size,ctimeMs,ino') throw new Error('FileState changed: update stateOf');

/**
 * Reads the index. Only this module writes it, from summaries of validated cases;
 * a file whose checksum (or, in an encrypted folder, whose envelope, bound to its
 * own name) holds is trusted whole, which spares zod-validating 10,000 summaries on
 * every open. The checksum is over the raw bytes, so a damaged or hand-edited file
 * is turned away before it is parsed. Anything else is ignored and rebuilt.
 */
export async function loadSummaryIndex(file: string, dataKey?: Buffer): Promise<SummaryIndex> {
  const empty = (): SummaryIndex => ({ cases: new TrackedMap(), trash: new TrackedMap(), agendas: null });
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
    if (dataKey) bytes = decryptBytes(dataKey, bytes, SUMMARY_INDEX_FILE);
  } catch {
    return empty(); // missing, unreadable, or an envelope that will not open
  }
  try {
    const newline = bytes.indexOf(0x0a, BODY_START);
    if (newline < 0) return empty();
    const agendaEnd = bytes.indexOf(0x0a, newline + 1); // the journal's first line starts there
    const end = agendaEnd < 0 ? bytes.length : agendaEnd;
    if (!checkedBody(bytes, end, dataKey !== undefined)) return empty();
    const parsed = IndexFile.safeParse(JSON.parse(bytes.toString('utf8', 0, newline)));
    if (!parsed.success || JSON.stringify(parsed.data.layout) !== LAYOUT) return empty();
    const rows = parsed.data.rows;
    if (!Array.isArray(rows) || !rows.every((row) => Array.isArray(row) && row.length === ROW_LENGTH)) return empty();
    const cases = new TrackedMap<IndexEntry>();
    for (const row of rows as unknown[][]) {
      const summary = fromRow(COLUMNS, row) as CaseSummary;
      cases.setUnchanged(summary.id, { summary, ...stateOf(row) });
    }
    const trash = tracked(new Map(Object.entries(parsed.data.trash)));
    replayJournal(readJournal(bytes.subarray(end)), cases, trash);
    return { cases, trash, agendas: Buffer.from(bytes.subarray(newline + 1, end)), journalBytes: bytes.length - end };
  } catch {
    return empty();
  } finally {
    if (dataKey) bytes.fill(0);
  }
}

/** The journal's rows over the index's (each with its agenda), its deletions, its trash; a record out of shape ends it. */
function replayJournal(records: JournalRecord[], cases: TrackedMap<IndexEntry>, trash: TrackedMap<FileState>): void {
  for (const r of records) {
    const rowsOk = r.rows.every((row) => Array.isArray(row) && row.length === ROW_LENGTH);
    const agendasOk = Object.values(r.agendas).every((items) => Array.isArray(items) && items.every((item) => Array.isArray(item) && item.length === AGENDA_COLUMNS.length));
    if (!rowsOk || !agendasOk) return;
    for (const row of r.rows as unknown[][]) {
      const summary = fromRow(COLUMNS, row) as CaseSummary;
      const agenda = ((r.agendas[summary.id] ?? []) as unknown[][]).map((item) => fromRow(AGENDA_COLUMNS, item) as AgendaItem);
      cases.setUnchanged(summary.id, { summary, ...stateOf(row), agenda });
    }
    for (const id of r.gone) if (cases.delete(id)) cases.changed.delete(id);
    if (r.trash) {
      trash.clear();
      for (const [id, state] of Object.entries(r.trash)) trash.setUnchanged(id, state as FileState);
      trash.changed.clear();
    }
  }
}

/**
 * The agendas of the index's entries, from the line `loadSummaryIndex` left
 * unparsed (which is wiped). Null when it is not what this module writes; the
 * store then makes each agenda from its case file.
 */
function readAgendaSection(bytes: Buffer): Map<string, AgendaItem[]> | null {
  try {
    const parsed: unknown = JSON.parse(bytes.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    const out = new Map<string, AgendaItem[]>();
    for (const [id, items] of Object.entries(parsed)) {
      if (!Array.isArray(items) || !items.every((item) => Array.isArray(item) && item.length === AGENDA_COLUMNS.length)) return null;
      out.set(id, items.map((item: unknown[]) => fromRow(AGENDA_COLUMNS, item) as AgendaItem));
    }
    return out;
  } catch {
    return null;
  } finally {
    bytes.fill(0);
  }
}

/**
 * Gives each entry read from the index its agenda from the line left unparsed
 * (once: `index.agendas` is null afterwards) and returns the ids of entries still
 * without one — none, unless that line was not what this module writes.
 */
export function fillAgendas(index: SummaryIndex): string[] {
  const section = index.agendas && readAgendaSection(index.agendas);
  index.agendas = null;
  const missing: string[] = [];
  for (const [id, entry] of index.cases) {
    if (entry.agenda) continue;
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

/** The index's bytes (plain): head, checksum, body. */
function summaryIndexText(index: Pick<SummaryIndex, 'cases' | 'trash'>): string {
  const trash: string[] = [];
  for (const [id, state] of index.trash) trash.push(`${JSON.stringify(id)}:${JSON.stringify(state)}`);
  const rows: string[] = [];
  const agendas: string[] = [];
  for (const entry of index.cases.values()) {
    const json = entryJson(entry);
    rows.push(json.row);
    agendas.push(json.agenda);
  }
  const body = `"layout":${LAYOUT},"trash":{${trash.join(',')}},"rows":[${rows.join(',')}]}\n{${agendas.join(',')}}`;
  return `${HEAD}${sha256(Buffer.from(body, 'utf8'))}",${body}`;
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
  const bytes = await when(() => {
    if ('agendas' in index && index.agendas) fillAgendas(index);
    const text = summaryIndexText(index);
    // Everything marked changed is in this text: nothing is left for a journal line.
    for (const map of [index.cases, index.trash]) if (map instanceof TrackedMap) map.changed.clear();
    return dataKey ? encryptBytes(dataKey, text, SUMMARY_INDEX_FILE) : text;
  });
  await writeFileDurably(file, bytes, fs);
}
