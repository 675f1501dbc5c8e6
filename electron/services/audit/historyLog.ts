import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { AuditEntry, Id } from '../../../shared/model';
import type { DeviceInfo } from '../../../shared/team';
import { readDevice } from '../disk/device';
import { isSealedLine, openLine, sealLine } from '../crypto/sealedLines';
import { aadForPath, HISTORY_DIR } from '../disk/folderLayout';
import { ServiceError } from '../errors';
import { fsyncDir, type DurableFs } from '../disk/durableFile';
import { lastGoodLine, sha256Hex } from './digest';
import { forgetHistoryListing, historyFilesOf, historyRel, mergeHistories } from './historyFiles';
import { unconfirmedTail, type CaseOnDisk } from './unconfirmedLine';

// A case's history: one AuditEntry per line, only ever appended to, in one file per
// device that saved the case, <dataDir>/history/<id>.<deviceId>.jsonl (and the legacy
// <id>.jsonl from before devices, read and never appended to; audit/historyFiles). This
// machine appends only to its own file, each line naming the device (`device`).
//
// Line format (every line ends with "\n"):
//   plain folder:      {"at":…,"rev":…,"cause":…,"changes":[…]}
//   encrypted folder:  CFSEAL:<base64 of one envelope (crypto/envelope) of that JSON>
// Each line is sealed on its own, bound to the file's name, so appending never
// rewrites what is there, and a line's state is told by its first characters
// (JSON objects start with "{"). What the seal does not cover — which lines the
// file holds — the chain does: each line carries the SHA-256 of the line before
// it (`prev`) and of the case it left (`sha256`), so a line removed from the
// middle, repeated or moved breaks the chain, and a case file put back to an
// older version no longer matches its newest line (audit/historyCheck). Lines
// written before the chain existed carry neither; a file's chain starts at its
// first line that does. A line cut off the END leaves no break: it is what a
// crash between saving a case and recording it leaves too.
//
// A crash mid-append leaves a torn last line. The next append first ends it
// with "\n", so the torn bytes stay a line of their own that readers skip and
// count, and the new entry is whole.

export { HISTORY_DIR, historyRel };

const realFs: DurableFs = { open, rename, unlink };

/**
 * One entry's JSON (one line, an object) as it is stored: as is in a plain
 * folder (`key` null), sealed in an encrypted one. No "\n" is added.
 */
export function encodeHistoryLine(json: string, key: Buffer | null, aad: string): string {
  // Anything else could not be told from a sealed line, or would split into two.
  if (!json.startsWith('{') || json.includes('\n')) throw new ServiceError('internal', 'A history line must be one JSON object on one line.');
  return key ? sealLine(key, Buffer.from(json, 'utf8'), aad).toString('ascii') : json;
}

/**
 * The JSON text a stored line holds, or null when it cannot be trusted: in a
 * plain folder a sealed line (no key to open it); in an encrypted folder a
 * line that does not open, or a plain one (nothing vouches for it).
 */
export function decodeHistoryLine(line: string, key: Buffer | null, aad: string): string | null {
  if (!key) return line.startsWith('{') ? line : null;
  if (!isSealedLine(line)) return null;
  const plain = openLine(key, Buffer.from(line, 'latin1'), aad);
  if (!plain) return null;
  try {
    return plain.toString('utf8');
  } finally {
    plain.fill(0);
  }
}

/** Every entry of a history file's text, and how many of its non-empty lines were not one. */
export function parseHistoryText(text: string, key: Buffer | null, aad: string): { entries: AuditEntry[]; lines: string[]; damaged: number } {
  const entries: AuditEntry[] = [];
  const lines: string[] = [];
  let damaged = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const json = decodeHistoryLine(line, key, aad);
    const entry = json === null ? null : parseEntry(json);
    if (entry) {
      entries.push(entry);
      lines.push(json!);
    } else damaged++;
  }
  return { entries, lines, damaged };
}

function parseEntry(json: string): AuditEntry | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = AuditEntry.safeParse(value);
  return parsed.success ? parsed.data : null;
}

async function readIfThere(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** A history file as plain JSON Lines (damaged lines dropped); "" when there is none. For snapshots. */
export async function readHistoryText(file: string, key: Buffer | null, aad: string): Promise<string> {
  const text = await readIfThere(file);
  if (text === null) return '';
  const { lines } = parseHistoryText(text, key, aad);
  return lines.map((line) => `${line}\n`).join('');
}

/**
 * `plainJsonl` (as `readHistoryText` gives it) as the folder stores it: each line
 * sealed on its own when `key` is given. Throws, before anything is written, on a
 * line that is not an audit entry; `where` names the file in that message.
 */
export function encodeHistoryText(plainJsonl: string, key: Buffer | null, aad: string, where: string): string {
  const stored: string[] = [];
  for (const [i, line] of plainJsonl.split('\n').entries()) {
    if (line.trim() === '') continue;
    if (!line.startsWith('{') || !parseEntry(line)) throw new ServiceError('bad_input', `Line ${i + 1} of the history for ${where} is not a history entry. Nothing was changed.`);
    stored.push(`${encodeHistoryLine(line, key, aad)}\n`);
  }
  return stored.join('');
}

/**
 * The per-case history files of one data folder. Holds a reference to the
 * folder's key, not a copy: once the app wipes it on lock, appends fail rather
 * than write lines nobody can open.
 */
export class HistoryLog {
  /** Appends to one file run one after another, and a read waits for the append before it. */
  private readonly pending = new Map<string, Promise<unknown>>();
  /** Cases whose file is known, since this log was made, to end in no unconfirmed line (audit/unconfirmedLine). */
  private readonly settledTails = new Set<string>();

  constructor(
    readonly dataDir: string,
    private readonly dataKey: Buffer | null,
    private readonly fs: DurableFs = realFs,
    /** This machine (disk/device), read at each append so a rename shows from the next change on. */
    private readonly device: () => Promise<DeviceInfo> = () => readDevice(dataDir),
  ) {}

  /** This device's file for the case (the only one it appends to) and its AAD. */
  private async own(id: string): Promise<{ file: string; aad: string; device: DeviceInfo }> {
    if (!Id.safeParse(id).success) throw new ServiceError('bad_input', `"${id}" is not a case id.`);
    const device = await this.device();
    const rel = historyRel(id, device.id);
    return { file: path.join(this.dataDir, ...rel.split('/')), aad: aadForPath(rel), device };
  }

  private queued<T>(id: string, work: () => Promise<T>): Promise<T> {
    const previous = this.pending.get(id) ?? Promise.resolve();
    const run = previous.then(work, work);
    const settled = run.catch(() => undefined);
    this.pending.set(id, settled);
    void settled.then(() => {
      if (this.pending.get(id) === settled) this.pending.delete(id);
    });
    return run;
  }

  /**
   * Appends `entries` with one write, then fsyncs the file (and history/ when
   * the file is new). On a failed write the file is cut back to where it was,
   * so a full disk does not leave half a line.
   */
  async append(id: string, entries: AuditEntry[]): Promise<void> {
    if (!Id.safeParse(id).success) throw new ServiceError('bad_input', `"${id}" is not a case id.`);
    if (entries.length === 0) return;
    const valid = entries.map((e) => {
      const result = AuditEntry.safeParse(e);
      if (!result.success) throw new ServiceError('internal', `A history entry for rev ${e.rev} is not valid: ${result.error.message}`);
      return result.data;
    });
    const { file, aad, device } = await this.own(id);
    // An imported line keeps the device its bundle named (the one that made the change), or none.
    const parsed = valid.map((e) => (e.imported ? e : { ...e, device: { id: device.id, name: device.name } }));
    return this.queued(id, () => this.appendText(file, aad, parsed));
  }

  /**
   * Each line is chained to the one before it (`prev`, see audit/digest): the
   * last line that reads, found from the file's end, so a torn or damaged line
   * is passed over here as every reader passes over it. Lines carried in from
   * elsewhere (an imported bundle's) are chained anew: `prev` is this file's.
   */
  private encodeChained(previous: string | null, entries: AuditEntry[], aad: string): string {
    let prev = previous === null ? '' : sha256Hex(previous);
    return entries
      .map((e) => {
        const json = JSON.stringify({ ...e, prev });
        prev = sha256Hex(json);
        return `${encodeHistoryLine(json, this.dataKey, aad)}\n`;
      })
      .join('');
  }

  private async appendText(file: string, aad: string, entries: AuditEntry[]): Promise<void> {
    const dir = path.dirname(file);
    let handle;
    try {
      handle = await this.fs.open(file, 'a+', 0o600);
    } catch (err) {
      // history/ is made by the store at open; made again here only if it went missing since.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      if (await mkdir(dir, { recursive: true, mode: 0o700 })) await fsyncDir(this.dataDir, this.fs);
      handle = await this.fs.open(file, 'a+', 0o600);
    }
    let created = false;
    try {
      const { size } = await handle.stat();
      // Empty: just made (or made by a write a crash cut short); its name needs the folder synced.
      created = size === 0;
      const tail = await lastGoodLine(handle, size, (line) => {
        const json = decodeHistoryLine(line, this.dataKey, aad);
        return json !== null && parseEntry(json) ? json : null;
      });
      const torn = tail.tornFrom !== null && tail.tornFrom < size;
      const text = this.encodeChained(tail.json, entries, aad);
      const bytes = Buffer.from(torn ? `\n${text}` : text, 'utf8');
      try {
        await handle.appendFile(bytes);
      } catch (err) {
        await handle.truncate(size).catch(() => undefined);
        throw err;
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (created) {
      forgetHistoryListing(this.dataDir);
      await fsyncDir(dir, this.fs);
    }
  }

  /**
   * Cuts off the case's unconfirmed last line — left by a save a crash cut short
   * (audit/unconfirmedLine) — and syncs the cut, before a save writes its case file
   * beside a new line: the old line must never be read as the new file's. Looks
   * once per case and store; after that its own saves keep the file's end in step.
   */
  async dropUnconfirmed(id: string, onDisk: CaseOnDisk): Promise<void> {
    if (this.settledTails.has(id)) return;
    const { file, aad } = await this.own(id);
    await this.queued(id, async () => {
      let handle;
      try {
        handle = await this.fs.open(file, 'r+');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
      if (handle) {
        try {
          const { size } = await handle.stat();
          const from = await unconfirmedTail(handle, size, (line) => this.decodeEntry(line, aad), parseEntry, onDisk, () => this.newestElsewhere(id, file));
          if (from !== null) {
            await handle.truncate(from);
            await handle.sync();
          }
        } finally {
          await handle.close();
        }
      }
      this.settledTails.add(id);
    });
  }

  /** Takes back the line of a save whose case file was not written (`onDisk`: the case as it stays). */
  withdraw(id: string, onDisk: CaseOnDisk): Promise<void> {
    this.settledTails.delete(id);
    return this.dropUnconfirmed(id, onDisk);
  }

  /** The newest entry (by rev) of the case's other history files: other devices' and the legacy one. */
  private async newestElsewhere(id: string, own: string): Promise<AuditEntry | null> {
    let newest: AuditEntry | null = null;
    for (const f of await historyFilesOf(this.dataDir, id)) {
      if (f.file === own) continue;
      const text = await readIfThere(f.file);
      for (const e of text === null ? [] : parseHistoryText(text, this.dataKey, aadForPath(f.rel)).entries) if (!newest || e.rev > newest.rev) newest = e;
    }
    return newest;
  }

  private decodeEntry(line: string, aad: string): string | null {
    const json = decodeHistoryLine(line, this.dataKey, aad);
    return json !== null && parseEntry(json) ? json : null;
  }

  /** The case's entries from every device's file, merged oldest first, and how many lines were damaged (skipped). No file: an empty history. */
  async read(id: string): Promise<{ entries: AuditEntry[]; damaged: number }> {
    if (!Id.safeParse(id).success) throw new ServiceError('bad_input', `"${id}" is not a case id.`);
    return this.queued(id, () => readCaseHistory(this.dataDir, id, this.dataKey));
  }
}

/** A case's history merged from all its files (audit/historyFiles), with the count of lines that did not read. */
export async function readCaseHistory(dataDir: string, id: string, key: Buffer | null): Promise<{ entries: AuditEntry[]; damaged: number }> {
  const parts: Array<{ deviceId: string | null; entries: AuditEntry[] }> = [];
  let damaged = 0;
  for (const f of await historyFilesOf(dataDir, id)) {
    const text = await readIfThere(f.file);
    if (text === null) continue;
    const parsed = parseHistoryText(text, key, aadForPath(f.rel));
    parts.push({ deviceId: f.deviceId, entries: parsed.entries });
    damaged += parsed.damaged;
  }
  return { entries: mergeHistories(parts), damaged };
}
