import { createHash } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { z } from 'zod';
import { ActorRole, AppearanceAct, type Appearance } from '../../../shared/people';
import { PartialDate } from '../../../shared/model/scalars';
import { Id } from '../../../shared/model/scalars';
import { CASE_FACTS_VERSION, CaseFacts } from '../../../shared/stats/caseFacts';
import { FileState } from '../disk/statFiles';

// The case facts on disk (local/case-facts.ndjson): a head line — format, version, the
// facts' version, the count and the sha256 of the body — then one line of JSON per case.
// Encoded and decoded a slice at a time, yielding to the event loop between slices, so
// 100,000 cases never hold up a save in one long synchronous JSON call. A file whose head,
// checksum or any line does not match is not used at all: the caller rebuilds.

const FORMAT = 'casefile-case-facts';
const VERSION = 2; // 2: an appearance's act as data (stage, penalty, type…), its `what` the case's own words only
const SLICE = 1000;

const Head = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  factsVersion: z.literal(CASE_FACTS_VERSION),
  count: z.int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** An appearance without what its case gives it (the id, title and kind are the entry's). */
type Seen = Omit<Appearance, 'caseId' | 'caseTitle' | 'caseKind'>;

const Line = z.strictObject({ id: Id, rev: z.int().positive(), file: FileState, title: z.string(), stats: CaseFacts, people: z.array(z.unknown()) });

// The appearances are most of the file: checked by hand, field by field as the schema says,
// since a zod parse of every one of them costs more than reading the case file would.
const ROLES = new Set<string>(ActorRole.options);
const SEEN_KEYS = new Set(['role', 'spelling', 'act', 'what', 'date', 'path', 'confidential']);
function isSeen(v: unknown): v is Seen {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  for (const k in o) if (!SEEN_KEYS.has(k)) return false;
  return (
    typeof o.role === 'string' && ROLES.has(o.role) && typeof o.spelling === 'string' && typeof o.what === 'string' && AppearanceAct.safeParse(o.act).success &&
    (o.date === undefined || (typeof o.date === 'string' && PartialDate.safeParse(o.date).success)) &&
    Array.isArray(o.path) && o.path.every((p) => typeof p === 'string' || typeof p === 'number') && typeof o.confidential === 'boolean'
  );
}

/** One case's facts, as kept in memory: the revision and file state they were read from. */
export type FactsEntry = { rev: number; file: FileState; title: string; stats: CaseFacts; people: Appearance[] };

function lineOf(id: string, e: FactsEntry): string {
  const people = e.people.map(({ caseId: _id, caseTitle: _title, caseKind: _kind, ...seen }) => seen);
  return JSON.stringify({ id, rev: e.rev, file: e.file, title: e.title, stats: e.stats, people });
}

/** The file's bytes for `entries` (a snapshot: the caller's map may change while this yields). */
export async function encodeFacts(entries: ReadonlyArray<readonly [string, FactsEntry]>): Promise<Buffer> {
  const hash = createHash('sha256');
  const parts: Buffer[] = [];
  for (let i = 0; i < entries.length; i += SLICE) {
    if (i > 0) await yieldToLoop();
    const slice = Buffer.from(
      entries
        .slice(i, i + SLICE)
        .map(([id, e]) => `${lineOf(id, e)}\n`)
        .join(''),
      'utf8',
    );
    hash.update(slice);
    parts.push(slice);
  }
  const head: z.infer<typeof Head> = { format: FORMAT, version: VERSION, factsVersion: CASE_FACTS_VERSION, count: entries.length, sha256: hash.digest('hex') };
  return Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`, 'utf8'), ...parts]);
}

/** The entries the file holds, or null when it is damaged, foreign or of another version (never half of it). */
export async function decodeFacts(bytes: Buffer): Promise<Map<string, FactsEntry> | null> {
  const end = bytes.indexOf(0x0a);
  if (end < 0) return null;
  let head: z.infer<typeof Head>;
  try {
    const parsed = Head.safeParse(JSON.parse(bytes.subarray(0, end).toString('utf8')));
    if (!parsed.success) return null;
    head = parsed.data;
  } catch {
    return null;
  }
  const body = bytes.subarray(end + 1);
  if (createHash('sha256').update(body).digest('hex') !== head.sha256) return null;
  const lines = body.toString('utf8').split('\n');
  if (lines.pop() !== '' || lines.length !== head.count) return null;
  const out = new Map<string, FactsEntry>();
  for (let i = 0; i < lines.length; i++) {
    if (i > 0 && i % SLICE === 0) await yieldToLoop();
    let line: z.infer<typeof Line>;
    try {
      const parsed = Line.safeParse(JSON.parse(lines[i]!));
      if (!parsed.success) return null;
      line = parsed.data;
    } catch {
      return null;
    }
    if (line.stats.id !== line.id || out.has(line.id) || !line.people.every(isSeen)) return null;
    const people = (line.people as Seen[]).map((seen) => ({ caseId: line.id, caseTitle: line.title, caseKind: line.stats.kind, ...seen }));
    out.set(line.id, { rev: line.rev, file: line.file, title: line.title, stats: line.stats, people });
  }
  return out;
}
