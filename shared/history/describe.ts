import type { AuditChange, AuditEntry } from '../model';
import { isJsonObject } from '../jsonValue';
import { parseAuditPath, setAt, valueAt, type Segment } from './auditPath';
import { partClauses, fieldClauses, type ExactValues, type SourceNamer } from './clauses';
import { fieldKind, ITEM_LISTS, NESTED_PARTS, PLAIN_LISTS, type ItemList, type Part, type PlainList } from './fields';
import { custodySentence } from './custody';
import { itemName, UNNAMED } from './names';
import { list, message, type HistoryLine, type Phrase } from './phrase';

// A case's history in sentences: each entry's changes grouped by the item or part
// of the case they touch ("Event “Court hears the petition” — date changed from
// February 2021 to 1 February 2021"), items named as they were at that revision.
//
// The log keeps only what changed, so the case as it was is found by walking back
// from the case as it is now: newest entry first, each entry described against
// the state after it, then undone (its old values put back) to give the state
// before it. The log's long texts are excerpts, which is all naming needs; a line
// the walk cannot place (a gap in the history) still reads, with "(untitled)" for
// a name it cannot find, never an id or a path.

type Obj = Record<string, unknown>;
type Located = { change: AuditChange; segs: Segment[] };

const TOP_PARTS = new Set<string>(['person', 'arrest', 'detention', 'organization', 'measure', 'appeal', 'analysis', 'consent', 'briefing']);
const isItemList = (k: string): k is ItemList => (ITEM_LISTS as readonly string[]).includes(k);
const isPlainList = (k: string): k is PlainList => (PLAIN_LISTS as readonly string[]).includes(k);
/** A deep copy of JSON data (the log's values and the case are JSON). */
const copy = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));
const has = (c: AuditChange, key: 'old' | 'new') => Object.hasOwn(c, key) && c[key] !== undefined;

/** `sub` as it was before `changes` (paths relative to it): a copy with each old value put back. */
function undone(sub: unknown, changes: readonly Located[], from: number): unknown {
  const box: Obj = { v: sub === undefined ? undefined : copy(sub) };
  for (const { change, segs } of [...changes].reverse()) setAt(box, [{ key: 'v' }, ...segs.slice(from)], has(change, 'old') ? copy(change.old) : undefined);
  return box.v;
}

/** The log's own old and new values of plain fields, by path inside the part. */
function exactValues(changes: readonly Located[], from: number): ExactValues {
  const out = new Map<string, { old?: unknown; new?: unknown }>();
  for (const { change, segs } of changes) {
    const rest = segs.slice(from);
    if (rest.length > 0 && rest.every((s) => s.id === undefined)) out.set(rest.map((s) => s.key).join('.'), { old: change.old, new: change.new });
  }
  return out;
}

/** Whether a path inside `part` names a field this model knows (a newer file's may not). */
function knownField(part: Part, rest: readonly Segment[]): boolean {
  const [first, ...more] = rest;
  if (!first) return true;
  const nested = NESTED_PARTS[part]?.[first.key];
  if (nested) return knownField(nested, more);
  return fieldKind(part, first.key) !== undefined;
}

/**
 * The clauses of a part or an item; a change to a field this model does not know is
 * told as "other details changed" even where the case as it is no longer shows it.
 */
function clausesOf(part: Part, before: unknown, now: unknown, changes: readonly Located[], sources: SourceNamer): HistoryLine[] {
  const clauses = partClauses(part, before, now, sources, exactValues(changes, 1));
  const other = changes.some((l) => !knownField(part, l.segs.slice(1)));
  return other && !clauses.some((c) => c.key === 'history.clause.other') ? [...clauses, message('history.clause.other')] : clauses;
}

/** A reordering: the list's path with the ids in both orders. */
const isReorder = (l: Located) => l.segs.length === 1 && Array.isArray(l.change.old) && Array.isArray(l.change.new) && l.change.old.every((v) => typeof v === 'string');

function sourceNamer(after: Obj, changes: readonly Located[]): SourceNamer {
  return (id) => {
    const now = valueAt(after, [{ key: 'sources', id }]);
    if (now) return itemName('sources', now);
    // Removed in this same save: the log kept the whole item.
    const gone = changes.find((l) => l.segs.length === 1 && l.segs[0]!.key === 'sources' && l.segs[0]!.id === id);
    return gone ? itemName('sources', gone.change.old) : message('history.name.unknownSource');
  };
}

function itemLines(kind: ItemList, id: string, changes: Located[], after: Obj, sources: SourceNamer): HistoryLine[] {
  const whole = changes.find((l) => l.segs.length === 1);
  if (whole) {
    const { change } = whole;
    if (has(change, 'new') && !has(change, 'old')) return [message(`history.say.${kind}.added`, { name: itemName(kind, change.new) })];
    if (has(change, 'old') && !has(change, 'new')) return [message(`history.say.${kind}.removed`, { name: itemName(kind, change.old) })];
  }
  const now = valueAt(after, [{ key: kind, id }]);
  const before = undone(now, changes, 1);
  const clauses = clausesOf(kind, before, now, changes, sources);
  if (clauses.length === 0) return [];
  return [message(`history.say.${kind}.changed`, { name: itemName(kind, now ?? before), changes: list(clauses, 'semicolon') })];
}

function reorderLine(kind: ItemList, change: AuditChange, after: Obj): HistoryLine {
  const ids = (change.new as unknown[]).filter((v): v is string => typeof v === 'string' && v !== '…');
  const names: Phrase[] = ids.slice(0, 6).map((id) => itemName(kind, valueAt(after, [{ key: kind, id }])));
  return message(`history.say.${kind}.reordered`, { names: list(names.length > 0 ? names : [UNNAMED]) });
}

function plainListLines(kind: PlainList, change: AuditChange, sources: SourceNamer): HistoryLine[] {
  const before = Array.isArray(change.old) ? [...change.old] : [];
  const after = Array.isArray(change.new) ? [...change.new] : [];
  // Items in both lists, unchanged, say nothing.
  for (let i = after.length - 1; i >= 0; i--) {
    const j = before.findIndex((b) => JSON.stringify(b) === JSON.stringify(after[i]));
    if (j >= 0) {
      before.splice(j, 1);
      after.splice(i, 1);
    }
  }
  const key = (v: unknown) => (isJsonObject(v) ? JSON.stringify([kind === 'charges' ? v.article : v.label, kind === 'charges' ? v.code : v.by]) : '');
  const out: HistoryLine[] = [];
  for (const a of after) {
    const j = before.findIndex((b) => key(b) === key(a));
    if (j < 0) {
      out.push(message(`history.say.${kind}.added`, { name: itemName(kind, a) }));
      continue;
    }
    const [b] = before.splice(j, 1);
    const clauses = partClauses(kind, b, a, sources);
    if (clauses.length > 0) out.push(message(`history.say.${kind}.changed`, { name: itemName(kind, a), changes: list(clauses, 'semicolon') }));
  }
  for (const b of before) out.push(message(`history.say.${kind}.removed`, { name: itemName(kind, b) }));
  return out;
}

/** The sentences of one entry, `after` being the case as this entry left it. */
function describeEntry(entry: AuditEntry, after: Obj): HistoryLine[] {
  if (entry.custody) return [custodySentence(entry.custody)];
  const located: Located[] = [];
  let unreadable = false;
  for (const change of entry.changes) {
    const segs = parseAuditPath(change.path);
    if (segs) located.push({ change, segs });
    else unreadable = true;
  }
  const sources = sourceNamer(after, located);
  // Groups in the order their first change comes in the log (the schema's order).
  const groups = new Map<string, Located[]>();
  for (const l of located) {
    const [top] = l.segs;
    const key = isItemList(top!.key) && top!.id !== undefined ? `${top!.key}[${top!.id}]` : TOP_PARTS.has(top!.key) ? top!.key : `${l.change.path}\u0000${groups.size}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  const lines: HistoryLine[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const top = first.segs[0]!;
    if (isItemList(top.key) && top.id !== undefined) lines.push(...itemLines(top.key, top.id, group, after, sources));
    else if (isItemList(top.key) && isReorder(first)) lines.push(reorderLine(top.key, first.change, after));
    else if (TOP_PARTS.has(top.key)) {
      const part = top.key as Part;
      const now = after[top.key];
      const clauses = clausesOf(part, undone(now, group, 1), now, group, sources);
      if (clauses.length > 0) lines.push(message(`history.say.part.${part}`, { changes: list(clauses, 'semicolon') }));
    } else if (isPlainList(top.key) && first.segs.length === 1) lines.push(...plainListLines(top.key, first.change, sources));
    else if (first.segs.length === 1) lines.push(...fieldClauses('case', top.key, first.change.old, first.change.new, sources));
    else unreadable = true;
  }
  if (unreadable && !lines.some((l) => l.key === 'history.say.other')) lines.push(message('history.say.other'));
  return lines;
}

/** Puts `entry`'s old values back into `state` (the case as the entry left it), giving the case before it. */
function undoEntry(state: Obj, entry: AuditEntry): void {
  for (const change of [...entry.changes].reverse()) {
    const segs = parseAuditPath(change.path);
    if (!segs || isReorder({ change, segs })) continue;
    setAt(state, segs, has(change, 'old') ? copy(change.old) : undefined);
  }
}

/**
 * Each entry's sentences, in the entries' order (oldest first, as the log keeps
 * them). `current` is the case as it is now: the state the newest entry left.
 */
export function describeHistory(entries: readonly AuditEntry[], current: unknown): HistoryLine[][] {
  const state: Obj = isJsonObject(current) ? copy(current) : {};
  const out: HistoryLine[][] = Array.from({ length: entries.length }, () => []);
  for (let i = entries.length - 1; i >= 0; i--) {
    out[i] = describeEntry(entries[i]!, state);
    undoEntry(state, entries[i]!);
  }
  return out;
}
