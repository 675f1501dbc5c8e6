import type { z } from 'zod';
import { NgoCase, PrisonerCase, type AuditChange, type CaseFile } from '../../../shared/model';
import { deepEqual, isJsonObject } from '../../../shared/jsonValue';

// What a save changed, as the history records it. Pure: the store calls it with
// the case as it was on disk and as it is about to be written.
//
// Order: fields in the order the schema declares them (unknown keys after, by
// name); within a list matched by id, items in the new list's order, then
// removed items in the old list's order, then a reordering. The order is part of
// the output's identity (tests and the history view compare it), so it is
// taken from the schema rather than from whichever key order a JSON file had.

/** Strings longer than this are recorded as an excerpt. */
export const LONG_TEXT = 160;
/** Characters of unchanged text kept on each side of a changed passage. */
export const CONTEXT = 40;
const ELLIPSIS = '…';
/** How far a cut may move to land on a space, so excerpts start and end on whole words. */
const WORD_SLACK = 12;

/**
 * Bookkeeping that changes with every save (or follows from another field) and
 * would only bury the real change: revision and timestamps at any level, and a
 * source's checksum, which changes exactly when its text does.
 */
const IGNORED_EVERYWHERE = new Set(['rev', 'createdAt', 'updatedAt']);
const IGNORED_IN_ITEMS = new Set(['sha256']);

type Schema = z.ZodType | undefined;
type Obj = Record<string, unknown>;


/** Through `.optional()`, `.default()` and the like to the shape underneath. */
function unwrap(schema: Schema): Schema {
  let s = schema as { def?: { innerType?: z.ZodType } } | undefined;
  for (let i = 0; i < 8 && s?.def?.innerType; i++) s = s.def.innerType as typeof s;
  return s as Schema;
}

function fieldSchema(schema: Schema, key: string): Schema {
  const shape = (unwrap(schema) as { shape?: Record<string, z.ZodType> } | undefined)?.shape;
  return shape?.[key];
}

function elementSchema(schema: Schema): Schema {
  return (unwrap(schema) as { def?: { element?: z.ZodType } } | undefined)?.def?.element;
}

function orderedKeys(schema: Schema, a: Obj, b: Obj): string[] {
  const declared = Object.keys((unwrap(schema) as { shape?: Obj } | undefined)?.shape ?? {});
  const known = new Set(declared);
  const extra = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !known.has(k)).sort();
  return [...declared, ...extra];
}


const isHigh = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff;
};
const isLow = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
};

/** `i`, moved left if it would split a surrogate pair: a cut never leaves half a character. */
function safeIndex(s: string, i: number): number {
  return i > 0 && i < s.length && isLow(s, i) && isHigh(s, i - 1) ? i - 1 : i;
}

/** The first `max` code units of `s`, whole characters only, with "…" when something was cut. */
export function clip(s: string, max = LONG_TEXT): string {
  return s.length <= max ? s : `${s.slice(0, safeIndex(s, max))}${ELLIPSIS}`;
}

/** A value as an added or removed item is recorded: every long string clipped. */
export function shortForm(value: unknown): unknown {
  if (typeof value === 'string') return clip(value);
  if (Array.isArray(value)) return value.map(shortForm);
  if (isJsonObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shortForm(v)]));
  return value;
}

const isSpace = (s: string, i: number) => /\s/.test(s[i] ?? '');

/**
 * `s` from `from` to `to` (the changed passage) with up to CONTEXT characters of
 * what surrounds it, the context ends nudged onto a space where one is close. A
 * changed passage that is itself long is clipped, and then it has no right context.
 */
function excerpt(s: string, from: number, to: number): string {
  let start = safeIndex(s, Math.max(0, from - CONTEXT));
  if (start > 0 && !isSpace(s, start - 1)) {
    for (let i = start; i < Math.min(from, start + WORD_SLACK); i++) {
      if (isSpace(s, i)) {
        start = i + 1;
        break;
      }
    }
  }
  const passage = s.slice(from, to);
  if (passage.length > LONG_TEXT) return `${start > 0 ? ELLIPSIS : ''}${s.slice(start, from)}${clip(passage)}`;
  let end = safeIndex(s, Math.min(s.length, to + CONTEXT));
  if (end < s.length && !isSpace(s, end)) {
    for (let i = end - 1; i >= Math.max(to, end - WORD_SLACK); i--) {
      if (isSpace(s, i)) {
        end = i;
        break;
      }
    }
  }
  return `${start > 0 ? ELLIPSIS : ''}${s.slice(start, end)}${end < s.length ? ELLIPSIS : ''}`;
}

/** A changed string: whole when both versions are short, else the changed passage of each with its context. */
export function textChange(path: string, before: string, after: string): AuditChange {
  if (before.length <= LONG_TEXT && after.length <= LONG_TEXT) return { path, old: before, new: after };
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // The pair's high halves matched, their low halves did not: the whole character changed.
  if (prefix > 0 && isHigh(before, prefix - 1)) prefix--;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isLow(before, before.length - suffix)) suffix--;
  return { path, old: excerpt(before, prefix, before.length - suffix), new: excerpt(after, prefix, after.length - suffix) };
}

type Item = Obj & { id: string };

/** A list the log follows item by item: objects with unique ids (an empty list qualifies). */
function asItems(list: unknown[]): Item[] | null {
  const ids = new Set<string>();
  for (const v of list) {
    if (!isJsonObject(v) || typeof v.id !== 'string' || ids.has(v.id)) return null;
    ids.add(v.id);
  }
  return list as Item[];
}

/** The two orders of the ids both lists hold, trimmed to the stretch that moved ("…" where trimmed). */
function reordering(before: string[], after: string[]): { old: string[]; new: string[] } | null {
  if (before.every((id, i) => id === after[i])) return null;
  let lo = 0;
  while (before[lo] === after[lo]) lo++;
  let hi = before.length;
  while (before[hi - 1] === after[hi - 1]) hi--;
  const cut = (ids: string[]) => [...(lo > 0 ? [ELLIPSIS] : []), ...ids.slice(lo, hi), ...(hi < ids.length ? [ELLIPSIS] : [])];
  return { old: cut(before), new: cut(after) };
}

function diffItems(path: string, before: Item[], after: Item[], schema: Schema, out: AuditChange[]): void {
  const element = elementSchema(schema);
  const old = new Map(before.map((item) => [item.id, item]));
  const kept = new Set(after.filter((item) => old.has(item.id)).map((item) => item.id));
  for (const item of after) {
    const at = `${path}[id=${item.id}]`;
    const previous = old.get(item.id);
    if (previous) diffObject(at, previous, item, element, out, IGNORED_IN_ITEMS);
    else out.push({ path: at, new: shortForm(item) });
  }
  for (const item of before) if (!kept.has(item.id)) out.push({ path: `${path}[id=${item.id}]`, old: shortForm(item) });
  const moved = reordering(
    before.filter((item) => kept.has(item.id)).map((item) => item.id),
    after.filter((item) => kept.has(item.id)).map((item) => item.id),
  );
  if (moved) out.push({ path, ...moved });
}

function diffObject(path: string, before: Obj, after: Obj, schema: Schema, out: AuditChange[], ignored: ReadonlySet<string> = new Set()): void {
  for (const key of orderedKeys(schema, before, after)) {
    if (IGNORED_EVERYWHERE.has(key) || ignored.has(key)) continue;
    diffValue(path ? `${path}.${key}` : key, before[key], after[key], fieldSchema(schema, key), out);
  }
}

function diffValue(path: string, before: unknown, after: unknown, schema: Schema, out: AuditChange[]): void {
  if (before === undefined && after === undefined) return;
  if (before === undefined) {
    out.push({ path, new: shortForm(after) });
    return;
  }
  if (after === undefined) {
    out.push({ path, old: shortForm(before) });
    return;
  }
  if (isJsonObject(before) && isJsonObject(after)) {
    diffObject(path, before, after, schema, out);
    return;
  }
  if (deepEqual(before, after)) return;
  if (Array.isArray(before) && Array.isArray(after)) {
    const [a, b] = [asItems(before), asItems(after)];
    if (a && b) diffItems(path, a, b, schema, out);
    else out.push({ path, old: shortForm(before), new: shortForm(after) });
    return;
  }
  if (typeof before === 'string' && typeof after === 'string') {
    out.push(textChange(path, before, after));
    return;
  }
  out.push({ path, old: shortForm(before), new: shortForm(after) });
}

/**
 * The changes from `previous` to `next`, for one history entry. A new case
 * (no `previous`) has none: its entry's cause says it was created.
 */
export function diffCases(previous: CaseFile | undefined, next: CaseFile): AuditChange[] {
  if (!previous) return [];
  const out: AuditChange[] = [];
  const schema = next.kind === 'political_prisoner' ? PrisonerCase : NgoCase;
  diffObject('', previous as unknown as Obj, next as unknown as Obj, schema, out);
  return out;
}
