import { deepEqual } from '../jsonValue';
import { isJsonObject } from '../jsonValue';
import { FIELDS, fieldKey, fieldKind, NESTED_PARTS, type Part, type ValueKind } from './fields';
import { moneyPhrase, penaltyPhrase } from './names';
import { list, message, quoted, text, type HistoryLine, type Phrase } from './phrase';

// What changed in one part of a case or one item, field by field, as clauses
// ("date changed from February 2021 to 1 February 2021"): the describer compares
// the part as it was before the entry with the part after it, so a change the
// log recorded inside a value (a penalty's term) reads as a change of the value.

type Obj = Record<string, unknown>;

/** Names what ids refer to (a source's title for an event's sourceIds). */
export type SourceNamer = (id: string) => Phrase;

/** The old and new values the log recorded for a field, by its path inside the part (`idDocument.number`). */
export type ExactValues = ReadonlyMap<string, { old?: unknown; new?: unknown }>;

/** Bookkeeping fields no line mentions. */
const SILENT = new Set(['id', 'rev', 'createdAt', 'updatedAt', 'sha256']);


/** Empty text and empty lists say nothing was there. */
const absent = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** A single value of `kind` as a phrase; undefined when there is nothing to show. */
function valuePhrase(kind: ValueKind, v: unknown, sources: SourceNamer): Phrase | undefined {
  if (absent(v)) return undefined;
  if (typeof kind === 'object') return typeof v === 'string' ? { kind: 'label', group: kind.label, value: v } : undefined;
  switch (kind) {
    case 'text':
      return typeof v === 'string' ? quoted(v) : undefined;
    case 'date':
      return typeof v === 'string' ? { kind: 'date', value: v } : undefined;
    case 'dateTime':
      return typeof v === 'string' ? { kind: 'dateTime', value: v } : undefined;
    case 'number':
      return typeof v === 'number' ? { kind: 'number', value: v } : undefined;
    case 'country':
      return typeof v === 'string' ? { kind: 'country', code: v } : undefined;
    case 'born':
      return isJsonObject(v) && typeof v.date === 'string' ? { kind: 'date', value: v.date, approximate: v.approximate === true } : undefined;
    case 'term':
      return isJsonObject(v) ? { kind: 'term', value: { ...v } } : undefined;
    case 'money':
      return moneyPhrase(v);
    case 'penalty':
      return penaltyPhrase(v);
    case 'sourceRef':
      return typeof v === 'string' ? sources(v) : undefined;
    case 'file':
      return isJsonObject(v) && typeof v.name === 'string' ? quoted(v.name) : undefined;
    case 'target':
      return isJsonObject(v) && isJsonObject(v.quote) && typeof v.quote.exact === 'string' ? quoted(v.quote.exact, 60) : undefined;
    case 'bool':
      return typeof v === 'boolean' ? message(v ? 'history.value.yes' : 'history.value.no') : undefined;
    case 'strings':
    case 'countries':
    case 'wgad':
    case 'sourceRefs':
      return undefined; // lists are told item by item (listClauses)
  }
}

function elementPhrase(kind: ValueKind, v: unknown, sources: SourceNamer): Phrase {
  if (kind === 'countries' && typeof v === 'string') return { kind: 'country', code: v };
  if (kind === 'wgad' && typeof v === 'string') return message('history.value.wgadCategory', { category: text(v) });
  if (kind === 'sourceRefs' && typeof v === 'string') return sources(v);
  return quoted(typeof v === 'string' ? v : JSON.stringify(v) ?? '');
}

function listClauses(field: Phrase, kind: ValueKind, b: unknown, a: unknown, sources: SourceNamer): HistoryLine[] {
  const before = Array.isArray(b) ? b : [];
  const after = Array.isArray(a) ? a : [];
  const added = after.filter((v) => !before.some((w) => deepEqual(v, w)));
  const removed = before.filter((v) => !after.some((w) => deepEqual(v, w)));
  const out: HistoryLine[] = [];
  if (added.length > 0) out.push(message('history.clause.itemsAdded', { field, items: list(added.map((v) => elementPhrase(kind, v, sources))) }, added.length));
  if (removed.length > 0) out.push(message('history.clause.itemsRemoved', { field, items: list(removed.map((v) => elementPhrase(kind, v, sources))) }, removed.length));
  if (out.length === 0) out.push(message('history.clause.reordered', { field }));
  return out;
}

const BOOL_CLAUSES: Record<string, [string, string]> = {
  confidential: ['history.clause.madeConfidential', 'history.clause.madeNotConfidential'],
  done: ['history.clause.markedDone', 'history.clause.markedNotDone'],
  publicComment: ['history.clause.commentPublic', 'history.clause.commentPrivate'],
};

/** The clauses for one field of `part` whose value went from `b` to `a`. */
export function fieldClauses(part: Part, name: string, b: unknown, a: unknown, sources: SourceNamer): HistoryLine[] {
  const kind = fieldKind(part, name);
  if (kind === undefined) return [message('history.clause.other')];
  const field = message(fieldKey(part, name));
  if (kind === 'bool') {
    const [on, off] = BOOL_CLAUSES[name] ?? [];
    if ((b === true) === (a === true)) return [];
    if (on && off) return [message(a === true ? on : off)];
  }
  if (kind === 'strings' || kind === 'countries' || kind === 'wgad' || kind === 'sourceRefs') return listClauses(field, kind, b, a, sources);
  // The same words, found at another place (the text changed around them): the passage did not change.
  if (kind === 'target' && isJsonObject(a) && isJsonObject(b) && isJsonObject(a.quote) && isJsonObject(b.quote) && a.quote.exact === b.quote.exact) return [message('history.clause.anchorMoved')];
  const old = valuePhrase(kind, b, sources);
  const now = valuePhrase(kind, a, sources);
  if (old && now) return [message('history.clause.changed', { field, old, new: now })];
  if (now) return [message('history.clause.set', { field, new: now })];
  if (old) return [message('history.clause.cleared', { field, old })];
  return [];
}

/**
 * Every field of `part` that differs between `before` and `after` (objects, or
 * undefined when the part was not there), in the order the model lists them;
 * nested parts (a person's identity document) field by field too.
 */
export function partClauses(part: Part, before: unknown, after: unknown, sources: SourceNamer, exact: ExactValues = new Map(), prefix = ''): HistoryLine[] {
  const b: Obj = isJsonObject(before) ? before : {};
  const a: Obj = isJsonObject(after) ? after : {};
  const known = Object.keys(FIELDS[part]);
  const nested = NESTED_PARTS[part] ?? {};
  const keys = [...known, ...Object.keys(nested), ...[...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !known.includes(k) && !(k in nested)).sort()];
  const out: HistoryLine[] = [];
  let other = false;
  for (const key of keys) {
    if (SILENT.has(key) || deepEqual(b[key], a[key]) || (absent(b[key]) && absent(a[key]))) continue;
    const inner = Object.hasOwn(nested, key) ? nested[key] : undefined;
    const path = `${prefix}${key}`;
    if (inner) out.push(...partClauses(inner, b[key], a[key], sources, exact, `${path}.`));
    else if (fieldKind(part, key) === undefined) other = true;
    else {
      // Long text: the log kept the changed passage of each version, which reads better than the start of each.
      const logged = exact.get(path);
      out.push(...(logged ? fieldClauses(part, key, logged.old, logged.new, sources) : fieldClauses(part, key, b[key], a[key], sources)));
    }
  }
  if (other) out.push(message('history.clause.other'));
  return out;
}
