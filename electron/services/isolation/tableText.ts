import { ServiceError } from '../errors';

// A CSV's bytes to text. Russian Excel saves "CSV (разделители — запятые)" in
// Windows-1251, with no mark saying so; everything newer writes UTF-8, often with a BOM.
// So: a BOM decides; else valid UTF-8 is UTF-8; else Windows-1251, but only when what it
// decodes to reads as Cyrillic text — a guess that fails is refused, never stored as mojibake.

export type DecodedText = { text: string; encoding: 'utf-8' | 'windows-1251' | 'utf-16le' | 'utf-16be' };

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function decodeTableText(fileName: string, bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new ServiceError('bad_input', `"${fileName}" begins with the UTF-8 mark but is not valid UTF-8. Save it again from Excel as "CSV UTF-8" (or as .xlsx) and import that. Nothing was stored.`);
    }
    return checked(fileName, text, 'utf-8');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(fileName, new TextDecoder('utf-16le').decode(bytes), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(fileName, new TextDecoder('utf-16be').decode(bytes), 'utf-16be');
  try {
    return checked(fileName, new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8');
  } catch (err) {
    if (err instanceof ServiceError) throw err;
  }
  const text = new TextDecoder('windows-1251').decode(bytes);
  const foreign = [...text].filter((c) => c.charCodeAt(0) >= 0x80);
  const cyrillic = foreign.filter((c) => /[\u0400-\u04ff]/.test(c)).length;
  // Windows-1251 turns any byte into some character; Russian text is almost all letters А–я,
  // binary or another code page (Latin-1, KOI8-R read wrongly) gives punctuation and symbols.
  if (foreign.length > 0 && cyrillic / foreign.length >= 0.9 && !CONTROL.test(text)) return { text, encoding: 'windows-1251' };
  throw new ServiceError(
    'bad_input',
    `The encoding of "${fileName}" cannot be told: it is not UTF-8, and read as Windows-1251 it is not Cyrillic text. Save it again from Excel as "CSV UTF-8" (or as .xlsx) and import that. Nothing was stored.`,
  );
}

function checked(fileName: string, text: string, encoding: DecodedText['encoding']): DecodedText {
  const at = CONTROL.exec(text);
  if (at) {
    throw new ServiceError(
      'bad_input',
      `"${fileName}" holds a control character (U+${at[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}) at character ${at.index + 1}: it is not a text table. Import a .csv or .xlsx file. Nothing was stored.`,
    );
  }
  return { text: text.replace(/^\ufeff/, ''), encoding };
}
