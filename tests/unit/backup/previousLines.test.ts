import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BlobRef } from '../../../electron/services/backup/archive';
import { PreviousLines } from '../../../electron/services/backup/previousLines';

// A snapshot finds the newest snapshot's line for each file by a cursor over both sorted
// listings (backup/previousLines). What must hold: a line is only ever returned for its own
// path; and where both listings are in the order a snapshot lists files, every file the
// newest snapshot held is found (otherwise it would be read and hashed again for nothing).

const TOP = ['meta.json', 'settings.json', 'addressees.json', 'people.json', 'sharing-keys.json'];
const FOLDERS = ['cases/', 'trash/', 'history/'];

const lineOf = (rel: string, i: number): BlobRef => ({ path: rel, mtimeMs: i, size: i, sha256: i.toString(16).padStart(64, '0'), ctimeMs: i, ino: i, diskSize: i });

/** The files of a folder in the order a snapshot lists them: the top-level files, then each folder's names sorted. */
function listing(top: readonly string[], byFolder: readonly (readonly string[])[]): string[] {
  const rels = TOP.filter((t) => top.includes(t));
  byFolder.forEach((names, f) => rels.push(...[...new Set(names)].sort().map((n) => `${FOLDERS[f]}${n}`)));
  return rels;
}

const name = fc.stringMatching(/^[A-Za-z0-9_-]{1,6}\.(json|jsonl)$/);
const folderState = fc.record({ top: fc.subarray(TOP), byFolder: fc.tuple(fc.array(name, { maxLength: 40 }), fc.array(name, { maxLength: 10 }), fc.array(name, { maxLength: 20 })) });

describe('the newest snapshot’s lines, looked up in listing order', () => {
  it('finds every file the newest snapshot held, and no line for any other', () => {
    fc.assert(
      fc.property(folderState, folderState, fc.array(fc.nat(), { maxLength: 30 }), (before, now, picks) => {
        const previous = listing(before.top, before.byFolder);
        // Some of the files now are the ones before (kept), the rest new or gone: mix them by picks.
        const kept = previous.filter((_, i) => picks.includes(i % 31));
        const current = listing([...now.top, ...kept.filter((r) => !r.includes('/'))], FOLDERS.map((f, k) => [...now.byFolder[k]!, ...kept.filter((r) => r.startsWith(f)).map((r) => r.slice(f.length))]));
        const lines = previous.map(lineOf);
        const lookup = new PreviousLines(lines);
        const held = new Map(lines.map((l) => [l.path, l]));
        for (const rel of current) expect(lookup.get(rel)).toBe(held.get(rel));
      }),
      { numRuns: 400 },
    );
  });

  it('never gives a file another file’s line, whatever order the lines are in (files moved in meanwhile)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(fc.constantFrom(...TOP), name.map((n) => `cases/${n}`), name.map((n) => `trash/${n}`)), { maxLength: 40 }), fc.array(fc.oneof(fc.constantFrom(...TOP), name.map((n) => `cases/${n}`), name.map((n) => `trash/${n}`)), { maxLength: 40 }), (paths, asked) => {
        const lookup = new PreviousLines(paths.map(lineOf));
        for (const rel of asked) {
          const found = lookup.get(rel);
          if (found) expect(found.path).toBe(rel);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('finds a file whatever comes before it: many files removed, a folder new, the cursor at the end', () => {
    const previous = ['meta.json', ...Array.from({ length: 50 }, (_, i) => `cases/c${String(i).padStart(3, '0')}.json`), 'history/h1.jsonl'];
    const lookup = new PreviousLines(previous.map(lineOf));
    // Forty cases gone since (past any look-ahead), a trash folder new, one history file new at the end.
    const current = ['meta.json', 'settings.json', 'cases/c000.json', 'cases/c041.json', 'cases/c049.json', 'cases/c050.json', 'trash/t.json', 'history/h1.jsonl', 'history/h2.jsonl'];
    expect(current.map((rel) => lookup.get(rel)?.path ?? null)).toEqual(['meta.json', null, 'cases/c000.json', 'cases/c041.json', 'cases/c049.json', null, null, 'history/h1.jsonl', null]);
  });
});
