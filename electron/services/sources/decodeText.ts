// Bytes of a text file to a string. Files reach us from Windows machines where Notepad
// saved UTF-16 and older tools saved Windows-1251, so UTF-8 is expected but not assumed;
// whatever we decode other than plain UTF-8 is said in a warning the user sees.

import { charsetWarning } from '../../../shared/contract';
import { ServiceError } from '../errors';

/** `charset`: the file declared one character set and was read in another, because its bytes only fit that one. */
export type Decoded = { text: string; warnings: string[]; charset?: { declared: string; used: string } };

const cp1251 = new TextDecoder('windows-1251');

/**
 * Windows-1251 as the runtime's decoder reads it (the WHATWG table). Byte 0x98 is
 * unassigned in Microsoft's table; WHATWG passes it through as the C1 control U+0098,
 * which a reader cannot see, so it is shown as the replacement character instead.
 */
export function decodeCp1251(bytes: Uint8Array): string {
  return cp1251.decode(bytes).replaceAll('\u0098', '\uFFFD');
}

function isCyrillicLetter(code: number): boolean {
  return code >= 0x400 && code <= 0x4ff;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * Whether bytes that are not UTF-8 read as Russian text in Windows-1251: the bytes
 * above 0x7F are mostly Cyrillic letters, and they form words rather than sitting
 * alone inside Latin words (which is what é and ü of a Western file look like).
 */
export function looksLikeCp1251(bytes: Uint8Array): boolean {
  let high = 0;
  let cyrillic = 0;
  let glued = 0; // a Cyrillic letter touching a Latin letter
  const text = decodeCp1251(bytes);
  if (text.includes('\uFFFD')) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    high++;
    if (!isCyrillicLetter(c)) continue;
    cyrillic++;
    if (isAsciiLetter(text.charCodeAt(i - 1)) || isAsciiLetter(text.charCodeAt(i + 1))) glued++;
  }
  return high > 0 && cyrillic >= high * 0.7 && glued <= cyrillic * 0.1;
}

function swapBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1]!;
    out[i + 1] = bytes[i]!;
  }
  return out;
}

const WINDOWS_1251 = new Set(['windows-1251', 'cp1251', 'x-cp1251', 'win-1251']);

/**
 * Decodes a text file. A byte-order mark decides first, then a charset the file
 * declares (HTML's <meta charset>), then strict UTF-8, then Windows-1251 when the
 * bytes look like Russian in it. Anything else is refused with a message that says
 * how to fix the file.
 */
export function decodeText(bytes: Uint8Array, fileName: string, declaredCharset?: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: strictUtf8(bytes.subarray(3), fileName), warnings: [] };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warnings: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16le').decode(swapBytes(bytes.subarray(2))), warnings: [] };

  const declared = declaredCharset?.trim().toLowerCase();
  const isUtf8Label = declared === 'utf-8' || declared === 'utf8';
  // Any single-byte charset decodes any bytes, so "does it fit" is asked of UTF-8: non-ASCII
  // bytes that form valid UTF-8 are UTF-8 (a Windows-1251 or Latin-1 text almost never does).
  if (declared && !isUtf8Label && bytes.some((b) => b >= 0x80)) {
    const utf8 = tryUtf8(bytes);
    if (utf8 !== null) return mismatch(utf8, declared, 'utf-8');
  }
  if (declared && WINDOWS_1251.has(declared)) return { text: decodeCp1251(bytes), warnings: [] };
  if (declared && !isUtf8Label) {
    try {
      const text = new TextDecoder(declared).decode(bytes);
      return { text, warnings: [`The file declares the "${declared}" character set and was read in it; check that the text looks right.`] };
    } catch {
      // A label this runtime does not know: fall through to detection.
    }
  }

  if (bytes.includes(0)) {
    throw new ServiceError(
      'bad_input',
      `"${fileName}" does not look like a text file (it contains NUL bytes). If it is text saved as UTF-16 without a byte-order mark, save it again as UTF-8.`,
    );
  }
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, warnings: [] };
  if (isUtf8Label && looksLikeCp1251(bytes)) return mismatch(decodeCp1251(bytes), declared, 'windows-1251');
  if (looksLikeCp1251(bytes)) {
    return {
      text: decodeCp1251(bytes),
      warnings: [`"${fileName}" is not UTF-8; it was read as Windows-1251 (Cyrillic). Check that the text looks right.`],
    };
  }
  throw new ServiceError(
    'bad_input',
    `"${fileName}" is not valid UTF-8 text and does not read as Windows-1251 either. Open it in a text editor and save it as UTF-8, then add it again.`,
  );
}

function mismatch(text: string, declared: string, used: string): Decoded {
  const charset = { declared, used };
  return { text, warnings: [charsetWarning(charset)], charset };
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function strictUtf8(bytes: Uint8Array, fileName: string): string {
  const text = tryUtf8(bytes);
  if (text === null) {
    throw new ServiceError('bad_input', `"${fileName}" starts with a UTF-8 mark but is not valid UTF-8. Save it again as UTF-8, then add it again.`);
  }
  return text;
}
