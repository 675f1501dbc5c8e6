import { unlinkSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSnapshot } from '../../../electron/services/backup';
import { isBlobRef, readSnapshotFile, type BlobRef } from '../../../electron/services/backup/archive';
import { blobPath, blobRoot } from '../../../electron/services/backup/blobPool';
import { BACKUPS_DIR, snapshotAads } from '../../../electron/services/backup/snapshots';
import { tempDir } from '../../helpers/fixtures';

// Saves go on while a snapshot is taken: a case trashed (or restored from the trash) after
// the snapshot listed the folders is read where it went, and is in the snapshot once. The
// snapshot reads files a slice of 256 at a time and reports progress after each, so a
// change made at the first report lands before the files of the next slice are read.

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-moved-')));
afterEach(() => cleanup());

const CASES = 300;
const idOf = (i: number) => `c${String(i).padStart(3, '0')}`;
const caseText = (id: string, where: string) => `{"id":"${id}","where":"${where}"}`;

async function folder(): Promise<void> {
  await mkdir(path.join(dir, 'cases'), { recursive: true });
  await mkdir(path.join(dir, 'trash'), { recursive: true });
  await writeFile(path.join(dir, 'meta.json'), '{"schemaVersion":2}');
  for (let i = 0; i < CASES; i++) await writeFile(path.join(dir, 'cases', `${idOf(i)}.json`), caseText(idOf(i), 'cases'));
}

async function linesOf(name: string): Promise<BlobRef[]> {
  const lines: BlobRef[] = [];
  await readSnapshotFile(name, path.join(dir, BACKUPS_DIR, name), { key: null, ...snapshotAads(name), visit: (r) => {
      if (isBlobRef(r)) lines.push(r);
    } });
  return lines;
}

const pooled = (line: BlobRef) => readFile(blobPath(blobRoot(path.join(dir, BACKUPS_DIR)), line.sha256), 'utf8');

/** A snapshot with `change` made at its first report of progress — synchronously, as a save between two slices would be done by then. */
function snapshotChangedAfterFirstSlice(change: () => void) {
  let once = false;
  return createSnapshot(dir, {
    reason: 'manual',
    key: null,
    onProgress: () => {
      if (once) return;
      once = true;
      change();
    },
  });
}

describe('a case moved while a snapshot is taken', () => {
  it('is taken from the trash when it was trashed after the listing', async () => {
    await folder();
    const moved = idOf(290); // in the second slice of files read
    const info = await snapshotChangedAfterFirstSlice(() => {
      writeFileSync(path.join(dir, 'trash', `${moved}.json`), caseText(moved, 'trash'));
      unlinkSync(path.join(dir, 'cases', `${moved}.json`));
    });
    const lines = await linesOf(info.name);
    expect(info).toMatchObject({ cases: CASES - 1, trashed: 1 });
    expect(lines.filter((l) => l.path.endsWith(`/${moved}.json`)).map((l) => l.path)).toEqual([`trash/${moved}.json`]);
    expect(await pooled(lines.find((l) => l.path === `trash/${moved}.json`)!)).toBe(caseText(moved, 'trash'));
  });

  it('is in the snapshot once when the listings found it in both folders (moved between them)', async () => {
    await folder();
    const moved = idOf(290);
    // Listed in cases/ and in trash/: the save that trashed it is half seen by the listing.
    await writeFile(path.join(dir, 'trash', `${moved}.json`), caseText(moved, 'trash'));
    const info = await snapshotChangedAfterFirstSlice(() => unlinkSync(path.join(dir, 'cases', `${moved}.json`)));
    // A path named twice would not read back at all ("repeats").
    const lines = await linesOf(info.name);
    expect(lines.map((l) => l.path).filter((p) => p.endsWith(`/${moved}.json`))).toEqual([`trash/${moved}.json`]);
    expect(info).toMatchObject({ cases: CASES - 1, trashed: 1 });
    expect(lines).toHaveLength(1 + CASES);
  });
});
