import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AuditEntry } from '../../../shared/model';
import { DeviceInfo } from '../../../shared/team';
import { DEVICE_FILE, HISTORY_DIR, parseHistoryName } from '../disk/folderLayout';

// A case's history is a set of files: one per device that saved the case
// (`history/<id>.<deviceId>.jsonl`), so two machines kept in step by Syncthing never
// append to one file (Syncthing does not merge; two appends would clash), and the
// legacy `history/<id>.jsonl`, written before devices existed, read as it is and never
// appended to again. Each file is its own hash chain (audit/historyLog); reading the
// case's history merges them in time order.

/** A case's history file relative to the data folder (with "/"): this device's, or the legacy one (`deviceId` null). Also the seal's AAD. */
export function historyRel(id: string, deviceId: string | null = null): string {
  return deviceId ? `${HISTORY_DIR}/${id}.${deviceId}.jsonl` : `${HISTORY_DIR}/${id}.jsonl`;
}

export type HistoryFile = {
  /** Relative to the data folder, with "/": also the AAD its lines are sealed under. */
  rel: string;
  file: string;
  /** The device that writes it; null for the legacy file. */
  deviceId: string | null;
};

async function historyNames(dataDir: string): Promise<string[]> {
  try {
    return await readdir(path.join(dataDir, HISTORY_DIR));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

const byDevice = (a: HistoryFile, b: HistoryFile) => (a.deviceId ?? '').localeCompare(b.deviceId ?? '');

function toFile(dataDir: string, name: string, deviceId: string | null): HistoryFile {
  return { rel: `${HISTORY_DIR}/${name}`, file: path.join(dataDir, HISTORY_DIR, name), deviceId };
}

/**
 * history/ listed once and grouped by case, kept while the folder itself has not changed
 * (its mtime and ctime, which every file added, removed or renamed in it moves): an export
 * of 10,000 cases with their histories reads each case's files without listing a folder
 * of tens of thousands of names for each one. A listing is kept only when the folder had
 * been still for SETTLED_MS before it was made, so a file system that stamps times
 * coarsely (FAT: 2 s) cannot hide a change made in the same tick.
 */
const SETTLED_MS = 3000;
const listings = new Map<string, { stamp: number; byCase: Promise<Map<string, HistoryFile[]>> }>();

async function listHistories(dataDir: string): Promise<Map<string, HistoryFile[]>> {
  const byCase = new Map<string, HistoryFile[]>();
  for (const name of (await historyNames(dataDir)).sort()) {
    const parsed = parseHistoryName(name);
    if (!parsed) continue;
    const list = byCase.get(parsed.caseId) ?? [];
    list.push(toFile(dataDir, name, parsed.deviceId));
    byCase.set(parsed.caseId, list);
  }
  for (const list of byCase.values()) list.sort(byDevice);
  return new Map([...byCase].sort(([a], [b]) => a.localeCompare(b)));
}

/** Called when this process made a history file: the next lookup lists history/ again. */
export function forgetHistoryListing(dataDir: string): void {
  listings.delete(path.resolve(dataDir));
}

/**
 * Every history file of `caseId` that is on disk: the legacy one first, then one per
 * device, by device id. What deletes or rewrites a case's history goes through this,
 * so no device's file is left behind (a file listed but gone since reads as none).
 */
export async function historyFilesOf(dataDir: string, caseId: string): Promise<HistoryFile[]> {
  const key = path.resolve(dataDir);
  const st = await stat(path.join(dataDir, HISTORY_DIR)).catch(() => null);
  const stamp = st ? Math.max(st.mtimeMs, st.ctimeMs) : -1;
  let cached = listings.get(key);
  if (!cached || cached.stamp !== stamp) {
    const byCase = listHistories(dataDir);
    cached = { stamp, byCase };
    if (st && Date.now() - stamp > SETTLED_MS) listings.set(key, cached);
    else listings.delete(key);
    byCase.catch(() => listings.delete(key));
  }
  return [...((await cached.byCase).get(caseId) ?? [])];
}

/** Every history file in the folder, grouped by case id (ids sorted, files as historyFilesOf orders them), listed now. */
export function allHistoryFiles(dataDir: string): Promise<Map<string, HistoryFile[]>> {
  return listHistories(dataDir);
}

/**
 * Several files' entries as one history, in time order: by `at`, then `rev`, then device
 * id (the legacy file's lines first). Each file keeps its own order (a file is the order
 * its device saved in), so one file alone reads back exactly as it was written.
 */
export function mergeHistories(parts: ReadonlyArray<{ deviceId: string | null; entries: readonly AuditEntry[] }>): AuditEntry[] {
  const live = parts.filter((p) => p.entries.length > 0);
  if (live.length === 1) return [...live[0]!.entries];
  const heads = live.map(() => 0);
  const out: AuditEntry[] = [];
  for (;;) {
    let best = -1;
    for (const [i, part] of live.entries()) {
      const e = part.entries[heads[i]!];
      if (!e) continue;
      if (best === -1) {
        best = i;
        continue;
      }
      const b = live[best]!.entries[heads[best]!]!;
      const order = e.at < b.at ? -1 : e.at > b.at ? 1 : e.rev - b.rev || (part.deviceId ?? '').localeCompare(live[best]!.deviceId ?? '');
      if (order < 0) best = i;
    }
    if (best === -1) return out;
    out.push(live[best]!.entries[heads[best]!]!);
    heads[best] = heads[best]! + 1;
  }
}

/** This machine's device as `local/device.json` names it, without making one: checks that only read use it. */
export async function peekDevice(dataDir: string): Promise<DeviceInfo | null> {
  try {
    const parsed = DeviceInfo.safeParse(JSON.parse(await readFile(path.join(dataDir, ...DEVICE_FILE.split('/')), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
