import type { FileHandle } from 'node:fs/promises';
import type { AuditEntry } from '../../../shared/model';
import { lastGoodLine } from './digest';

// A save writes its case file and its history line at the same time (store/recorder,
// "Save path" in the README), and is acknowledged only once both are on disk. A
// crash in between can therefore leave either one without the other:
// - the case file without its line: the history is one save BEHIND (a missing
//   revision, a warning — as it always could);
// - the line without its case file: the history's last line is one revision AHEAD
//   of the case file. That save was never acknowledged; the case is what it was
//   before it. Such a line is "unconfirmed": a warning, and the next save of the
//   case cuts it off before it writes its own line.
// A line ahead is taken for an unconfirmed one only when it looks exactly like
// that: it is the file's last line, its revision is the case file's plus one, the
// line before it records the case file as it is (revision and SHA-256) — or, for a
// case never written, it is the file's only line — and the manifest, whose line is
// written only after both parts of a save are on disk, does not vouch for it. A
// case file rolled back by one revision with its manifest line trimmed looks the
// same; so did it before (its history and manifest lines trimmed look like a
// crash, see audit/manifest "Limit"). Anything else ahead is still "rolled back".

/** What a case file holds: its revision and the SHA-256 of the case (audit/digest); null when there is no case file. */
export type CaseOnDisk = { rev: number; sha256: string } | null;

/** Whether `newest` (a history's last line) after `before` (the good line before it, or null) is what a save cut short leaves beside `onDisk`. */
export function isUnconfirmed(newest: AuditEntry, before: AuditEntry | null, onDisk: CaseOnDisk): boolean {
  if (newest.rev !== (onDisk?.rev ?? 0) + 1) return false;
  if (onDisk === null) return before === null;
  return before !== null && before.rev === onDisk.rev && before.sha256 === onDisk.sha256;
}

/**
 * Where an open history file's unconfirmed last line starts (see above), or null
 * when it has none. `decode` gives a stored line's JSON (null when it is not an
 * entry), `parse` the entry in it.
 */
export async function unconfirmedTail(handle: FileHandle, size: number, decode: (line: string) => string | null, parse: (json: string) => AuditEntry | null, onDisk: CaseOnDisk, elsewhere?: () => Promise<AuditEntry | null>): Promise<number | null> {
  const tail = await lastGoodLine(handle, size, decode);
  if (tail.json === null || tail.lineFrom === null) return null;
  const newest = parse(tail.json);
  if (!newest) return null;
  // Nothing but a torn fragment may follow it: a damaged whole line after it would make it not the last.
  const end = tail.tornFrom ?? size;
  const rest = Buffer.alloc(end - tail.lineFrom);
  await handle.read(rest, 0, rest.length, tail.lineFrom);
  if (rest.indexOf(0x0a) !== rest.length - 1) return null;
  const earlier = tail.lineFrom === 0 ? null : await lastGoodLine(handle, tail.lineFrom, decode);
  const before = earlier?.json ? parse(earlier.json) : null;
  if (isUnconfirmed(newest, before, onDisk)) return tail.lineFrom;
  // In a folder shared by several devices the save before it may be another device's, in that device's file.
  if (newest.rev !== (onDisk?.rev ?? 0) + 1 || onDisk === null || !elsewhere) return null;
  const other = await elsewhere();
  return other && isUnconfirmed(newest, other, onDisk) ? tail.lineFrom : null;
}
