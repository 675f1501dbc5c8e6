import { normalizeToken, tokenSpans } from '../../../../shared/text/normalize';
import type { SecretKind } from './secrets';

// The words and numbers of a confidential text that give it away alone (MODEL.md: "a
// surname alone, a phone number without its spaces, a declined form that folds to the
// same stem"), and their forms in a brief's text.

/**
 * Case endings of Russian and Kazakh, cut from a word before it is folded so that
 * "Сәрсенову", "Сәрсеновым", "Сәрсеновке", "Сәрсеновтың" meet "Сәрсенов". Never the
 * surname suffixes themselves (-ов, -ев, -ин, -ова): Асан is not Асанов.
 */
const ENDINGS = [
  // Russian: nouns and surnames in every case, adjectives.
  'а', 'я', 'у', 'ю', 'е', 'ы', 'и', 'ом', 'ем', 'ём', 'ой', 'ей', 'ою', 'ею', 'ым', 'им', 'ых', 'их', 'ыми', 'ими',
  'ам', 'ям', 'ами', 'ями', 'ах', 'ях', 'ого', 'его', 'ому', 'ему', 'ую', 'юю', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие',
  // Kazakh: dative, accusative, genitive, locative, ablative, instrumental, possessive, plural.
  'ға', 'ге', 'қа', 'ке', 'на', 'не', 'ны', 'ні', 'ды', 'ді', 'ты', 'ті', 'ның', 'нің', 'дың', 'дің', 'тың', 'тің',
  'да', 'де', 'та', 'те', 'нда', 'нде', 'дан', 'ден', 'тан', 'тен', 'нан', 'нен', 'мен', 'бен', 'пен', 'і', 'сы', 'сі',
  'лар', 'лер', 'дар', 'дер', 'тар', 'тер', 'ларға', 'лерге', 'тарға', 'терге', 'дарға', 'дерге',
];
const ENDINGS_BY_LENGTH = new Map<number, Set<string>>();
for (const e of ENDINGS) {
  const set = ENDINGS_BY_LENGTH.get(e.length) ?? new Set<string>();
  set.add(e);
  ENDINGS_BY_LENGTH.set(e.length, set);
}
/** A stem shorter than this is too common to stand for a name. */
const MIN_STEM = 4;
/** "A word of four letters or more" (MODEL.md). */
const MIN_NAME_LETTERS = 4;

const keysMemo = new Map<string, string[]>();

/** The folded forms a word may stand for: itself, and itself less one case ending. */
export function stemKeys(word: string): string[] {
  const cached = keysMemo.get(word);
  if (cached) return cached;
  const lower = word.normalize('NFC').toLocaleLowerCase('und');
  const keys = new Set<string>();
  const whole = normalizeToken(lower);
  if (whole !== '') keys.add(whole);
  for (const [length, set] of ENDINGS_BY_LENGTH) {
    if (lower.length - length >= MIN_STEM && set.has(lower.slice(-length))) {
      const stem = normalizeToken(lower.slice(0, -length));
      if (stem !== '') keys.add(stem);
    }
  }
  const out = [...keys];
  if (keysMemo.size > 100_000) keysMemo.clear();
  keysMemo.set(word, out);
  return out;
}

const CAPITAL = /^\p{Lu}/u;
const LETTER = /\p{L}/gu;
const DIGIT = /\p{N}/u;
/** A surname's or patronymic's shape, in the region's scripts. */
const SURNAME = /(?:ов|ев|ёв|ин|ова|ева|ина|ұлы|улы|қызы|кызы|ович|евич|овна|евна|ский|ская|енко|баев|бек|ov|ev|in|ova|eva|ina|uly|ulu|kyzy|qyzy|ovich|evich|ovna|evna|sky|skiy|skaya|enko|bayev|baev|bek)$/iu;
/** What ends a sentence: the next capitalised word may be capitalised only for that. */
const SENTENCE_END = /[.!?…:;\n«"“(]\s*$|^\s*$/u;

const letters = (w: string) => w.match(LETTER)?.length ?? 0;

/**
 * The words of a confidential text that name someone, by the rules of its kind (see
 * SecretKind): four letters or more, capitalised, no digits.
 */
export function nameWords(text: string, kind: SecretKind): string[] {
  if (kind === 'exact') return [];
  const spans = tokenSpans(text);
  const capital = spans.map((s) => CAPITAL.test(s.text) && !DIGIT.test(s.text));
  const out: string[] = [];
  spans.forEach((s, i) => {
    if (!capital[i] || letters(s.text) < MIN_NAME_LETTERS) return;
    if (kind === 'name') {
      out.push(s.text);
      return;
    }
    if (SENTENCE_END.test(text.slice(Math.max(0, s.start - 4), s.start))) return;
    // Beside another capitalised word with only a space between ("Нұрлан Сәрсенов"), or shaped like a surname.
    const joined = (j: number) => j >= 0 && j < spans.length && capital[j] && /^[ \u00a0]$/u.test(j < i ? text.slice(spans[j]!.end, s.start) : text.slice(s.end, spans[j]!.start));
    if (joined(i - 1) || joined(i + 1) || SURNAME.test(s.text)) out.push(s.text);
  });
  return out;
}

// --- numbers -------------------------------------------------------------------

/** A run of digits a person would write with spaces, dashes, dots, brackets or a plus between groups. */
const NUMBER_SPAN = /\d(?:[ \u00a0\u202f\-–()./+]{0,3}\d)*/g;
/** Six digits or more: a phone, an ID, a passport or account number (a year or an article is shorter). */
const MIN_DIGITS = 6;
const YEAR = /^(?:1[89]|20)\d\d$/;
const AMOUNT = /^\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+$/;

/** The digit strings of a text: each number with its spaces and signs removed. */
export function digitRuns(text: string): string[] {
  return [...text.matchAll(NUMBER_SPAN)].map((m) => m[0].replace(/\D/g, ''));
}

/**
 * The numbers of a confidential text that identify something: six digits or more, not a
 * date ("2021-02-16", "16.02.2021", "2019–2021") and not an amount ("2 000 000").
 */
export function secretNumbers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(NUMBER_SPAN)) {
    const span = m[0];
    const groups = span.split(/\D+/).filter(Boolean);
    const digits = groups.join('');
    if (digits.length < MIN_DIGITS) continue;
    if (groups.some((g) => YEAR.test(g)) && groups.every((g) => YEAR.test(g) || g.length <= 2)) continue;
    if (AMOUNT.test(span)) continue;
    out.push(digits);
  }
  return out;
}

/**
 * The forms a number may take in print: all its digits, and for a long one its last ten
 * — a phone number written with its trunk prefix instead of the country code
 * (+7 701 234 56 78 as 8 701 234 56 78).
 */
export function numberForms(digits: string): string[] {
  return digits.length > 10 ? [digits, digits.slice(-10)] : [digits];
}

/**
 * Every digit string of a brief, and the same less up to two digits at either end, so a
 * number is found inside a longer run only when little was added to it (a trunk prefix,
 * a country code), not inside any long number by chance.
 */
export function digitIndex(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of digitRuns(text)) {
    if (run.length < MIN_DIGITS) continue;
    for (let head = 0; head <= 2; head++) {
      for (let tail = 0; head + tail <= 2; tail++) {
        const part = run.slice(head, run.length - tail);
        if (part.length >= MIN_DIGITS) out.add(part);
      }
    }
  }
  return out;
}
