import { describe, expect, it } from 'vitest';
import type { AnnotationTarget } from '../../../shared/model/parts';
import { anchor, type AnchorResult, makeTarget } from '../../../shared/text/anchor';
import { MAX_SCORED_OCCURRENCES } from '../../../shared/text/anchorContext';

// Where the exact quote occurs more than once, the context chooses: prefix and suffix
// read approximately, together. The trap the character-run reading fell into: words
// share their endings far more than their beginnings ("everything"/"nothing",
// "Верховный"/"Районный", "Серікұлы"/"Серікұлы"), so a hyphen or a typo in the word
// before the quote left every occurrence with the same run of agreeing characters,
// while the same edit after the quote still told them apart.

/** Offset of the nth occurrence of words in text. */
function nth(text: string, words: string, n: number): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(words, at + 1);
    if (at === -1) throw new Error(`test setup: "${words}" occurs fewer than ${n + 1} times`);
  }
  return at;
}

function startOf(result: AnchorResult): number {
  if (result.status === 'orphaned') throw new Error(`expected anchored, got orphaned (${result.cause}): ${result.reason}`);
  return result.start;
}

/** A stored target on the nth occurrence, as makeTarget keeps it, with one side edited (an import that differs a little). */
function storedWith(text: string, quote: string, n: number, edit: { prefix?: (p: string) => string; suffix?: (s: string) => string }): AnnotationTarget {
  const at = nth(text, quote, n);
  const t = makeTarget(text, at, at + quote.length);
  const prefix = edit.prefix ? edit.prefix(t.quote.prefix!) : t.quote.prefix!;
  const suffix = edit.suffix ? edit.suffix(t.quote.suffix!) : t.quote.suffix!;
  expect(prefix + suffix).not.toBe(t.quote.prefix! + t.quote.suffix!); // the edit took
  return { quote: { exact: quote, prefix, suffix } };
}

function replaceOnce(s: string, from: string, to: string): string {
  const i = s.indexOf(from);
  if (i === -1) throw new Error(`test setup: "${from}" not in "${s}"`);
  return s.slice(0, i) + to + s.slice(i + from.length);
}

// ---------------------------------------------------------------------------

describe('a peer client’s cases (Hypothesis match-quote): the closer occurrence, in both directions', () => {
  const TWO_CITIES =
    'It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity, it was the season of Light, it was the season of Darkness, it was the spring of hope, it was the winter of despair, we had everything before us, we had nothing before us, we were all going direct to Heaven, we were all going direct the other way.';
  const cases = [
    // prefix only, exact and approximate: a hyphen added, a word misspelt
    { quote: 'before us', prefix: 'we had everything', expected: 'before us, we had nothing' },
    { quote: 'before us', prefix: 'we had nothing', expected: 'before us, we were all going' },
    { quote: 'before us', prefix: 'we had every-thing', expected: 'before us, we had nothing' },
    { quote: 'before us', prefix: 'we had nuthing', expected: 'before us, we were all going' },
    // suffix only, the same edits
    { quote: 'we had', suffix: 'everything', expected: 'we had everything' },
    { quote: 'we had', suffix: 'nothing', expected: 'we had nothing' },
    { quote: 'we had', suffix: 'ever ting', expected: 'we had everything' },
    { quote: 'we had', suffix: 'nutting', expected: 'we had nothing' },
  ];

  for (const c of cases) {
    const side = c.prefix !== undefined ? `prefix "${c.prefix}"` : `suffix "${c.suffix}"`;
    it(`${c.quote} with ${side}, as they store it and with the space at the joint`, () => {
      const bare = { exact: c.quote, ...(c.prefix ? { prefix: c.prefix } : {}), ...(c.suffix ? { suffix: c.suffix } : {}) };
      const spaced = { exact: c.quote, ...(c.prefix ? { prefix: c.prefix + ' ' } : {}), ...(c.suffix ? { suffix: ' ' + c.suffix } : {}) };
      for (const quote of [bare, spaced]) {
        const r = anchor(TWO_CITIES, { quote });
        expect(r).toMatchObject({ status: 'anchored', method: 'quote' });
        expect(startOf(r)).toBe(TWO_CITIES.indexOf(c.expected));
      }
    });
  }

  it('a context more different than alike is not evidence: "nout" for "nothing" is orphaned, not guessed', () => {
    // Hypothesis always takes its best-scoring match; here 5 of the 11 characters differ,
    // past the 40 % both stages allow, and the note is orphaned rather than placed.
    const r = anchor(TWO_CITIES, { quote: { exact: 'before us', prefix: 'we had nout' } });
    expect(r).toMatchObject({ status: 'orphaned', cause: 'context' });
  });
});

describe('Russian: a typo in the word before the quote, and the same after it', () => {
  // Two rulings with the same boilerplate after the quote; the courts' names share their ending.
  const TEXT = [
    'Постановлением от 14 марта 2023 года Верховный суд отклонил жалобу защиты, поданную в интересах осуждённого, без рассмотрения.',
    'Постановлением от 21 июня 2023 года Районный суд отклонил жалобу защиты, поданную в интересах осуждённого, без рассмотрения.',
  ].join('\n');
  const QUOTE = 'отклонил жалобу защиты';

  it('a doubled letter in "Верховный" lands on the Supreme Court’s ruling, not on the district court’s', () => {
    // Read outwards character by character, "Верховнный суд " agrees with "Районный суд "
    // one character longer than with "Верховный суд ": that reading chose the wrong ruling.
    const t = storedWith(TEXT, QUOTE, 0, { prefix: (p) => replaceOnce(p, 'Верховный', 'Верховнный') });
    expect(startOf(anchor(TEXT, t))).toBe(nth(TEXT, QUOTE, 0));
  });

  it('a hyphen put into the word before the quote lands on the closer occurrence', () => {
    const t = storedWith(TEXT, QUOTE, 1, { prefix: (p) => replaceOnce(p, 'Районный суд', 'Район-ный суд') });
    expect(startOf(anchor(TEXT, t))).toBe(nth(TEXT, QUOTE, 1));
  });

  it('the same edits after the quote land the same way', () => {
    // Mirror image: the rulings differ after the quote, the words there share their beginning.
    const mirror = [
      'Суд отклонил жалобу защиты Верховного комитета по делу № 2-114/2023 от 14 марта.',
      'Суд отклонил жалобу защиты Верховного совета по делу № 7-981/2024 от 21 июня.',
    ].join('\n');
    const q = 'отклонил жалобу защиты';
    const first = storedWith(mirror, q, 0, { suffix: (s) => replaceOnce(s, 'Верховного', 'Верхховного') });
    expect(startOf(anchor(mirror, first))).toBe(nth(mirror, q, 0));
    const second = storedWith(mirror, q, 1, { suffix: (s) => replaceOnce(s, 'Верховного совета', 'Верховного со-вета') });
    expect(startOf(anchor(mirror, second))).toBe(nth(mirror, q, 1));
  });
});

describe('Kazakh: a letter typed on a Russian keyboard, and a hyphen', () => {
  // Қ Ө Ү Ұ Ә Ғ Ң І Һ are often typed as their Russian look-alikes.
  const TEXT = [
    'Өтінішті Әділет Серікұлы өтінішін Үкіметке жолдады, жауап әлі жоқ. Қоғамдық бірлестік Һ-қор мәлімдеме жасады.',
    'Өтінішті Ғалым Серікұлы өтінішін Үкіметке жолдады, жауап әлі жоқ. Ұлттық комиссия Ң-тізімін жариялады.',
  ].join('\n');
  const QUOTE = 'Үкіметке жолдады';

  it('"Серикұлы" (и for і) before the quote lands on the closer occurrence, whichever it is', () => {
    for (const n of [0, 1]) {
      const t = storedWith(TEXT, QUOTE, n, { prefix: (p) => replaceOnce(p, 'Серікұлы', 'Серикұлы') });
      expect(startOf(anchor(TEXT, t))).toBe(nth(TEXT, QUOTE, n));
    }
  });

  it('Russian look-alikes for Қ Ө Ү Ұ Ә Ғ Ң І Һ after the quote land on the closer occurrence', () => {
    // The boilerplate before the quote is the same in both; after it, the first letters differ.
    const text = [
      'Құжат бойынша Үкіметке жолдады: Қоғамдық Һ-қор Әділет үшін Ғылым орталығына.',
      'Құжат бойынша Үкіметке жолдады: Ұлттық Ң-тізім Өтініш үшін Іргелі орталығына.',
    ].join('\n');
    const lookalike = (s: string) => s.replace('Қоғамдық', 'Коғамдык').replace('Ұлттық', 'Улттык');
    for (const n of [0, 1]) {
      const t = storedWith(text, QUOTE, n, { suffix: lookalike });
      expect(startOf(anchor(text, t))).toBe(nth(text, QUOTE, n));
    }
  });

  it('"Қасым-Жомарт" with its hyphen lost or added, before and after the quote', () => {
    const text = [
      'Өтінішті Қасым-Жомарт Тоқаев алды. Хатты Үкіметке жолдады Қасым-Жомарт Тоқаев өзі, бірден.',
      'Өтінішті Әлихан Смайылов алды. Хатты Үкіметке жолдады Әлихан Смайылов өзі, бірден.',
    ].join('\n');
    const q = 'алды. Хатты Үкіметке жолдады';
    const beforeFirst = storedWith(text, q, 0, { prefix: (p) => replaceOnce(p, 'Қасым-Жомарт', 'Қасым Жомарт') });
    expect(startOf(anchor(text, beforeFirst))).toBe(nth(text, q, 0));
    const afterFirst = storedWith(text, q, 0, { suffix: (s) => replaceOnce(s, 'Қасым-Жомарт', 'Қасым Жомарт') });
    expect(startOf(anchor(text, afterFirst))).toBe(nth(text, q, 0));
  });
});

describe('refusing to guess', () => {
  const SENTENCE = 'Постановлением суда жалоба защиты отклонена, поданная в интересах осуждённого Серікұлы.';

  it('occurrences whose context is equally close are orphaned as ambiguous, without a position', () => {
    // The same sentence twice: any edit to the stored context is as far from one as from the other.
    const text = `${SENTENCE}\nПовторно: ${SENTENCE}`;
    for (const edit of [
      { prefix: (p: string) => replaceOnce(p, 'суда', 'су-да') },
      { suffix: (s: string) => replaceOnce(s, 'поданная', 'поданая') },
      { suffix: (s: string) => replaceOnce(s, 'интересах', 'интересах,') },
    ]) {
      const t = storedWith(text, 'жалоба защиты отклонена', 0, edit);
      expect(anchor(text, t)).toMatchObject({ status: 'orphaned', cause: 'ambiguous' });
    }
  });

  it('with a position, equally close occurrences go to the nearest, as identical ones always did', () => {
    const text = `${SENTENCE}\nПовторно: ${SENTENCE}`;
    const second = nth(text, 'жалоба защиты отклонена', 1);
    const t = storedWith(text, 'жалоба защиты отклонена', 1, { prefix: (p) => replaceOnce(p, 'суда', 'су-да') });
    const moved = '— ' + text;
    expect(startOf(anchor(moved, { ...t, position: { start: second, end: second + 23 } }))).toBe(second + 2);
  });

  it('a rival one edit further than an approximate best is a near tie: orphaned, whatever the position says', () => {
    const text = [
      'Суд отклонил жалобу защиты по делу № 2-114/2023, рассмотрев материалы дела.',
      'Суд отклонил жалобу защиты по делу № 2-117/2023, рассмотрев материалы дела.',
    ].join('\n');
    const q = 'отклонил жалобу защиты';
    // "№2-114" (space lost) is one edit from the first, two from the second.
    const t = storedWith(text, q, 0, { suffix: (s) => replaceOnce(s, '№ 2-114', '№2-114') });
    expect(anchor(text, t)).toMatchObject({ status: 'orphaned', cause: 'ambiguous' });
    const at = nth(text, q, 0);
    expect(anchor(text, { ...t, position: { start: at, end: at + q.length } })).toMatchObject({ status: 'orphaned', cause: 'ambiguous' });
  });

  it('a rival only two edits closer overall does not decide: orphaned rather than risk the wrong place', () => {
    // Found by generating edits: the word after the annotated "Серікұлы" was replaced, and
    // another "Серікұлы" has the stored words around it but for two commas (3 edits,
    // against 5 for the note's own place). A lead of two edits is not enough to move it.
    const text = 'районный Серікұлы Қасым-Жомарт Серікұлы, районный Серікұлы, Өтініш районный, Серікұлы\nҚасым-Жомарт. Серікұлы районный';
    const at = text.lastIndexOf('Серікұлы');
    const t = makeTarget(text, at, at + 8);
    const edited = text.slice(0, at + 8) + ' Верховный';
    expect(anchor(edited, t)).toMatchObject({ status: 'orphaned', cause: 'ambiguous' });
  });

  it('an exact context still wins over a rival one edit off', () => {
    const text = [
      'Суд отклонил жалобу защиты по делу № 2-114/2023, рассмотрев материалы дела.',
      'Суд отклонил жалобу защиты по делу № 2-117/2023, рассмотрев материалы дела.',
    ].join('\n');
    const q = 'отклонил жалобу защиты';
    const at = nth(text, q, 1);
    const t = makeTarget(text, at, at + q.length);
    expect(startOf(anchor('Дополнено.\n' + text, { quote: t.quote }))).toBe(at + 'Дополнено.\n'.length);
  });

  it('no occurrence with context close enough: orphaned, even for a quote long enough to vouch for itself when found once', () => {
    const quote = 'суд отклонил ходатайство защиты о вызове свидетелей обвинения';
    expect(quote.length).toBeGreaterThanOrEqual(40);
    const text = `Первое заседание: ${quote}, и заседание отложено.\nВторое заседание, через месяц: ${quote}; прокурор возражал.`;
    const t: AnnotationTarget = { quote: { exact: quote, prefix: 'Телеграм-канал сообщает, что ', suffix: ' — пишет издание со ссылкой на' } };
    expect(anchor(text, t)).toMatchObject({ status: 'orphaned', cause: 'context' });
    // Found once, the same quote is taken without its context, as before.
    const once = text.slice(0, text.indexOf('\n'));
    expect(anchor(once, t)).toMatchObject({ status: 'anchored', start: once.indexOf(quote) });
  });

  it('no context close enough for a short quote either', () => {
    const text = 'Суд отклонил жалобу. Позже суд отклонил жалобу снова.';
    const t: AnnotationTarget = { quote: { exact: 'отклонил жалобу', prefix: 'Өтініш бойынша комиссия ', suffix: ' мерзімінде қарады' } };
    expect(anchor(text, t)).toMatchObject({ status: 'orphaned', cause: 'context' });
  });

  it('a typo fixed in the annotated passage: found there as changed, not at the exact old words repeated elsewhere', () => {
    // The annotated passage had a typo fixed (now found only approximately, its context
    // intact); the exact old words survive in two other places with other context.
    const typo = 'суд отклонил ходатайстово защиты';
    const fixed = 'суд отклонил ходатайство защиты';
    const text = `Хроника. Вчера ${fixed} о вызове свидетелей.\nВ другом деле ${typo}, как сообщалось.\nИ ещё ${typo} в третьем деле.`;
    const t: AnnotationTarget = { quote: { exact: typo, prefix: 'Хроника. Вчера ', suffix: ' о вызове свидетелей.' } };
    expect(anchor(text, t)).toMatchObject({ status: 'changed', start: text.indexOf(fixed) });
  });
});

describe('work per annotation is bounded', () => {
  /** n paragraphs, each with the quote once, told apart by a register code a few words before it. */
  function paragraphs(n: number): string {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const code = ((i * 7919) % 1_000_003).toString(36).toUpperCase();
      out.push(`Эпизод ${i}, реестр ${code}: районный суд отклонил ходатайство защиты о вызове свидетеля, протокол № ${i}.`);
    }
    return out.join('\n');
  }
  const QUOTE = 'отклонил ходатайство защиты';
  /** The stored target on paragraph k, with a hyphen added right before the quote. */
  const hyphenated = (text: string, k: number) => storedWith(text, QUOTE, k, { prefix: (p) => replaceOnce(p, 'районный суд ', 'районный-суд ') });

  it(`scores up to ${MAX_SCORED_OCCURRENCES} occurrences: an approximate prefix still finds its paragraph`, () => {
    const text = paragraphs(MAX_SCORED_OCCURRENCES);
    const k = 737;
    expect(startOf(anchor(text, hyphenated(text, k)))).toBe(nth(text, QUOTE, k));
  });

  it('past that, only an occurrence with its context intact is taken; an approximate one is orphaned and told why', () => {
    const text = paragraphs(MAX_SCORED_OCCURRENCES + 1);
    const k = 737;
    const r = anchor(text, hyphenated(text, k));
    expect(r).toMatchObject({ status: 'orphaned', cause: 'ambiguous' });
    expect(r.status === 'orphaned' && r.reason).toMatch(/occur 1001 times, more than the 1,000/);
    const at = nth(text, QUOTE, k);
    expect(startOf(anchor(text, { quote: makeTarget(text, at, at + QUOTE.length).quote }))).toBe(at);
  });

  it('a quote that occurs 10,000 times in a 3 MB source: intact context found, approximate refused, typo refused', () => {
    const text = paragraphs(10_000) + '\n' + 'Прочие материалы дела рассмотрены, замечаний нет. '.repeat(30_000);
    expect(text.length).toBeGreaterThan(1_500_000); // 3 MB of UTF-16
    const k = 9_321;
    const at = nth(text, QUOTE, k);
    const intact = makeTarget(text, at, at + QUOTE.length).quote;
    expect(startOf(anchor(text, { quote: intact }))).toBe(at);
    expect(anchor(text, hyphenated(text, k))).toMatchObject({ status: 'orphaned', cause: 'ambiguous' });
    // A typo in the quote sends it to the fuzzy stage, which stops at the same bound.
    const typo = anchor(text, { quote: { ...intact, exact: 'отклонил ходатайстово защиты' } });
    expect(typo).toMatchObject({ status: 'orphaned', cause: 'ambiguous' });
    expect(typo.status === 'orphaned' && typo.reason).toMatch(/more than 1,000 places/);
  });
});
