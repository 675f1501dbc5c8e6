// Judging an approximate match word by word. Pure: no node:, no DOM.
//
// The fuzzy stage of anchoring finds text within a few character edits of a quote.
// Few edits are not the same as the same facts: "seven years" → "eleven years" is two
// edits, "14 января" → "16 января" one, "sentenced" → "acquitted" a handful spread
// over one word. So a candidate is compared with the quote token by token, and only
// these differences are tolerated:
//
//   whitespace   any change of spaces, line breaks, soft hyphens or zero-width
//                spaces: the wording is the same (verdict `same`);
//   typos        a word changed by at most one edit if its shorter form has four to
//                nine letters, two from ten letters, none under four (only its case
//                may change: "not" → "now" is another word); a word split
//                or joined ("не смотря" ↔ "несмотря") within the same allowance and
//                with fewer edits than its shorter piece has letters (so "признал" →
//                "не признал" is a word added, not a split); punctuation changed,
//                added or removed (verdict `changed`).
//
// Everything else refuses the candidate: a number (a run of digits, or a number
// written in words in English, Russian or Kazakh) added, removed or changed is verdict
// `numbers`, because dates, terms, article numbers and amounts are exactly what a
// lawyer's note is about; a word replaced, added or removed is verdict `words`.

import { anchoredDistances } from './anchorApprox';
import { foldedForm, isFoldableSpace } from './anchorFold';

export type Verdict =
  | { kind: 'same' }
  | { kind: 'changed'; edits: number }
  | { kind: 'numbers'; was: string[]; now: string[] }
  | { kind: 'words' };

// ---------------------------------------------------------------------------
// Characters

// Letters, marks and digits; not the variation selectors that follow an emoji.
const WORD = /(?![\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}])[\p{L}\p{M}\p{N}]/u;
const DIGIT = /\p{Nd}/u;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when offset i falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHighSurrogate(text.charCodeAt(i - 1)) && isLowSurrogate(text.charCodeAt(i));
}

/** The code point that ends just before offset i (a whole surrogate pair when there is one). */
function codePointBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  if (i >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1]!;
}

function codePointAt(text: string, i: number): string {
  if (i >= text.length) return '';
  return String.fromCodePoint(text.codePointAt(i)!);
}

function isWordChar(ch: string): boolean {
  return ch !== '' && WORD.test(ch);
}

/** True when offset i falls inside a word (letters, marks or digits on both sides). */
export function splitsWord(text: string, i: number): boolean {
  return isWordChar(codePointBefore(text, i)) && isWordChar(codePointAt(text, i));
}

/**
 * Whether a quote's edges were word boundaries where it was taken: a quote that began
 * in the middle of a word (the user selected part of it) may be found again in the
 * middle of one; any other quote may not. Without context (a quote-only import) the
 * edge counts as a boundary.
 */
export function quoteEdges(exact: string, prefix: string, suffix: string): { start: boolean; end: boolean } {
  return {
    start: !(isWordChar(codePointBefore(prefix, prefix.length)) && isWordChar(codePointAt(exact, 0))),
    end: !(isWordChar(codePointBefore(exact, exact.length)) && isWordChar(codePointAt(suffix, 0))),
  };
}

/** The start of the word that offset i falls inside (i itself when it falls between words). */
export function wordStartBefore(text: string, i: number): number {
  while (i > 0 && splitsWord(text, i)) i -= codePointBefore(text, i).length;
  return i;
}

/** The end of the word that offset i falls inside (i itself when it falls between words). */
export function wordEndAfter(text: string, i: number): number {
  while (i < text.length && splitsWord(text, i)) i += codePointAt(text, i).length;
  return i;
}

// ---------------------------------------------------------------------------
// Tokens

type Token = { kind: 'word' | 'number' | 'mark'; text: string; /** Lower-cased, ё as е; for numbers, the value. */ key: string };

/** Invisible characters that PDF extraction adds and drops (as in anchorFold). */
function isInvisible(code: number): boolean {
  return code === 0xad || code === 0x200b || code === 0x2060 || code === 0xfeff;
}

function lower(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е');
}

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let run = '';
  let runDigits = false;
  const flush = () => {
    if (run === '') return;
    if (runDigits) out.push({ kind: 'number', text: run, key: run });
    else {
      const key = lower(run);
      const value = NUMBER_WORDS.get(key);
      out.push(value === undefined ? { kind: 'word', text: run, key } : { kind: 'number', text: run, key: value });
    }
    run = '';
  };
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (isFoldableSpace(code) || isInvisible(code)) {
      flush();
      continue;
    }
    if (WORD.test(ch)) {
      // Digits and letters are separate tokens: "2022года" is a year and a word.
      const digit = DIGIT.test(ch);
      if (run !== '' && digit !== runDigits) flush();
      runDigits = digit;
      run += ch;
      continue;
    }
    flush();
    out.push({ kind: 'mark', text: ch, key: ch });
  }
  flush();
  return out;
}

// Numbers written in words, in the forms they take in verdicts and reports. The
// Kazakh "он" (ten) is left out: it is far more often the Russian "he".
const NUMBER_WORDS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const add = (value: number, ...forms: string[]) => {
    for (const f of forms) m.set(f, String(value));
  };
  const en = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
  en.forEach((w, i) => add(i, w));
  ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].forEach((w, i) => add((i + 2) * 10, w));
  add(100, 'hundred');
  add(1000, 'thousand');
  add(1e6, 'million');
  add(1e9, 'billion');

  // Russian: nominative and the oblique cases ("к семи годам", "двумя эпизодами").
  add(0, 'ноль', 'нуль', 'ноля', 'нуля', 'нолю', 'нулю', 'нолем', 'нулем');
  add(1, 'один', 'одна', 'одно', 'одного', 'одной', 'одному', 'одним', 'одном', 'одну', 'одною');
  add(2, 'два', 'две', 'двух', 'двум', 'двумя');
  add(3, 'три', 'трех', 'трем', 'тремя');
  add(4, 'четыре', 'четырех', 'четырем', 'четырьмя');
  add(8, 'восемь', 'восьми', 'восемью', 'восьмью');
  const soft: [number, string][] = [
    [5, 'пят'], [6, 'шест'], [7, 'сем'], [9, 'девят'], [10, 'десят'], [11, 'одиннадцат'], [12, 'двенадцат'], [13, 'тринадцат'],
    [14, 'четырнадцат'], [15, 'пятнадцат'], [16, 'шестнадцат'], [17, 'семнадцат'], [18, 'восемнадцат'], [19, 'девятнадцат'],
    [20, 'двадцат'], [30, 'тридцат'],
  ];
  for (const [v, stem] of soft) add(v, `${stem}ь`, `${stem}и`, `${stem}ью`);
  add(40, 'сорок', 'сорока');
  add(50, 'пятьдесят', 'пятидесяти', 'пятьюдесятью');
  add(60, 'шестьдесят', 'шестидесяти', 'шестьюдесятью');
  add(70, 'семьдесят', 'семидесяти', 'семьюдесятью');
  add(80, 'восемьдесят', 'восьмидесяти', 'восемьюдесятью');
  add(90, 'девяносто', 'девяноста');
  add(100, 'сто', 'ста');
  add(200, 'двести', 'двухсот', 'двумстам');
  add(300, 'триста', 'трехсот', 'тремстам');
  add(400, 'четыреста', 'четырехсот', 'четыремстам');
  for (const [v, stem] of [[500, 'пят'], [600, 'шест'], [700, 'сем'], [800, 'восем'], [900, 'девят']] as const) {
    add(v, `${stem}ьсот`, `${v === 800 ? 'восьми' : `${stem}и`}сот`);
  }
  add(1000, 'тысяча', 'тысячи', 'тысячу', 'тысячей', 'тысячею', 'тысяч', 'тысячам', 'тысячами', 'тысячах');
  add(1e6, 'миллион', 'миллиона', 'миллиону', 'миллионом', 'миллионе', 'миллионы', 'миллионов', 'миллионам', 'миллионами');
  add(1e9, 'миллиард', 'миллиарда', 'миллиарду', 'миллиардом', 'миллиарде', 'миллиарды', 'миллиардов');

  // Kazakh: the numbers and their ordinals (бесінші, жетінші).
  const kk: [number, string, string][] = [
    [0, 'нөл', 'нөлінші'], [1, 'бір', 'бірінші'], [2, 'екі', 'екінші'], [3, 'үш', 'үшінші'], [4, 'төрт', 'төртінші'],
    [5, 'бес', 'бесінші'], [6, 'алты', 'алтыншы'], [7, 'жеті', 'жетінші'], [8, 'сегіз', 'сегізінші'], [9, 'тоғыз', 'тоғызыншы'],
    [10, 'оныншы', 'оныншы'], [20, 'жиырма', 'жиырмасыншы'], [30, 'отыз', 'отызыншы'], [40, 'қырық', 'қырқыншы'], [50, 'елу', 'елуінші'],
    [60, 'алпыс', 'алпысыншы'], [70, 'жетпіс', 'жетпісінші'], [80, 'сексен', 'сексенінші'], [90, 'тоқсан', 'тоқсаныншы'],
    [100, 'жүз', 'жүзінші'], [1000, 'мың', 'мыңыншы'],
  ];
  for (const [v, base, ordinal] of kk) add(v, base, ordinal);
  return m;
})();

// ---------------------------------------------------------------------------
// Comparing

/** Levenshtein distance in code points. */
function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur.push(Math.min(prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1));
    prev = cur;
  }
  return prev[y.length]!;
}

/**
 * Edits a word may take and still be the same word with a typo: none under four
 * letters, one from four, two from ten, counted on the shorter form ("Касым" →
 * "Қасым" is a typo; "виновным" → "невиновным" and "айырды" → "айырмады", a negation
 * put in, are not).
 */
export function allowedEdits(a: string, b: string): number {
  const n = Math.min([...a].length, [...b].length);
  return n < 4 ? 0 : n < 10 ? 1 : 2;
}

/** Edits from word a to word b when that is a typo (case alone counts as one), else Infinity. */
function typo(a: string, b: string, keyA: string, keyB: string): number {
  if (a === b) return 0;
  if (keyA === keyB) return 1;
  const allowed = allowedEdits(keyA, keyB);
  if (Math.abs(keyA.length - keyB.length) > allowed) return Infinity; // cheap refusal: most pairs the alignment tries
  const d = distance(keyA, keyB);
  return d <= allowed ? d : Infinity;
}

/**
 * Edits from `whole` to the two words `first second` read as one, when that is a
 * typo: within the allowance, and fewer edits than the shorter piece has letters, so
 * a short word put in front ("признал" → "не признал") is not taken for a split.
 */
function split(whole: Token, first: Token, second: Token): number {
  const d = typo(whole.text, first.text + second.text, whole.key, first.key + second.key);
  return d < Math.min([...first.text].length, [...second.text].length) ? d : Infinity;
}

function stripInvisible(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (!isFoldableSpace(code) && !isInvisible(code)) out += ch;
  }
  return out;
}

/** Whether two strings differ only in whitespace and invisible characters. */
export function sameUpToWhitespace(a: string, b: string): boolean {
  return stripInvisible(a) === stripInvisible(b);
}

function numbersOf(tokens: readonly Token[]): Token[] {
  return tokens.filter((t) => t.kind === 'number');
}

/** How `candidate` differs from `quote`; see the header for the rule. */
export function compareWording(quote: string, candidate: string): Verdict {
  if (sameUpToWhitespace(quote, candidate)) return { kind: 'same' };
  const ta = tokenize(quote);
  const tb = tokenize(candidate);
  const na = numbersOf(ta);
  const nb = numbersOf(tb);
  if (na.length !== nb.length || na.some((t, i) => t.key !== nb[i]!.key)) {
    return { kind: 'numbers', was: na.map((t) => t.text), now: nb.map((t) => t.text) };
  }
  // Identical tokens at both ends align with each other; only the middle needs the
  // alignment below (setting them aside can only make the verdict stricter, never looser).
  let head = 0;
  while (head < ta.length && head < tb.length && ta[head]!.text === tb[head]!.text) head++;
  let tail = 0;
  while (tail < ta.length - head && tail < tb.length - head && ta[ta.length - 1 - tail]!.text === tb[tb.length - 1 - tail]!.text) tail++;
  const a = ta.slice(head, ta.length - tail);
  const b = tb.slice(head, tb.length - tail);

  // Fewest edits aligning the two token lists, where a word or number may never be
  // added or removed and a replaced word must be a typo of the other.
  // Tokens are only ever added or removed as punctuation, or shifted by a split word,
  // each a character edit the fuzzy stage already bounded to 15 %: the alignment stays
  // in a band around the diagonal. A path outside it would need more change than that.
  const band = Math.abs(a.length - b.length) + 4 + Math.ceil(Math.max(a.length, b.length) * 0.15);
  const INF = Infinity;
  const cost = Array.from({ length: a.length + 1 }, () => Array.from({ length: b.length + 1 }, () => INF));
  cost[0]![0] = 0;
  let here = 0;
  const relax = (ii: number, jj: number, c: number) => {
    if (c !== INF && here + c < cost[ii]![jj]!) cost[ii]![jj] = here + c;
  };
  for (let i = 0; i <= a.length; i++) {
    for (let j = Math.max(0, i - band); j <= Math.min(b.length, i + band); j++) {
      here = cost[i]![j]!;
      if (here === INF) continue;
      const x = a[i];
      const y = b[j];
      if (x && x.kind === 'mark') relax(i + 1, j, 1);
      if (y && y.kind === 'mark') relax(i, j + 1, 1);
      if (!x || !y) continue;
      if (x.kind === 'mark' && y.kind === 'mark') relax(i + 1, j + 1, x.text === y.text ? 0 : 1);
      else if (x.kind === 'number' && y.kind === 'number') relax(i + 1, j + 1, x.key !== y.key ? INF : x.text === y.text ? 0 : 1);
      else if (x.kind === 'word' && y.kind === 'word') {
        relax(i + 1, j + 1, typo(x.text, y.text, x.key, y.key));
        // A word split in two, or two joined into one.
        const y2 = b[j + 1];
        if (y2?.kind === 'word') relax(i + 1, j + 2, split(x, y, y2));
        const x2 = a[i + 1];
        if (x2?.kind === 'word') relax(i + 2, j + 1, split(y, x, x2));
      }
    }
  }
  const edits = cost[a.length]![b.length]!;
  return edits === INF ? { kind: 'words' } : { kind: 'changed', edits: Math.max(1, edits) };
}

// ---------------------------------------------------------------------------
// Snapping a fuzzy match to whole words

const RANK: Record<Verdict['kind'], number> = { same: 0, changed: 1, numbers: 2, words: 3 };

/**
 * Snaps a fuzzy match of the quote, text[start, end), to whole words and judges its
 * wording. An edge that falls inside a word (where the quote's did not) may go
 * outward, taking the whole word, or inward, leaving the fragment out; whichever
 * reads closer to the quote wins, outward on a tie. A snapped span must still be
 * within the quote's edit budget: taking a whole word must not let in more change
 * than the match itself was allowed. Undefined when no snapped span is left.
 */
export function snapAndJudge(
  text: string,
  start: number,
  end: number,
  quote: { exact: string; prefix: string; suffix: string },
  foldedQuote: string,
  maxErrors: number,
): { start: number; end: number; verdict: Verdict } | undefined {
  const edges = quoteEdges(quote.exact, quote.prefix, quote.suffix);
  const skipSpaceForward = (i: number) => {
    while (i < text.length && isFoldableSpace(text.charCodeAt(i))) i++;
    return i;
  };
  const skipSpaceBack = (i: number) => {
    while (i > 0 && isFoldableSpace(text.charCodeAt(i - 1))) i--;
    return i;
  };
  // An approximate edge can fall inside an emoji: both whole-character readings are
  // measured (taking the emoji may add an edit when it is not the quote's own).
  const whole = (i: number, first: 1 | -1) => (splitsPair(text, i) ? [i + first, i - first] : [i]);
  const starts = whole(start, -1).flatMap((i) =>
    edges.start && splitsWord(text, i) ? [wordStartBefore(text, i), skipSpaceForward(wordEndAfter(text, i))] : [i],
  );
  const ends = whole(end, 1).flatMap((i) => (edges.end && splitsWord(text, i) ? [wordEndAfter(text, i), skipSpaceBack(wordStartBefore(text, i))] : [i]));
  let best: { start: number; end: number; verdict: Verdict } | undefined;
  const score = (v: Verdict) => RANK[v.kind] * 1e6 + (v.kind === 'changed' ? v.edits : 0);
  for (const s of starts) {
    for (const e of ends) {
      if (e <= s) continue;
      const span = text.slice(s, e);
      // The match itself is within the budget; only a snapped span needs measuring again.
      const folded = s === start && e === end ? '' : foldedForm(span);
      const withinBudget = folded === '' || anchoredDistances(folded, foldedQuote, 0, folded.length)[folded.length]! <= maxErrors;
      // Over the budget it is not a typo-level match, though a changed number is still the better reason to give.
      const wording = compareWording(quote.exact, span);
      const verdict: Verdict = withinBudget || wording.kind === 'numbers' ? wording : { kind: 'words' };
      if (!best || score(verdict) < score(best.verdict)) best = { start: s, end: e, verdict };
    }
  }
  return best;
}
