import type { BlobRef } from './archive';

// The newest snapshot's lines, looked up by path while a snapshot walks the folder's files.
// Both are the same sorted listings (cases/, trash/, history/), so nearly every path is the
// line under a cursor: at 100,000 files that spares a map of every path (built, then asked
// 100,000 times). A path out of step — a file added, removed or moved since — is found by a
// short look ahead or, failing that, by a map made the first time it is needed.
//
// Only ever a shortcut: a line is returned only for its own path, so a path missed here is
// read and hashed again (its blob is not written twice), never given another file's line.

/** Lines looked at past the cursor before the map is made: a few files removed since. */
const LOOK_AHEAD = 16;

const folderOf = (rel: string) => rel.slice(0, rel.indexOf('/') + 1);

export class PreviousLines {
  private at = 0;
  private byPath: Map<string, number> | null = null;

  constructor(private readonly lines: readonly BlobRef[]) {}

  /** The line recorded for `rel`, or undefined for a file the newest snapshot did not hold. */
  get(rel: string): BlobRef | undefined {
    const lines = this.lines;
    const under = lines[this.at];
    if (under === undefined) return this.isNew(rel, undefined) ? undefined : this.fromMap(rel);
    if (under.path === rel) return this.take(this.at);
    if (this.isNew(rel, under)) return undefined;
    const end = Math.min(lines.length, this.at + 1 + LOOK_AHEAD);
    for (let i = this.at + 1; i < end; i++) if (lines[i]!.path === rel) return this.take(i);
    return this.fromMap(rel);
  }

  /**
   * Whether `rel` was not in the newest snapshot, judged from the lines around the cursor
   * alone: it sorts between the line before the cursor and the one under it in its folder,
   * or it is one of the top-level files (always listed first) once the cursor is past them.
   * Lines out of order (a file moved in) can make this wrong only towards a read.
   */
  private isNew(rel: string, under: BlobRef | undefined): boolean {
    const folder = folderOf(rel);
    const underFolder = under ? folderOf(under.path) : null;
    if (folder === '') return underFolder !== null && underFolder !== '';
    if (folder === underFolder && rel > under!.path) return false;
    const before = this.lines[this.at - 1];
    return folder === underFolder || (before !== undefined && folderOf(before.path) === folder && before.path < rel);
  }

  private take(i: number): BlobRef {
    this.at = i + 1;
    return this.lines[i]!;
  }

  private fromMap(rel: string): BlobRef | undefined {
    if (!this.byPath) {
      this.byPath = new Map();
      this.lines.forEach((line, i) => this.byPath!.set(line.path, i));
    }
    const i = this.byPath.get(rel);
    return i === undefined ? undefined : this.take(i);
  }
}
