import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import type { CaseFile } from '../../../shared/model';
import { fileStateOf, sameFile, type FileState } from '../disk/statFiles';
import type { CaseCodec } from './caseCodec';

// A case read for quoting or indexing, not for saving (store peek, the search build's
// workers): parsed without validating it again when its file is still in the state the
// store validated it in, checked on the open file before and after the read. Validation is
// most of the cost of reading a case; a file in that state holds the bytes that passed it.

/**
 * The case `file` holds when it is still in `validated` (or `cached.case` when the file is
 * in the cached state); null when it is in neither — changed, gone, unreadable: the caller
 * reads it the validating way, which says what it is. Plain synchronous calls: a dozen
 * kilobytes from the page cache take microseconds, and through the thread pool many of
 * them queue behind one another.
 */
export function readIfValidated(file: string, validated: FileState, codec: CaseCodec, cached?: { case: CaseFile; file: FileState }): CaseFile | null {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const before = fileStateOf(fstatSync(fd));
    if (cached && sameFile(cached.file, before)) return cached.case;
    if (!sameFile(validated, before)) return null;
    const bytes = readFileSync(fd);
    if (!sameFile(validated, fileStateOf(fstatSync(fd)))) return null;
    return JSON.parse(codec.open(file, bytes).toString('utf8')) as CaseFile;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
