// The search normaliser, shared by the index (main process) and instant list
// filtering (renderer). Pure: no node:, no DOM.
//
// Goal: the spellings of one name meet. "Toqaev", "Tokayev", "Тоқаев", "Токаев" all
// become "tokaev"; "Қасым-Жомарт", "Kassym-Jomart", "Qasym-Jomart" become
// "kasim zhomart". The folds trade a little precision for recall, and since index
// and query pass through the same code, a fold only has to be consistent, not right.
//
// Steps of normalizeToken, in order:
//
// | step | fold                                   | example                          |
// | ---- | -------------------------------------- | -------------------------------- |
// | 1    | NFC, lowercase                         | "ТОҚАЕВ" → "тоқаев"              |
// | 2    | Cyrillic → Latin (translit.ts), before | Қ/К→k Ғ/Г→g Ұ/Ү/У→u Ө/О→o Ә/А→a  |
// |      | NFKD so Й/Ё keep their sound           | І/И/Й→i Ң/Н→n Һ/Х→h Ж→zh Ш→sh    |
// |      |                                        | Щ→shch Ч→ch Ц→ts Я→ya Ю→yu Ё→yo  |
// |      |                                        | Ы→y Ь/Ъ→"" Е/Э→e                 |
// | 3    | Latin letters NFKD misreads            | ş/š→sh ç/č→ch ž→zh ı→y ə→a ß→ss  |
// | 4    | NFKD, strip combining marks            | "Ä"→a "Ö"→o "Ū"→u "ğ"→g "é"→e    |
// | 5    | keep letters and digits only           | "Serikuly'" → "serikuly"         |
// | 6    | doubled letters collapse (not digits)  | "Kassym" → "kasym"; "2022" kept  |
// | 7    | x→ks, q→k                              | "Alexei"→"aleksei" "Qasym"→kasym |
// | 8    | dzh, dj, j → zh                        | "Jomart", "Dzhomart" → zhomart   |
// | 9    | kh→h, gh→g                             | "Abdirakhmanova" = "Әбдірахманова"|
// | 10   | word-initial ye → e                    | "Yerlan" = "Ерлан"               |
// | 11   | y between vowels dropped               | "Tokayev"→tokaev, "Niyaz"→niaz   |
// | 12   | consonant + yo/ye/yi → consonant + e/i | "Semyonov"/"Семёнов" = "Semenov" |
// |      | (the y a soft or hard sign once wrote) | "Obyedkov" = "Объедков"          |
// |      |                                        | "Ilyin" = "Ильин"                |
// | 13   | consonant + y + a/u → consonant + i    | "Tatyana" = "Tatiana"            |
// | 14   | y before a consonant or at the end → i | "Aybek"=aibek, "Serikuly"→serikuli|
// | 15   | doubled letters collapse again         | "Dmitriy"→dmitrii→"dmitri"       |
//
// Steps 6–15 repeat until nothing changes, so normalizeToken is idempotent (the
// query side may normalise an already-normalised term).
//
// Words: an apostrophe between two letters is part of the word, since a soft
// sign is often typed as one ("Il'in", "Dar'ya" = "Ильин", "Дарья"), except an
// English possessive ("Tokayev's" is the word "Tokayev").
//
// Acronyms: a token written in capitals ("KMBPCh", "КМБПЧ", "KIBHR") also yields an
// acronym key with one letter per letter (Ch→c, Ч→c, Kh/Х→k, Ts/Ц→t, Sh/Ш→s, Zh/Ж→z),
// indexed beside its normal form so "KMBPC", "KMBPCH" and "КМБПЧ" meet. Acronyms of
// one name in two languages ("KIBHR" / "KMBPCh") cannot meet by spelling; the case's
// aliases list both, and each is findable.

import { CYRILLIC_ACRONYM, CYRILLIC_TO_LATIN, LATIN_SPECIAL } from './translit';

/**
 * Raise whenever a change here gives any word another form: a search index kept
 * on disk was built with the old forms and must be rebuilt.
 */
export const NORMALIZER_VERSION = 2;

const CYRILLIC = new Map(Object.entries(CYRILLIC_TO_LATIN));
const SPECIAL = new Map(Object.entries(LATIN_SPECIAL));
const ACRONYM_LETTERS = new Map(Object.entries(CYRILLIC_ACRONYM));

// A word is letters, digits and the combining marks of decomposed input (Й as И+◌̆).
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

// Indexing scans tens of megabytes, and a Unicode-property regex per word costs
// more than the rest of indexing together; so each UTF-16 unit's class is looked
// up once and cached: 0 unknown, 1 word, 2 not a word, 3 surrogate.
const UNIT_CLASS = new Uint8Array(0x10000);

function classify(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return 3;
  return WORD_CHAR.test(String.fromCharCode(unit)) ? 1 : 2;
}

/** Length in UTF-16 units of the word character at `s[i]`: 0 when none starts there. */
export function wordCharAt(s: string, i: number): 0 | 1 | 2 {
  const unit = s.charCodeAt(i);
  let cls = UNIT_CLASS[unit]!;
  if (cls === 0) cls = UNIT_CLASS[unit] = classify(unit);
  if (cls === 1) return 1;
  if (cls === 2) return 0;
  const cp = s.codePointAt(i)!;
  return cp > 0xffff && WORD_CHAR.test(String.fromCodePoint(cp)) ? 2 : 0;
}

const APOSTROPHES = new Set([0x27, 0x2019, 0x2bc]); // ' ’ ʼ

/**
 * Like wordCharAt, for a position inside a word: also 1 for an apostrophe that
 * joins two letters (a typed soft sign), but not for a possessive "'s" at the end.
 */
export function wordContinuesAt(s: string, i: number): 0 | 1 | 2 {
  const k = wordCharAt(s, i);
  if (k !== 0 || !APOSTROPHES.has(s.charCodeAt(i)) || i + 1 >= s.length || wordCharAt(s, i + 1) === 0) return k;
  const possessive = (s[i + 1] === 's' || s[i + 1] === 'S') && (i + 2 >= s.length || wordCharAt(s, i + 2) === 0);
  return possessive ? 0 : 1;
}

/** Calls `visit` with the [start, end) UTF-16 offsets of every word of `s`, until
 *  it returns false. */
export function forEachWord(s: string, visit: (start: number, end: number) => boolean | void): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    let k = wordCharAt(s, i);
    if (k === 0) {
      i++;
      continue;
    }
    const start = i;
    do i += k;
    while (i < n && (k = wordContinuesAt(s, i)) !== 0);
    if (visit(start, i) === false) return;
  }
}

export type TokenSpan = { text: string; start: number; end: number };

/** Words of `s` with their UTF-16 offsets: what snippets map matches back onto. */
export function tokenSpans(s: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  forEachWord(s, (start, end) => {
    spans.push({ text: s.slice(start, end), start, end });
  });
  return spans;
}

/** Unicode-aware word split (letters, marks, digits); keeps numbers ("405", "174")
 *  as words of their own. */
export function tokenize(s: string): string[] {
  const words: string[] = [];
  forEachWord(s, (start, end) => {
    words.push(s.slice(start, end));
  });
  return words;
}

function toLatinLetters(raw: string): string {
  let mapped = '';
  for (const ch of raw.normalize('NFC').toLowerCase()) mapped += CYRILLIC.get(ch) ?? SPECIAL.get(ch) ?? ch;
  return mapped
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase() // NFKD can uncover capitals (ℂ → C)
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const CONSONANT = '[b-df-hj-np-tv-z]';
// [letter a rule needs, rule]: a rule whose letter is absent is skipped, which
// spares most words most of the regex work.
const FOLDS: ReadonlyArray<readonly [string, RegExp, string]> = [
  ['', /([a-z])\1+/g, '$1'],
  ['x', /x/g, 'ks'],
  ['q', /q/g, 'k'],
  ['dzh', /dzh/g, 'zh'],
  ['j', /dj|j/g, 'zh'],
  ['h', /kh/g, 'h'],
  ['h', /gh/g, 'g'],
  ['y', /^ye/, 'e'],
  ['y', /([aeiou])y(?=[aeiou])/g, '$1'],
  ['y', new RegExp(`(${CONSONANT})yo`, 'g'), '$1e'],
  ['y', new RegExp(`(${CONSONANT})y(?=[ei])`, 'g'), '$1'],
  ['y', new RegExp(`(${CONSONANT})y(?=[au])`, 'g'), '$1i'],
  ['y', /y(?![aeiou])/g, 'i'],
  ['', /([a-z])\1+/g, '$1'],
];

function foldOnce(s: string): string {
  let out = s;
  for (const [letter, pattern, replacement] of FOLDS) if (letter === '' || out.includes(letter)) out = out.replace(pattern, replacement);
  return out;
}

function foldLatin(s: string): string {
  let prev = s;
  for (let i = 0; i < 8; i++) {
    const next = foldOnce(prev);
    if (next === prev) return next;
    prev = next;
  }
  return prev;
}

// Snippets and queries normalise the same words again and again; a bounded memo
// makes that a Map lookup. (The index has its own table for bulk work.) It keeps
// two generations: when the newer fills up it becomes the older and the oldest
// goes, so a working set larger than one generation (a search quoting fifty long
// texts of a 30,000-word archive) is not thrown away whole at every overflow.
const MEMO_GENERATION = 40_000;

class Memo<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  get(key: string): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: string, value: V): V {
    if (this.young.size >= MEMO_GENERATION) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
    return value;
  }
}

const memo = new Memo<string>();

/** One word → its search form. Anything that is not a letter or digit is dropped,
 *  so pass words (tokenize) rather than phrases. */
export function normalizeToken(raw: string): string {
  return memo.get(raw) ?? memo.set(raw, foldLatin(toLatinLetters(raw)));
}

/** Whole text → normalised words joined by single spaces (word boundaries kept). */
export function normalizeText(s: string): string {
  const out: string[] = [];
  for (const token of tokenize(s)) {
    const n = normalizeToken(token);
    if (n) out.push(n);
  }
  return out.join(' ');
}

/**
 * The search form of a word someone is still typing. The full form reads the
 * last letter as a word end, and a trailing "y" after a vowel is dropped or made
 * "i" there ("Tokay" → "tokai"), which no longer prefixes "tokaev"; this form
 * leaves that "y" out instead.
 */
export function normalizePrefix(raw: string): string {
  const latin = toLatinLetters(raw);
  return /[aeiou]y$/.test(latin) ? foldLatin(latin.slice(0, -1)) : foldLatin(latin);
}

// Capitals throughout, allowing the lowercase second letter of a transliteration
// digraph: "KMBPCh", "ZhKh", "KazTs" is not (the "az").
const DIGRAPH_TAIL = /(?<=[CSZKG])h|(?<=T)s/g;

/** True for a token written as an acronym: two or more capitals and no lowercase
 *  letter other than a digraph's tail. */
export function isAcronym(raw: string): boolean {
  if (!/^\p{Lu}./u.test(raw)) return false; // most words fail here, cheaply
  const letters = raw.normalize('NFC').replace(DIGRAPH_TAIL, '');
  if (!/^[\p{Lu}\p{N}]+$/u.test(letters)) return false;
  return (letters.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

/** One Latin letter per letter of an acronym ("KMBPCh" and "КМБПЧ" → "kmbpc"), or
 *  null when the token is not an acronym. */
export function acronymKey(raw: string): string | null {
  if (!isAcronym(raw)) return null;
  let out = '';
  for (const ch of raw.normalize('NFC').toLowerCase()) out += ACRONYM_LETTERS.get(ch) ?? SPECIAL.get(ch)?.charAt(0) ?? ch;
  return out
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .replace(/([cszkg])h/g, '$1')
    .replace(/ts/g, 't')
    .replace(/q/g, 'k')
    .replace(/j/g, 'z')
    .replace(/x/g, 'k');
}

/** Every term a word is indexed and searched under: its normal form, and for an
 *  acronym also its acronym key. Empty when the word folds to nothing ("ь"). */
export function searchTerms(raw: string): readonly string[] {
  return termsMemo.get(raw) ?? termsMemo.set(raw, computeSearchTerms(raw));
}
const termsMemo = new Memo<readonly string[]>();

// Every fold that can change a word's first letter looks at most three letters into
// the folded word (dzh → zh, ^ye → e, kh → h, y before a consonant or at the end → i),
// so once a prefix of the word folds to more than four letters, its first letter is the
// whole word's. (A run of letters that collapse into one, "qQKҚХa" → "ha", makes the
// prefix longer; the property test in normalize.test holds this to searchTerms.)
const LEAD_LETTERS = 4;
const leadMemo = new Memo<string>();

/**
 * The letters a word's search terms can start with — a superset, computed from its
 * first characters, so a snippet can pass over most words of a long text without
 * folding them: a word none of whose letters starts a query term cannot match it.
 */
export function possibleFirstLetters(raw: string): string {
  let end = Math.min(raw.length, LEAD_LETTERS);
  for (;;) {
    if (end < raw.length && raw.charCodeAt(end - 1) >= 0xd800 && raw.charCodeAt(end - 1) <= 0xdbff) end++; // a surrogate pair stays whole
    const lead = raw.slice(0, end);
    let letters = leadMemo.get(lead);
    if (letters === undefined) {
      const terms = computeSearchTerms(lead);
      // Too short to be sure (and not the whole word): read further.
      if (end < raw.length && (terms[0]?.length ?? 0) <= LEAD_LETTERS) {
        end += LEAD_LETTERS;
        continue;
      }
      letters = leadMemo.set(lead, terms.map((t) => t.charAt(0)).join(''));
    }
    // An acronym's key reads every letter of the whole word.
    const key = acronymKey(raw);
    return key ? letters + key.charAt(0) : letters;
  }
}

/** searchTerms without the memo, for callers that cache words themselves. */
export function computeSearchTerms(raw: string): string[] {
  const normal = foldLatin(toLatinLetters(raw));
  const key = acronymKey(raw);
  if (!normal) return key ? [key] : [];
  return key && key !== normal ? [normal, key] : [normal];
}
