import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchor, CONTEXT_LENGTH, makeTarget } from '../../../shared/text/anchor';
import { foldedForm } from '../../../shared/text/anchorFold';

// Properties over generated texts. The vocabulary mixes Russian, Kazakh, Latin,
// digits, right-to-left words and emoji, and is small enough that words and phrases
// repeat, which is where a careless anchor goes wrong.

const VOCABULARY = [
  'суд', 'Суд', 'отклонил', 'ходатайство', 'защиты', 'Қасым-Жомарт', 'Тоқаев', 'Әділет', 'Өтініш', 'Үкімет',
  'Ұлттық', 'Ғылым', 'Һ', 'Іс', 'Ң', 'статья', '174', '405', 'ICCPR', 'Human', 'Rights', 'KIBHR', 'Almaty',
  'حقوق', 'الإنسان', 'זכויות', '🙂', '👩🏽‍⚖️', '🇰🇿', '«показательный»', '—',
];
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', '\n', '\n\n'];

const words = fc.array(fc.constantFrom(...VOCABULARY), { minLength: 3, maxLength: 60, size: 'max' });
const separators = (n: number) => fc.array(fc.constantFrom(...SEPARATORS), { minLength: n, maxLength: n });

type Doc = { text: string; wordStarts: number[]; wordEnds: number[] };

function join(ws: readonly string[], seps: readonly string[]): Doc {
  let text = '';
  const wordStarts: number[] = [];
  const wordEnds: number[] = [];
  ws.forEach((w, i) => {
    if (i > 0) text += seps[i - 1];
    wordStarts.push(text.length);
    text += w;
    wordEnds.push(text.length);
  });
  return { text, wordStarts, wordEnds };
}

const doc = words.chain((ws) => separators(ws.length - 1).map((seps) => ({ ws, seps, ...join(ws, seps) })));

/** A document and a span of 1..4 whole words in it. */
const docWithQuote = doc.chain((d) =>
  fc
    .integer({ min: 0, max: d.ws.length - 1 })
    .chain((first) => fc.integer({ min: first, max: Math.min(d.ws.length - 1, first + 3) }).map((last) => ({ ...d, first, last }))),
);

function countOf(text: string, s: string): number {
  let n = 0;
  for (let i = text.indexOf(s); i !== -1; i = text.indexOf(s, i + 1)) n++;
  return n;
}

/** Offsets between whole characters (never inside a surrogate pair). */
function charBoundaries(text: string): number[] {
  const out = [0];
  let i = 0;
  for (const ch of text) {
    i += ch.length;
    out.push(i);
  }
  return out;
}

describe('anchor properties', () => {
  it('an unchanged text anchors every selection by its position', () => {
    fc.assert(
      fc.property(doc, fc.nat(), fc.nat(), ({ text }, a, b) => {
        const bounds = charBoundaries(text);
        let s = bounds[a % bounds.length]!;
        let e = bounds[b % bounds.length]!;
        if (s > e) [s, e] = [e, s];
        fc.pre(s < e);
        expect(anchor(text, makeTarget(text, s, e))).toEqual({ status: 'anchored', start: s, end: e, method: 'position' });
      }),
      { numRuns: 300 },
    );
  });

  it('inserting text anywhere outside the quote keeps it anchored on the same words', () => {
    fc.assert(
      fc.property(docWithQuote, fc.nat(), words, (d, at, insertedWords) => {
        const s = d.wordStarts[d.first]!;
        const e = d.wordEnds[d.last]!;
        // The quote has some context on both sides (at a text's very edge, an edit next
        // to a short quote leaves nothing to recognise it by, and orphaning is right).
        fc.pre(s >= 8 && d.text.length - e >= 8);
        const target = makeTarget(d.text, s, e);
        const outside = charBoundaries(d.text).filter((i) => i <= s || i >= e);
        const pos = outside[at % outside.length]!;
        const inserted = ' ' + insertedWords.join(' ') + ' ';
        const edited = d.text.slice(0, pos) + inserted + d.text.slice(pos);
        const quote = d.text.slice(s, e);
        fc.pre(countOf(foldedForm(edited), foldedForm(quote)) === 1);
        const shift = pos <= s ? inserted.length : 0;
        expect(anchor(edited, target)).toMatchObject({ status: 'anchored', start: s + shift, end: e + shift });
      }),
      { numRuns: 400 },
    );
  });

  it('edits beyond the context keep a repeated quote on its own occurrence', () => {
    fc.assert(
      fc.property(docWithQuote, fc.nat(), fc.nat({ max: 40 }), words, (d, at, cut, insertedWords) => {
        const s = d.wordStarts[d.first]!;
        const e = d.wordEnds[d.last]!;
        const target = makeTarget(d.text, s, e);
        const window = (target.quote.prefix ?? '') + target.quote.exact + (target.quote.suffix ?? '');
        // Replace a stretch that lies wholly outside the quote and its stored context.
        const far = charBoundaries(d.text).filter((i) => i < s - CONTEXT_LENGTH || i > e + CONTEXT_LENGTH);
        fc.pre(far.length > 0);
        const from = far[at % far.length]!;
        const limit = from < s ? s - CONTEXT_LENGTH : d.text.length;
        const to = charBoundaries(d.text).filter((i) => i >= from && i <= limit && i <= from + cut).at(-1)!;
        const inserted = insertedWords.join(' ');
        const edited = d.text.slice(0, from) + inserted + d.text.slice(to);
        // Identical context around another occurrence would leave nothing to tell them apart.
        fc.pre(countOf(edited, window) === 1);
        const shift = from < s ? inserted.length - (to - from) : 0;
        expect(anchor(edited, target)).toMatchObject({ status: 'anchored', start: s + shift, end: e + shift });
      }),
      { numRuns: 400 },
    );
  });

  it('re-flowing whitespace anywhere keeps the quote on the same words', () => {
    fc.assert(
      fc.property(docWithQuote, fc.array(fc.constantFrom(' ', '  ', '\n', ' \n', '\r\n', '\t', '\u00a0'), { minLength: 60, maxLength: 60 }), (d, spaces) => {
        const s = d.wordStarts[d.first]!;
        const e = d.wordEnds[d.last]!;
        const target = makeTarget(d.text, s, e);
        fc.pre(countOf(foldedForm(d.text), foldedForm(d.text.slice(s, e))) === 1);
        // Each separator keeps its punctuation but gets new whitespace.
        const seps = d.seps.map((sep, i) => sep.replace(/\s+/g, spaces[i % spaces.length]!));
        const edited = join(d.ws, seps);
        const r = anchor(edited.text, target);
        expect(r).toMatchObject({ status: 'anchored', start: edited.wordStarts[d.first], end: edited.wordEnds[d.last] });
      }),
      { numRuns: 400 },
    );
  });

  it('an anchored result always holds the quote or words within a few edits of it', () => {
    // Whatever happens to the text, a result never points at unrelated words.
    fc.assert(
      fc.property(docWithQuote, doc, fc.nat(), (d, other, at) => {
        const s = d.wordStarts[d.first]!;
        const e = d.wordEnds[d.last]!;
        const target = makeTarget(d.text, s, e);
        const cutAt = charBoundaries(other.text)[at % (charBoundaries(other.text).length)]!;
        const edited = other.text.slice(0, cutAt) + d.text.slice(Math.max(0, s - 10), e - 1) + other.text.slice(cutAt);
        const r = anchor(edited, target);
        if (r.status !== 'orphaned') {
          const found = foldedForm(edited.slice(r.start, r.end));
          const quote = foldedForm(target.quote.exact);
          // A match is trimmed of whitespace at its ends, which the distance may have counted.
          const distance = Math.min(...[found, ' ' + found, found + ' ', ' ' + found + ' '].map((f) => levenshtein(f, quote)));
          expect(distance).toBeLessThanOrEqual(Math.floor(quote.length * 0.15));
        }
      }),
      { numRuns: 300 },
    );
  });
});

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1));
    prev = cur;
  }
  return prev[b.length]!;
}

describe('anchor properties: typo fixes', () => {
  it('a one-letter fix inside a quote of 16+ characters is changed on the same span, or orphaned; never anchored', () => {
    const letters = fc.constantFrom('а', 'о', 'Қ', 'ү', 'e', 'x', '1');
    fc.assert(
      fc.property(docWithQuote, fc.nat(), letters, (d, at, letter) => {
        const s = d.wordStarts[d.first]!;
        const e = d.wordEnds[d.last]!;
        const quote = d.text.slice(s, e);
        fc.pre(quote.length >= 16 && s >= 8 && d.text.length - e >= 8);
        // Substitute one whole BMP character of the quote (not part of a surrogate pair or space).
        const inside = charBoundaries(quote).filter((i) => i < quote.length && quote.codePointAt(i)! < 0x10000 && !/\s/.test(quote[i]!));
        const i = inside[at % inside.length]!;
        fc.pre(quote[i] !== letter);
        const edited = d.text.slice(0, s + i) + letter + d.text.slice(s + i + 1);
        fc.pre(countOf(foldedForm(edited), foldedForm(quote)) === 0);
        const r = anchor(edited, makeTarget(d.text, s, e));
        expect(r.status).not.toBe('anchored');
        if (r.status === 'changed') expect(r).toMatchObject({ start: s, end: e });
        // The word the letter fell in: a typo in a word of four letters or more is a
        // change to review; a digit added or replaced changes the numbers.
        const word = /[\p{L}\p{M}]+/gu;
        let hit: string | undefined;
        for (const m of quote.matchAll(word)) if (m.index <= i && i < m.index + m[0].length) hit = m[0];
        if (/\p{L}/u.test(letter) && hit !== undefined && [...hit].length >= 4) expect(r.status).toBe('changed');
        if (letter === '1' || /\p{Nd}/u.test(quote[i]!)) expect(r).toMatchObject({ status: 'orphaned', cause: 'numbers' });
      }),
      { numRuns: 300 },
    );
  });
});
