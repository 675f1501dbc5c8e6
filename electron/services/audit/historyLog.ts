import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { AuditEntry, Id } from '../../../shared/model';
import { decryptBytes, encryptBytes } from '../crypto/envelope';
import { EncryptedFileError } from '../crypto/errors';
import { aadForPath, HISTORY_DIR } from '../disk/folderLayout';
import { ServiceError } from '../errors';
import { fsyncDir, type DurableFs } from '../disk/durableFile';
import { lastGoodLine, sha256Hex } from './digest';

// A case's history: <dataDir>/history/<id>.jsonl, one AuditEntry per line, only
// ever appended to.
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

export { HISTORY_DIR };
export const SEALED_LINE_PREFIX = 'CFSEAL:';
const SEALED_PREFIX_BYTES = Buffer.from(SEALED_LINE_PREFIX, 'ascii');
const NEWLINE = 0x0a;

const realFs: DurableFs = { open, rename, unlink };

/** `history/<id>.jsonl`, the path relative to the data folder (and, through aadForPath, the seal's AAD). */
export function historyRel(id: string): string {
  return `${HISTORY_DIR}/${id}.jsonl`;
}

/** Whether a line (without its "\n") is in the sealed form, whether or not it will open. */
export function isSealedLine(line: string | Uint8Array): boolean {
  if (typeof line === 'string') return line.startsWith(SEALED_LINE_PREFIX);
  return line.length >= SEALED_PREFIX_BYTES.length && Buffer.from(line.buffer, line.byteOffset, SEALED_PREFIX_BYTES.length).equals(SEALED_PREFIX_BYTES);
}

/** Seals one line's bytes (no "\n" inside) into its stored form, without the "\n". */
export function sealLine(key: Uint8Array, plain: Uint8Array, aad: string): Buffer {
  return Buffer.from(`${SEALED_LINE_PREFIX}${encryptBytes(key, plain, aad).toString('base64')}`, 'ascii');
}

/** The plain bytes of a sealed line, or null when it is not one or will not open (damaged, torn, another file's, another key's). */
export function openLine(key: Uint8Array, line: Uint8Array, aad: string): Buffer | null {
  if (!isSealedLine(line)) return null;
  const envelope = Buffer.from(Buffer.from(line.buffer, line.byteOffset, line.byteLength).toString('ascii', SEALED_PREFIX_BYTES.length), 'base64');
  try {
    return decryptBytes(key, envelope, aad);
  } catch (err) {
    if (err instanceof EncryptedFileError) return null;
    throw err;
  }
}

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

/**
 * Brings a whole history file to one state, line by line, for the folder's
 * conversions: `seal` seals every line that is not sealed yet, `open` opens
 * every sealed line that opens. Lines are handled as bytes, so a torn line cut
 * inside a character survives a round trip unchanged. A sealed line that will
 * not open is kept exactly as it is (and counted): a torn last line is an
 * ordinary crash outcome, and one damaged line must not hold back, or lose,
 * the rest of the history.
 */
export function convertHistoryBytes(bytes: Buffer, key: Buffer, aad: string, direction: 'seal' | 'open'): { bytes: Buffer; converted: number; unopenable: number } {
  const parts: Buffer[] = [];
  const opened: Buffer[] = [];
  let converted = 0;
  let unopenable = 0;
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end === -1) end = bytes.length;
    const line = bytes.subarray(start, end);
    let out: Buffer = line;
    if (line.length > 0) {
      if (isSealedLine(line)) {
        const plain = openLine(key, line, aad);
        if (!plain) unopenable++;
        else if (direction === 'open') {
          out = plain;
          opened.push(plain);
          converted++;
        } else plain.fill(0);
      } else if (direction === 'seal') {
        out = sealLine(key, line, aad);
        converted++;
      }
    }
    parts.push(out);
    if (end < bytes.length) parts.push(Buffer.from([NEWLINE]));
    start = end + 1;
  }
  const result = converted > 0 ? Buffer.concat(parts) : bytes;
  for (const plain of opened) plain.fill(0);
  return { bytes: result, converted, unopenable };
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

  constructor(
    readonly dataDir: string,
    private readonly dataKey: Buffer | null,
    private readonly fs: DurableFs = realFs,
  ) {}

  file(id: string): string {
    if (!Id.safeParse(id).success) throw new ServiceError('bad_input', `"${id}" is not a case id.`);
    return path.join(this.dataDir, HISTORY_DIR, `${id}.jsonl`);
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
    const file = this.file(id);
    if (entries.length === 0) return;
    const aad = aadForPath(historyRel(id));
    const parsed = entries.map((e) => {
      const result = AuditEntry.safeParse(e);
      if (!result.success) throw new ServiceError('internal', `A history entry for rev ${e.rev} is not valid: ${result.error.message}`);
      return result.data;
    });
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
    if (created) await fsyncDir(dir, this.fs);
  }

  /** The case's entries, oldest first, and how many lines were damaged (skipped). No file: an empty history. */
  async read(id: string): Promise<{ entries: AuditEntry[]; damaged: number }> {
    const file = this.file(id);
    return this.queued(id, async () => {
      const text = await readIfThere(file);
      if (text === null) return { entries: [], damaged: 0 };
      const { entries, damaged } = parseHistoryText(text, this.dataKey, aadForPath(historyRel(id)));
      return { entries, damaged };
    });
  }
}
