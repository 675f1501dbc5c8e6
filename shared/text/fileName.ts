// File names Casefile suggests for what it writes (briefs, bundles). Pure: no node:, no DOM.
//
// A file name travels: by e-mail, onto a USB stick, into a court's upload form, through
// a Windows share. So it is ASCII, lower-case, words joined by single dashes: the
// person's name transliterated with the search normaliser's letter tables (translit.ts),
// "Кенжебек Әбішев" → "kenzhebek-abishev". No quotes, commas, dashes of other widths
// or doubled separators survive, and the whole stem stays short enough for any disk.

import { CYRILLIC_TO_LATIN, LATIN_SPECIAL } from './translit';

/** The longest stem (the name without its extension) Casefile suggests. */
export const MAX_STEM = 80;

const LETTERS: ReadonlyMap<string, string> = new Map([...Object.entries(CYRILLIC_TO_LATIN), ...Object.entries(LATIN_SPECIAL)]);

// An apostrophe inside a word is a soft sign or an elision ("Il'in", "O'Brien"): the word stays whole.
const APOSTROPHES = /['\u2019\u02bc\u02b9\u0060\u00b4]/gu;

/** `text` as lower-case ASCII words joined by single dashes; "" when nothing of it is a Latin letter or digit after transliteration. */
export function asciiWords(text: string): string {
  const lower = text.normalize('NFC').toLowerCase().replace(APOSTROPHES, '');
  let out = '';
  for (const ch of lower) out += LETTERS.get(ch) ?? ch;
  return out
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Cuts dash-joined words to at most `max` characters at a word boundary (mid-word only when the first word alone is longer). */
export function cutWords(words: string, max: number): string {
  if (words.length <= max) return words;
  if (max <= 0) return '';
  const cut = words.slice(0, max + 1);
  const end = cut.lastIndexOf('-');
  return (end > 0 ? cut.slice(0, end) : words.slice(0, max)).replace(/-+$/, '');
}

export type FileNameParts = {
  /** Who the file is about: a person's or an organisation's name, in any script. */
  subject: string;
  /** Plain words after the subject: template, language, date… (already ASCII, or passed through asciiWords). */
  tail: readonly string[];
  /** Without the dot: "pdf", "docx", "casefile.json". */
  ext: string;
  /** The subject when nothing of it is left ("brief"). */
  fallback: string;
};

/**
 * `kenzhebek-abishev-wgad-ru-2026-12-06.pdf`: the subject's words, cut at a word boundary
 * so that the stem stays within MAX_STEM characters, then the tail.
 */
export function friendlyFileName({ subject, tail, ext, fallback }: FileNameParts): string {
  const rest = tail.map(asciiWords).filter((w) => w !== '');
  const restText = rest.join('-');
  const room = MAX_STEM - (restText === '' ? 0 : restText.length + 1);
  const name = cutWords(asciiWords(subject), room) || cutWords(asciiWords(fallback), Math.max(room, 1)) || 'file';
  return `${[name, ...rest].join('-')}.${ext}`;
}
