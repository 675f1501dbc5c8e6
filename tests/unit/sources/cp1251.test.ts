import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decodeCp1251, looksLikeCp1251 } from '../../../electron/services/sources/decodeText';

// Windows-1251 is read by the runtime's own decoder now. Checked byte by byte against
// the code page as Unicode publishes it (MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1251.TXT),
// written out here independently of the decoder.

/** 0x80–0xBF; 0x98 is unassigned. 0x00–0x7F are ASCII and 0xC0–0xFF are А–я in order. */
const HIGH = 'ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏ' + 'ђ‘’“”•–—\u0000™љ›њќћџ' + '\u00A0ЎўЈ¤Ґ¦§Ё©Є«¬\u00AD®Ї' + '°±Ііґµ¶·ё№є»јЅѕї';
function published(byte: number): string | null {
  if (byte < 0x80) return String.fromCharCode(byte);
  if (byte >= 0xc0) return String.fromCharCode(0x410 + byte - 0xc0);
  return byte === 0x98 ? null : HIGH[byte - 0x80]!;
}

const everyByte = Uint8Array.from({ length: 256 }, (_, i) => i);

describe('Windows-1251', () => {
  it('decodes every byte as the published code page does; the unassigned 0x98 shows as the replacement character', () => {
    const decoded = decodeCp1251(everyByte);
    expect([...decoded]).toHaveLength(256);
    [...decoded].forEach((ch, byte) => expect(ch, `byte 0x${byte.toString(16)}`).toBe(published(byte) ?? '\uFFFD'));
  });

  it('round-trips every assigned byte: the text encoded back by the published table gives the same bytes', () => {
    const encode = new Map<string, number>();
    for (let byte = 0; byte < 256; byte++) if (published(byte) !== null) encode.set(published(byte)!, byte);
    const assigned = everyByte.filter((b) => b !== 0x98);
    const text = decodeCp1251(assigned);
    expect(Uint8Array.from([...text].map((ch) => encode.get(ch)!))).toEqual(assigned);
    // Decoded in one call or byte by byte, the same text: no state carries across bytes.
    expect([...assigned].map((b) => decodeCp1251(Uint8Array.of(b))).join('')).toBe(text);
  });

  it('agrees with the system’s iconv on every assigned byte, both ways', () => {
    let iconv: Buffer;
    const assigned = Buffer.from(everyByte.filter((b) => b !== 0x98));
    try {
      iconv = execFileSync('iconv', ['-f', 'CP1251', '-t', 'UTF-8'], { input: assigned, timeout: 10_000 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // no iconv on this machine: the table above stands alone
      throw err;
    }
    expect(decodeCp1251(assigned)).toBe(iconv.toString('utf8'));
    expect(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'CP1251'], { input: decodeCp1251(assigned), timeout: 10_000 })).toEqual(assigned);
  });

  it('still refuses to guess Windows-1251 for bytes holding the unassigned 0x98', () => {
    const russian = Uint8Array.from([0xcf, 0xf0, 0xe8, 0xe3, 0xee, 0xe2, 0xee, 0xf0, 0x20]);
    expect(looksLikeCp1251(russian)).toBe(true);
    expect(looksLikeCp1251(Uint8Array.from([...russian, 0x98]))).toBe(false);
  });
});
