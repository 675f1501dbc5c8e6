import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

// The hashes tamper evidence is made of.
//
// A case is hashed as canonical JSON (keys sorted, no spaces) of its parsed
// content, not as its file's bytes: the bytes change when the folder is
// encrypted or decrypted (and when a snapshot is restored, re-sealed under the
// same key with a new nonce), the content never does. A line of a history or of
// the manifest is hashed as the JSON text it holds — what a sealed line opens
// to — for the same reason.

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** JSON with every object's keys sorted: the same text for the same value, whatever order its keys were written in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const record = v as Record<string, unknown>;
    // fromEntries defines own properties, so a key named "__proto__" stays data.
    return Object.fromEntries(Object.keys(record).sort().map((k) => [k, record[k]]));
  });
}

/** The hash a history line and the manifest record for a case. */
export const caseDigest = (c: unknown): string => sha256Hex(canonicalJson(c));

const NEWLINE = 0x0a;
const TAIL_CHUNK = 64 * 1024;

/**
 * The last line of an append-only file that `decode` accepts (its JSON text), read
 * backwards from the end in growing chunks, so an append costs what its last line
 * costs and not what the file does. A last line without its "\n" (a write a crash
 * cut short) and lines `decode` refuses are passed over, as every reader passes
 * over them. `tornFrom`: where such an unterminated tail starts, else null;
 * `lineFrom`: where the line found starts (null when none was).
 */
export async function lastGoodLine(handle: FileHandle, size: number, decode: (line: string) => string | null): Promise<{ json: string | null; tornFrom: number | null; lineFrom: number | null }> {
  let chunk = TAIL_CHUNK;
  for (;;) {
    const start = Math.max(0, size - chunk);
    const buf = Buffer.alloc(size - start);
    if (buf.length > 0) await handle.read(buf, 0, buf.length, start);
    let end = buf.length;
    let tornFrom: number | null = null;
    if (end > 0 && buf[end - 1] !== NEWLINE) {
      const cut = buf.lastIndexOf(NEWLINE);
      if (cut === -1 && start > 0) {
        chunk *= 4;
        continue;
      }
      tornFrom = start + cut + 1;
      end = cut + 1;
    }
    // Complete lines, newest first; the chunk's first piece is whole only at the file's start.
    let lineEnd = end - 1;
    while (lineEnd > 0) {
      const lineStart = buf.lastIndexOf(NEWLINE, lineEnd - 1) + 1;
      if (lineStart === 0 && start > 0) break;
      const line = buf.toString('utf8', lineStart, lineEnd);
      const json = line.trim() === '' ? null : decode(line);
      if (json !== null) return { json, tornFrom, lineFrom: start + lineStart };
      lineEnd = lineStart - 1;
    }
    if (start === 0) return { json: null, tornFrom, lineFrom: null };
    chunk *= 4;
  }
}
