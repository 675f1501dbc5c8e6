import { decryptBytes, encryptBytes } from './envelope';
import { EncryptedFileError } from './errors';

// Files sealed line by line, so that they can be appended to without rewriting
// them (a case's history, the folder's manifest): each stored line is the prefix
// and the base64 of one envelope, and a line's state is told by its first bytes.

export const SEALED_LINE_PREFIX = 'CFSEAL:';
const SEALED_PREFIX_BYTES = Buffer.from(SEALED_LINE_PREFIX, 'ascii');
const NEWLINE = 0x0a;

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
