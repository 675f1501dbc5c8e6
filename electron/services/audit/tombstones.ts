import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DateTime, Id } from '../../../shared/model';
import { DeviceId, DeviceName, type DeviceInfo } from '../../../shared/team';
import { writeFileDurably, type DurableFs } from '../disk/durableFile';
import { entries, isTempName, parsePurgedName, PURGED_DIR } from '../disk/folderLayout';
import { decodeHistoryLine, encodeHistoryLine } from './historyLog';
import type { HistoryIssue } from './historyIssues';
import { appendManifest, type ManifestState } from './manifest';

// Tombstones: "case <id> was deleted for good at <date> by device <id> (<name>)". The
// manifest that records a purge (audit/manifest) is this machine's own and never synced,
// so without them the team's other machines, whose manifests still list the case, would
// call its absence tampering once Syncthing removes its files there.
//
// What a tombstone holds is only that sentence: no title, no content, no hash of either.
// The id is the one the case file was named by (a random UUID for every case made in the
// app: cases/caseIds), already the name of its files in cases/ and history/ — and, in an
// encrypted folder, sealed here like a history line, so the file reveals nothing at all.
//
// Each device writes only its own file, `purged/<deviceId>.jsonl` (Syncthing never sees two
// machines write one file), rewritten whole and durably at each purge: purges are rare,
// and a crash leaves the old file or the new one. A line that does not open or parse is
// passed over (the purge it names then reads as before: a case missing is reported).
// Snapshots do not hold tombstones and a restore leaves them as they are: a case a
// restore brings back after it was deleted for good is then reported, never removed.

const Tombstone = z.strictObject({ caseId: Id, at: DateTime, deviceId: DeviceId, deviceName: DeviceName });
export type Tombstone = z.infer<typeof Tombstone>;

const tombstoneRel = (deviceId: string) => `${PURGED_DIR}/${deviceId}.jsonl`;

function parseTombstone(json: string | null, deviceId: string): Tombstone | null {
  if (json === null) return null;
  try {
    const parsed = Tombstone.safeParse(JSON.parse(json));
    // A line moved into another device's file (plain folders: nothing seals it to its file) is not trusted.
    return parsed.success && parsed.data.deviceId === deviceId ? parsed.data : null;
  } catch {
    return null;
  }
}

async function linesOf(file: string): Promise<string[]> {
  try {
    return (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/**
 * Records, durably, that `caseId` was deleted for good by `device`. Done again for the same
 * case (a purge finished after a crash) it writes nothing.
 */
export async function writeTombstone(dataDir: string, key: Buffer | null, device: DeviceInfo, caseId: string, at: string, fs?: DurableFs): Promise<void> {
  const rel = tombstoneRel(device.id);
  const file = path.join(dataDir, ...rel.split('/'));
  const lines = await linesOf(file);
  if (lines.some((l) => parseTombstone(decodeHistoryLine(l, key, rel), device.id)?.caseId === caseId)) return;
  const json = JSON.stringify(Tombstone.parse({ caseId, at, deviceId: device.id, deviceName: device.name }));
  await mkdir(path.join(dataDir, PURGED_DIR), { recursive: true, mode: 0o700 });
  // Lines that do not open are kept as they are: they are another key's, or evidence.
  await writeFileDurably(file, [...lines, encodeHistoryLine(json, key, rel)].map((l) => `${l}\n`).join(''), fs);
}

/** Every tombstone in the folder, by case id (the earliest when two devices purged the same case). */
export async function readTombstones(dataDir: string, key: Buffer | null): Promise<Map<string, Tombstone>> {
  const out = new Map<string, Tombstone>();
  for (const e of (await entries(path.join(dataDir, PURGED_DIR))).sort((a, b) => a.name.localeCompare(b.name))) {
    const deviceId = e.isFile() && !isTempName(e.name) ? parsePurgedName(e.name) : null;
    if (!deviceId) continue;
    const rel = tombstoneRel(deviceId);
    for (const line of await linesOf(path.join(dataDir, PURGED_DIR, e.name))) {
      const t = parseTombstone(decodeHistoryLine(line, key, rel), deviceId);
      const earlier = t && out.get(t.caseId);
      if (t && (!earlier || t.at < earlier.at)) out.set(t.caseId, t);
    }
  }
  return out;
}

/** "deleted for good on <device name> (<device id>) at <date>", for messages. */
const purgedWhere = (t: Tombstone) => `deleted for good on the device "${t.deviceName}" (${t.deviceId}) at ${t.at}`;

/**
 * At open: the cases this machine's manifest lists that are gone from here and that a
 * tombstone says were deleted for good (on another device, or here by a purge whose manifest
 * line was lost) leave the manifest with a line like the purge's own, and `manifest` in
 * memory with it. Returns every tombstone, for the checks that follow.
 */
export async function settleTombstones(dataDir: string, key: Buffer | null, manifest: ManifestState, present: (id: string) => boolean, at: string, fs?: DurableFs): Promise<Map<string, Tombstone>> {
  const tombstones = await readTombstones(dataDir, key);
  const gone = [...manifest.items.keys()].filter((id) => tombstones.has(id) && !present(id)).sort();
  if (gone.length === 0) return tombstones;
  await appendManifest(dataDir, key, [], at, fs, gone);
  for (const id of gone) manifest.items.delete(id);
  return tombstones;
}

/**
 * The history check's findings read against the tombstones (verify). A case deleted for good
 * and gone from here is no finding; what sync has not removed of it yet (a history file) is
 * one warning. A case deleted for good elsewhere but still here — sync behind, a device that was
 * offline saved it again, or an old copy came back — is kept, never deleted on another machine's word,
 * and reported as a warning naming who deleted it and when.
 */
export function withTombstones(issues: HistoryIssue[], tombstones: ReadonlyMap<string, Tombstone>, present: ReadonlySet<string>, histories: ReadonlyMap<string, string>): HistoryIssue[] {
  if (tombstones.size === 0) return issues;
  const out = issues.filter((i) => !(tombstones.has(i.caseId) && !present.has(i.caseId)));
  for (const [id, t] of [...tombstones].sort(([a], [b]) => a.localeCompare(b))) {
    if (present.has(id)) {
      out.push({ file: `cases/${id}.json`, caseId: id, kind: 'purged-elsewhere', severity: 'warning', message: `case ${id} was ${purgedWhere(t)}, but it is still here: sync has not removed it yet (it then goes by itself), a device that was offline saved it again, or an old copy of it came back. Casefile keeps it (it never deletes a case on another machine's word), but what the deleting device removed with it — its part of the history, originals no other case used — may be missing (verify lists them). Check with the colleague who deleted it: to remove it, move it to the Trash and delete it permanently; to keep it, leave it` });
    } else if (histories.has(id)) {
      out.push({ file: histories.get(id)!, caseId: id, kind: 'purged-elsewhere', severity: 'warning', message: `case ${id} was ${purgedWhere(t)}; its history file is still here because sync has not removed it yet. Nothing needs doing: it goes when the folder is in step with the other devices` });
    }
  }
  return out;
}
