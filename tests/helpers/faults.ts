// Helpers for the fault tests (tests/unit/faults): snapshots of a data folder,
// a checker for what the dispatcher returns, a mutator for valid inputs, and the
// ways a file on disk gets damaged.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { z } from 'zod';
import { ApiError, ErrorCode } from '../../shared/errors';
import { contract, type OperationName } from '../../shared/contract';
import type { HistoryIssue } from '../../electron/services/audit/historyCheck';

// --- snapshots of a data folder --------------------------------------------------

/**
 * Files an operation may rewrite even when it fails: the lock and the summary cache
 * (flushed in the background, through a temp file of its own).
 */
// Written in the background (when saves pause, after a build, at close), not by the operation under test.
export const VOLATILE_FILES = new Set(['casefile.lock', 'summary-index.json', 'search-index.bin']);
const isVolatile = (name: string) =>
  VOLATILE_FILES.has(name) ||
  name.startsWith('casefile.lock') ||
  (name.startsWith('.summary-index.json.') && name.endsWith('.tmp')) ||
  (name.startsWith('.search-index.bin.') && name.endsWith('.tmp'));

// The per-case facts cache (people and statistics) is written the same way, in the machine-local corner.
const isVolatileLocal = (name: string) => name === 'case-facts.ndjson' || (name.startsWith('.case-facts.ndjson.') && name.endsWith('.tmp'));

/** Every file under `dir` (relative path → sha256 of its bytes), except the volatile ones. */
export async function snapshot(dir: string, options: { includeVolatile?: boolean } = {}): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (rel: string) => {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(r);
      else if (options.includeVolatile || !((rel === '' && isVolatile(e.name)) || (rel === 'local' && isVolatileLocal(e.name)))) {
        out.set(r, createHash('sha256').update(await readFile(path.join(dir, r))).digest('hex'));
      }
    }
  };
  await walk('');
  return out;
}

/** What differs between two snapshots, one line per file ([] when equal). */
export function snapshotDiff(before: Map<string, string>, after: Map<string, string>): string[] {
  const diff: string[] = [];
  for (const [file, hash] of before) {
    if (!after.has(file)) diff.push(`removed ${file}`);
    else if (after.get(file) !== hash) diff.push(`changed ${file}`);
  }
  for (const file of after.keys()) if (!before.has(file)) diff.push(`added ${file}`);
  return diff.sort();
}

// --- what the dispatcher returns ----------------------------------------------------

const ResultShape = z.union([
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: ApiError }),
]);

/**
 * Checks one dispatcher result: either `{ok:true, value}` whose value validates against
 * the operation's output schema, or `{ok:false, error}` with a code from ErrorCode and a
 * non-empty message. Returns the problems found ([] when none).
 */
export function resultProblems(op: OperationName, result: unknown): string[] {
  const shape = ResultShape.safeParse(result);
  if (!shape.success) return [`not a {ok,value}|{ok,error} result: ${shape.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`];
  const r = shape.data;
  if (r.ok) {
    const out = contract[op].output.safeParse(r.value);
    return out.success ? [] : [`the value breaks the output schema of ${op}: ${out.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`];
  }
  const problems: string[] = [];
  if (!ErrorCode.options.includes(r.error.code)) problems.push(`unknown error code ${r.error.code}`);
  if (r.error.message.trim() === '') problems.push('empty error message');
  for (const issue of r.error.issues ?? []) if (issue.message.trim() === '') problems.push(`an issue at ${JSON.stringify(issue.path)} has no message`);
  return problems;
}

/** Makes fast-check print a value short (long strings cut), without changing what it holds. */
export function printShort<T extends object>(value: T): T {
  Object.defineProperty(value, fc.toStringMethod, { value: () => show(value, 2_000), enumerable: false });
  return value;
}

/** A short, never-throwing rendering of an input for failure messages. */
export function show(value: unknown, max = 600): string {
  let text: string;
  try {
    text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : typeof v === 'bigint' ? `${v}n` : v)) ?? String(value);
  } catch (err) {
    text = `<unprintable: ${(err as Error).message}>`;
  }
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

// --- mutating a valid input ---------------------------------------------------------

export type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'addKey'; at: number; key: string; value: unknown };

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number };

/** Where a mutation can land: every key and array item (not inside deep hostile nesting). */
function slots(value: unknown): { entries: Slot[]; objects: Record<string, unknown>[] } {
  const entries: Slot[] = [];
  const objects: Record<string, unknown>[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 30) return;
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        entries.push({ parent: v, key: i });
        visit(item, depth + 1);
      });
    } else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      objects.push(o);
      for (const k of Object.keys(o)) {
        entries.push({ parent: o, key: k });
        visit(o[k], depth + 1);
      }
    }
  };
  visit(value, 0);
  return { entries, objects };
}

/** Sets an own property, even one named `__proto__` (as JSON.parse would). */
function setOwn(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Deeply nested arrays or objects, built only when a mutation puts them in place
 * (fast-check would overflow its stack printing the value itself).
 */
export class DeepNesting {
  constructor(
    readonly depth: number,
    readonly asObject: boolean,
  ) {}
  build(): unknown {
    let v: unknown = 'bottom';
    for (let i = 0; i < this.depth; i++) v = this.asObject ? { a: v } : [v];
    return v;
  }
  [fc.toStringMethod](): string {
    return `DeepNesting(${this.depth} ${this.asObject ? 'objects' : 'arrays'})`;
  }
}

const copy = (v: unknown): unknown => (v instanceof DeepNesting ? v.build() : v !== null && typeof v === 'object' ? structuredClone(v) : v);

/**
 * Applies mutations to a deep copy of a JSON value: delete a key (or array item),
 * replace a value with another (a wrong type, a huge string, deep nesting, …), or add
 * an unknown key to an object. A mutation with nowhere to land replaces the whole value.
 */
export function mutate(input: unknown, mutations: readonly Mutation[]): unknown {
  let root: unknown = copy(input);
  for (const m of mutations) {
    const { entries, objects } = slots(root);
    if (m.kind === 'addKey') {
      if (objects.length === 0) {
        root = {};
        setOwn(root as Record<string, unknown>, m.key, copy(m.value));
      } else setOwn(objects[m.at % objects.length]!, m.key, copy(m.value));
      continue;
    }
    if (entries.length === 0) {
      root = m.kind === 'replace' ? copy(m.value) : undefined;
      continue;
    }
    const slot = entries[m.at % entries.length]!;
    if (m.kind === 'delete') {
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else delete slot.parent[slot.key as string];
    } else if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = copy(m.value);
    else setOwn(slot.parent, slot.key as string, copy(m.value));
  }
  return root;
}

// --- damaging files ----------------------------------------------------------------

export const CORRUPTIONS = ['truncated', 'zero-filled', 'random-bytes', 'json-array', 'missing-kind', 'unknown-field', 'id-mismatch', 'wrong-type'] as const;
export type Corruption = (typeof CORRUPTIONS)[number];

/** A deterministic stream of bytes from a seed (so a failing run can be replayed). */
export function seededBytes(seed: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/**
 * The damaged bytes of a case file `bytes` named `<id>.json`. `seed` picks the
 * truncation point and the random bytes. Every result is something a reader must refuse.
 */
export function corrupt(bytes: Buffer, how: Corruption, seed: number): Buffer {
  const json = () => JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  switch (how) {
    case 'truncated': {
      // Anywhere before the closing brace: a prefix of the JSON never parses.
      const end = bytes.lastIndexOf('}'.charCodeAt(0));
      return bytes.subarray(0, seed % end);
    }
    case 'zero-filled':
      return Buffer.alloc(bytes.length);
    case 'random-bytes': {
      const out = seededBytes(seed, Math.max(1, seed % (bytes.length * 2)));
      // A first byte no JSON text may start with: random bytes must not happen to be "1".
      out[0] = 0x80 | (out[0]! & 0x7f);
      return out;
    }
    case 'json-array':
      return Buffer.from(JSON.stringify([json()]));
    case 'missing-kind': {
      const { kind: _kind, ...rest } = json();
      return Buffer.from(JSON.stringify(rest, null, 2));
    }
    case 'unknown-field':
      return Buffer.from(JSON.stringify({ ...json(), colourOfTheFolder: 'red' }, null, 2));
    case 'id-mismatch':
      return Buffer.from(JSON.stringify({ ...json(), id: `other-${seed}` }, null, 2));
    case 'wrong-type':
      return Buffer.from(JSON.stringify({ ...json(), rev: String(json().rev) }, null, 2));
  }
}

/** What the quarantine reason must say for each kind of damage (after "cases/<name>: "). */
export function expectedReason(how: Corruption, seed: number): RegExp {
  switch (how) {
    case 'truncated':
    case 'zero-filled':
    case 'random-bytes':
      return /^not valid JSON \([\s\S]+\)$/;
    case 'json-array':
      return /^not a valid case: \(top level\): .*expected object/;
    case 'missing-kind':
      return /^not a valid case: kind: expected kind "political_prisoner" or "ngo_suspension"/;
    case 'unknown-field':
      return /^not a valid case: colourOfTheFolder: unknown field/;
    case 'id-mismatch':
      return new RegExp(`^holds case id "other-${seed}" but is named `);
    case 'wrong-type':
      return /^not a valid case: rev: expected number, got string/;
  }
}

// --- crash loops --------------------------------------------------------------

/**
 * The history issues a crash loop may leave, and nothing else: revisions whose
 * save a kill interrupted (the case file renamed into place, its history line not
 * yet written) and lines torn by such a kill mid-append. `inFlight` holds
 * "<case id>:<rev>" for every save under way when a kill came.
 */
export function expectOnlyInterruptedSaves(issues: readonly HistoryIssue[], inFlight: ReadonlySet<string>): void {
  for (const issue of issues) {
    // A kill between a save's history line and its case file (written side by side) leaves that line unconfirmed.
    if (issue.kind === 'missing-revisions' || issue.kind === 'unconfirmed-line') {
      for (const rev of issue.revs!) expect(inFlight, `${issue.caseId} rev ${rev}: ${issue.message}`).toContain(`${issue.caseId}:${rev}`);
    } else {
      // A line torn by a kill mid-append stays, skipped, once later lines follow it.
      expect(['torn-line', 'damaged-line'], issue.message).toContain(issue.kind);
      expect([...inFlight].some((key) => key.startsWith(`${issue.caseId}:`)), `a kill interrupted a save of ${issue.caseId}: ${issue.message}`).toBe(true);
    }
  }
}
