import { access, mkdir, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSnapshot, listSnapshots, pruneSnapshots } from '../../../electron/services/backup';
import { blobPath, blobRoot } from '../../../electron/services/backup/blobPool';
import { BACKUPS_DIR } from '../../../electron/services/backup/snapshots';
import { releaseRecords } from '../../../electron/services/backup/snapshotRecords';
import { tempDir } from '../../helpers/fixtures';

// The rotation drops a blob only when no snapshot left names it. It looks for the few blobs the
// deleted snapshot alone may have named in the snapshots kept — in their lines when held, else in
// the column of hashes of their local copies (backup/snapshotRecords, namedAmong): a blob an older
// kept snapshot names must stay, one no kept snapshot names must go.

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-rotation-named-')));
afterEach(() => cleanup());

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const pooled = (text: string) =>
  access(blobPath(blobRoot(path.join(dir, BACKUPS_DIR)), sha(text))).then(
    () => true,
    () => false,
  );

async function state(files: Record<string, string>): Promise<void> {
  await mkdir(path.join(dir, 'cases'), { recursive: true });
  await writeFile(path.join(dir, 'meta.json'), '{"schemaVersion":2}');
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, 'cases', name), text);
}

const snapshotAt = (iso: string) => createSnapshot(dir, { reason: 'manual', key: null, now: new Date(iso) });

describe('the rotation’s collection of blobs', () => {
  it('keeps a blob an older kept snapshot names and drops one no kept snapshot names', async () => {
    const [x, y, z, w] = ['{"v":"x"}', '{"v":"y"}', '{"v":"z"}', '{"v":"w"}'];
    await state({ 'a.json': x, 'b.json': y });
    const first = await snapshotAt('2026-12-01T10:00:00.000Z');
    // The morning snapshot of the next day names z (nowhere else) and x (also named by the first day's, at another path).
    await state({ 'a.json': z, 'b.json': x });
    const morning = await snapshotAt('2026-12-02T08:00:00.000Z');
    await state({ 'a.json': w, 'b.json': y });
    const evening = await snapshotAt('2026-12-02T20:00:00.000Z');
    expect(await Promise.all([x, y, z, w].map(pooled))).toEqual([true, true, true, true]);

    // Nothing held by this process: the kept snapshots are read from their local copies.
    releaseRecords();
    expect(await pruneSnapshots(dir, null)).toEqual([morning.name]);
    expect((await listSnapshots(dir)).map((s) => s.name).sort()).toEqual([first.name, evening.name].sort());
    expect(await Promise.all([x, y, z, w].map(pooled))).toEqual([true, true, false, true]);
  });
});
