import type { PathSegment } from '../../../../shared/model';
import { formatPath } from '../../../../shared/errors';
import { tokenSpans } from '../../../../shared/text/normalize';
import { allLabelStrings } from '../labels';
import { isAllowedNumber, isAllowedWord, type Allowed } from './allowed';
import type { Secret } from './secrets';
import { digitIndex, nameWords, numberForms, secretNumbers, stemKeys } from './words';

// The proof: whether a secret shows in a brief's text — whole, by a run of six of its
// words, by one of its name words in any case ending, or by one of its numbers however
// spaced — and where in the case's printed fields it was repeated.

/**
 * The form both sides are compared in: one space for any run of white space (line
 * wrapping), a hyphen glued back to the word it ended a line in, case folded, NFC.
 */
function normalizeForMatch(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u00AD/g, '')
    .replace(/(\p{L})-\s+(?=\p{L})/gu, '$1-')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLocaleLowerCase('und');
}

/** A text of more words than this is checked by its fragments only, not as a whole. */
const WHOLE_MAX_WORDS = 12;
/** Fragment length in words: MODEL.md's "no run of six words from a confidential text". */
const WINDOW = 6;
/** Shorter confidential strings ("N.", "Li") would match by chance; they are not checked. */
const MIN_CHARS = 3;

const WORD_CHAR = /[\p{L}\p{N}]/u;

function containsWhole(hay: string, needle: string): boolean {
  let from = 0;
  for (;;) {
    const at = hay.indexOf(needle, from);
    if (at < 0) return false;
    const before = at > 0 ? hay[at - 1]! : ' ';
    const after = at + needle.length < hay.length ? hay[at + needle.length]! : ' ';
    // Only whole words count: a confidential "Ali" is not leaked by "Alibek".
    if (!(WORD_CHAR.test(needle[0]!) && WORD_CHAR.test(before)) && !(WORD_CHAR.test(needle.at(-1)!) && WORD_CHAR.test(after))) return true;
    from = at + 1;
  }
}

function windows(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + WINDOW <= words.length; i++) out.push(words.slice(i, i + WINDOW).join(' '));
  return out;
}

let boilerplate: { phrases: string[]; windows: Set<string> } | undefined;

/** The briefs' own fixed wording: a confidential string that is part of it proves nothing by appearing. */
function labelBoilerplate(): { phrases: string[]; windows: Set<string> } {
  if (!boilerplate) {
    const phrases = allLabelStrings().map(normalizeForMatch);
    boilerplate = { phrases, windows: new Set(phrases.flatMap((p) => windows(p.split(' ')))) };
  }
  return boilerplate;
}

/**
 * Without spaces, and without the hyphens inside words too: a word too wide for its
 * table cell is cut with a visible hyphen ("Қожахмет-" / "ов"), which must not hide it.
 */
function loosen(compact: string): string {
  return compact.replace(/(\p{L})-(?=\p{L})/gu, '$1');
}

/** Capitalised words of a text by every stem they may stand for; a word cut at a line end by a hyphen is joined again. */
function nameIndex(text: string): Set<string> {
  const out = new Set<string>();
  const joined = text.replace(/(\p{L})-\s+(?=\p{Ll})/gu, '$1');
  for (const form of joined === text ? [text] : [text, joined]) {
    for (const { text: word } of tokenSpans(form)) {
      if (CAPITAL.test(word)) for (const k of stemKeys(word)) out.add(k);
    }
  }
  return out;
}
const CAPITAL = /^\p{Lu}/u;

/**
 * A text as the proof reads it: normalised, without spaces (and without the hyphens of
 * a word cut to fit a table cell), its six-word runs, its capitalised words by stem,
 * its numbers without their spaces and signs.
 */
export type Haystack = { text: string; compact: string; loose: string; windows: Set<string>; names: Set<string>; digits: Set<string> };

const NONE = new Set<string>();

/** `words: false` leaves out the name and number indexes: for a check of the whole text and its runs only. */
export function haystack(text: string, words = true): Haystack {
  const norm = normalizeForMatch(text);
  const compact = norm.replace(/ /g, '');
  return {
    text: norm, compact, loose: loosen(compact), windows: new Set(windows(norm.split(' '))),
    names: words ? nameIndex(text.normalize('NFC')) : NONE, digits: words ? digitIndex(text) : NONE,
  };
}

/**
 * Below this many letters a text compared without its spaces could match by chance;
 * above it, the spaceless comparison catches a word cut in two because it was wider
 * than its table column.
 */
const COMPACT_MIN = 8;

/** Whether a confidential text shows in `hay`: whole, or any distinctive fragment of a long one. */
export function appearsIn(secret: string, hay: Haystack): boolean {
  const norm = normalizeForMatch(secret);
  if (norm.length < MIN_CHARS) return false;
  const bp = labelBoilerplate();
  const words = norm.split(' ');
  if (words.length <= WHOLE_MAX_WORDS && !bp.phrases.some((p) => containsWhole(p, norm))) {
    const compact = norm.replace(/ /g, '');
    if (containsWhole(hay.text, norm) || (compact.length >= COMPACT_MIN && (hay.compact.includes(compact) || hay.loose.includes(loosen(compact))))) return true;
  }
  // Any run of WINDOW words of a longer text, unless the briefs' own wording holds it.
  return words.length > WINDOW && windows(words).some((w) => !bp.windows.has(w) && hay.windows.has(w));
}

/** How a secret showed: whole or by a six-word run, by one of its name words, or by one of its numbers. */
export type Found = { by: 'text' } | { by: 'name'; word: string } | { by: 'number'; number: string };
export type Leak = Secret & { found: Found };

type Needles = { names: { word: string; keys: string[] }[]; numbers: { number: string; forms: string[] }[] };

/** The words and numbers of a secret worth looking for alone: not the briefs' wording, not what the case names publicly. */
function needlesOf(secret: Secret, allowed: Allowed | undefined): Needles {
  const kind = secret.kind ?? 'text';
  const names = [...new Set(nameWords(secret.text, kind))]
    .filter((w) => !isAllowedWord(w, allowed))
    .map((word) => ({ word, keys: stemKeys(word) }));
  const numbers = kind === 'exact' ? [] : [...new Set(secretNumbers(secret.text))]
    .filter((n) => !isAllowedNumber(n, allowed))
    .map((number) => ({ number, forms: numberForms(number) }));
  return { names, numbers };
}

/** A tag or a printed label line: its words are common ones, and only the whole string, as written, gives it away. */
function appearsExactly(secret: string, hay: Haystack): boolean {
  const norm = normalizeForMatch(secret);
  return norm.length >= MIN_CHARS && containsWhole(hay.text, norm);
}

function foundIn(secret: Secret, needles: Needles, hay: Haystack): Found | undefined {
  if (secret.kind === 'exact') return appearsExactly(secret.text, hay) ? { by: 'text' } : undefined;
  if (appearsIn(secret.text, hay)) return { by: 'text' };
  for (const n of needles.names) if (n.keys.some((k) => hay.names.has(k))) return { by: 'name', word: n.word };
  for (const n of needles.numbers) if (n.forms.some((f) => hay.digits.has(f))) return { by: 'number', number: n.number };
  return undefined;
}

/**
 * The secrets that show in `text`. `allowed` (allowedIn) names what the brief may print
 * although a secret holds it too; without it only the briefs' own wording is.
 */
export function findLeaks(text: string, secrets: readonly Secret[], allowed?: Allowed): Leak[] {
  const hay = haystack(text);
  // A thousand cases share their priority line and many tags: each distinct text is looked for once.
  const seen = new Map<string, Found | null>();
  const out: Leak[] = [];
  for (const s of secrets) {
    const key = `${s.kind ?? 'text'}\u0000${s.text}`;
    let found = seen.get(key);
    if (found === undefined) {
      found = foundIn(s, needlesOf(s, allowed), hay) ?? null;
      seen.set(key, found);
    }
    if (found) out.push({ ...s, found });
  }
  return out;
}

/** Whether one printed value shows the leak the way the brief did: the whole secret, or the word or number that gave it away. */
function shows(value: string, leak: string | Leak): boolean {
  if (typeof leak !== 'string' && leak.kind === 'exact') return appearsExactly(leak.text, haystack(value, false));
  if (typeof leak === 'string' || leak.found.by === 'text') return appearsIn(typeof leak === 'string' ? leak : leak.text, haystack(value, false));
  const found = leak.found;
  if (found.by === 'name') {
    const names = nameIndex(value.normalize('NFC'));
    return stemKeys(found.word).some((k) => names.has(k));
  }
  const digits = digitIndex(value);
  return numberForms(found.number).some((f) => digits.has(f));
}

/**
 * Paths of the printed (public) fields that carry a leaked text, to tell the user what to
 * fix. `stored` is the case as stored, whose view `view` is: a path then counts items as
 * the stored case does (the view has dropped its confidential ones), matched by id.
 */
export function publicFieldsContaining(view: unknown, leak: string | Leak, base: PathSegment[] = [], stored?: unknown): PathSegment[][] {
  const found: PathSegment[][] = [];
  const visit = (value: unknown, original: unknown, path: PathSegment[]) => {
    if (typeof value === 'string') {
      if (shows(value, leak)) found.push(path);
    } else if (Array.isArray(value)) {
      const originals = Array.isArray(original) ? original : undefined;
      value.forEach((v, i) => {
        const id = v !== null && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : undefined;
        const at = id !== undefined && originals ? originals.findIndex((o) => (o as { id?: unknown } | null)?.id === id) : -1;
        const j = at >= 0 ? at : i;
        visit(v, originals?.[j], [...path, j]);
      });
    } else if (value !== null && typeof value === 'object') {
      const originals = original !== null && typeof original === 'object' ? (original as Record<string, unknown>) : undefined;
      for (const [k, v] of Object.entries(value)) visit(v, originals?.[k], [...path, k]);
    }
  };
  visit(view, stored, base);
  return found;
}

export function describeLeak(secret: Secret | Leak, publicPaths: readonly PathSegment[][], caseTitle?: string): string {
  const where = publicPaths.length > 0 ? ` (it is repeated in ${publicPaths.slice(0, 3).map(formatPath).join(', ')})` : '';
  const owner = caseTitle === undefined ? '' : ` of the case “${caseTitle}”`;
  const found = 'found' in secret ? secret.found : undefined;
  const how = found?.by === 'name' ? ` by its name “${found.word}”` : found?.by === 'number' ? ` by its number ${found.number}` : '';
  return `confidential ${formatPath(secret.path)}${owner} appears in the PDF text${how}${where}`;
}
