// Dates as people type them ("22.02.2021", "22 февраля 2021 г.", "2021 жылғы 22 ақпан",
// "Feb 2021") turned into the PartialDate the model stores, and PartialDates written back
// in each interface language's own form. Pure: no node:, no DOM, no Intl — Chromium's ICU
// has no Kazakh month names, so the names come from the project's table (./monthNames),
// the written form from ./formatDate, and every written form parses back to the same
// value (tested as a property).
import { parsePartialDate } from './partialDate';
import { MONTH_NAMES, type DateLanguage } from './monthNames';
import { formatPartialDate as writtenPartialDate } from './formatDate';

export { type DateLanguage, dateLanguage } from './monthNames';

/** Why a text is not a date; the UI maps each reason to a message in the interface language. */
export type DateInputError =
  | 'empty'
  /** Not in any form we read. */
  | 'unrecognised'
  /** A form we read, but no such calendar day or month (31.02.2021, 13.2021). */
  | 'not-a-date'
  /** "22.02.21": the century is a guess we refuse to make. */
  | 'two-digit-year'
  /** "22 February": a day and month without a year. */
  | 'missing-year';

/** `approximate` when the text said so ("c. 1967", "около 1967", "шамамен 1967"). */
export type DateInputResult = { ok: true; value: string; approximate?: true } | { ok: false; error: DateInputError };

// "c. 1967", "ca. 1967", "about 1967", "около 1967 г.", "ок. 1967", "примерно 1967",
// "шамамен 1967": what a lawyer writes for a birth year known roughly.
const APPROXIMATE = /^(?:c\.|ca\.|circa|about|approx\.|approximately|около|ок\.|примерно|приблизительно|приблиз\.|шамамен|шам\.|~)(?=\s|\d|$)\s*/;

const EN_MONTHS = MONTH_NAMES.en.nominative.map((m) => m.toLowerCase());
const EN_ABBR = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// Russian stems take the case endings below (февраль, февраля, феврале, февралю, февралём);
// май is irregular enough to be listed whole.
const RU_STEMS = ['январ', 'феврал', 'март', 'апрел', '', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];
const RU_ENDINGS = new Set(['', 'ь', 'я', 'е', 'ю', 'ем', 'ём', 'а', 'у', 'ом']);
const RU_MAY = new Set(['май', 'мая', 'мае', 'маю', 'маем']);
const RU_ABBR: Record<string, number> = {
  янв: 1, фев: 2, февр: 2, мар: 3, апр: 4, июн: 6, июл: 7, авг: 8, сен: 9, сент: 9, окт: 10, ноя: 11, нояб: 11, дек: 12,
};

const KK_MONTHS = MONTH_NAMES.kk.nominative;

/**
 * Kazakh letters folded to the Russian keyboard's nearest ones, so "акпан" and "сэуир"
 * (typed without a Kazakh layout) match ақпан and сәуір. Latin i stands in for і too.
 */
function foldKazakh(s: string): string {
  return s.replace(/[әэқңғүұөһіi]/g, (c) => ({ ә: 'а', э: 'а', қ: 'к', ң: 'н', ғ: 'г', ү: 'у', ұ: 'у', ө: 'о', һ: 'х', і: 'и', i: 'и' })[c] ?? c);
}
const KK_FOLDED = KK_MONTHS.map(foldKazakh);
// What may follow a Kazakh month name (after folding): the possessive -ы/-сы ("ақпаны"),
// then a case ending: genitive "ақпанның", locative "ақпанда", dative "ақпанға",
// accusative "ақпанды", ablative "ақпаннан".
const KK_SUFFIX = /^(?:ы|и|сы|си)?(?:н|нын|нин|дын|дин|тын|тин|да|де|та|те|нда|нде|га|ге|ка|ке|на|не|ны|ни|ды|ди|ты|ти|нан|нен|дан|ден|тан|тен)?$/;

/** The month (1..12) a word names in English, Russian or Kazakh, in any case or abbreviated. */
function monthOf(word: string): number | null {
  const w = word.replace(/\.$/, '');
  if (w === '') return null;
  if (/^[a-z]+$/.test(w)) {
    const full = EN_MONTHS.indexOf(w);
    if (full >= 0) return full + 1;
    const abbr = EN_ABBR.indexOf(w);
    if (abbr >= 0) return abbr + 1;
    if (w === 'sept') return 9;
  }
  // The table's own forms first (what formatDate writes), then the other cases by stem.
  for (const form of [MONTH_NAMES.ru.nominative, MONTH_NAMES.ru.afterDay]) {
    const i = form.indexOf(w);
    if (i >= 0) return i + 1;
  }
  if (RU_MAY.has(w)) return 5;
  if (RU_ABBR[w] !== undefined) return RU_ABBR[w];
  const ru = RU_STEMS.findIndex((stem) => stem !== '' && w.startsWith(stem) && RU_ENDINGS.has(w.slice(stem.length)));
  if (ru >= 0) return ru + 1;
  const f = foldKazakh(w);
  const kk = KK_FOLDED.findIndex((name) => f.startsWith(name) && KK_SUFFIX.test(f.slice(name.length)));
  if (kk >= 0) return kk + 1;
  return null;
}

// Words that carry no date: "г."/"года" (year), "жылғы"/"ж." (Kazakh year), "в феврале",
// "числа" ("22-го числа"), "айы" (Kazakh "month of").
const FILLER = new Set([
  'г', 'гг', 'год', 'года', 'году', 'годом', 'в', 'во', 'числа',
  'ж', 'жыл', 'жылы', 'жылғы', 'жылгы', 'жылдың', 'жылдын', 'жылында', 'айы', 'айының', 'айынын', 'айында',
  'of', 'the', 'on', 'in', 'year',
]);

// "2021", "2021г.", "2021-жылы", "2021ж."
const YEAR_TOKEN = /^(\d{4})(?:-?(?:г|года|году|год|ж|жыл|жылы|жылғы|жылгы))?\.?$/;
// "22", "22-го", "22-е", Kazakh "22-сі" / "9-ы" (the day "of" a month) and ordinals
// "22-ші" / "9-шы" / "7-інші", "22nd", "22."
const DAY_TOKEN = /^(\d{1,2})(?:-?(?:го|е|ое|ого|ы|і|и|сы|сі|си|шы|ші|ши|ншы|нші|ыншы|інші|st|nd|rd|th))?\.?$/;

function result(year: number, month?: number, day?: number): DateInputResult {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  let value = pad(year, 4);
  if (month !== undefined) value += `-${pad(month, 2)}`;
  if (day !== undefined) value += `-${pad(day, 2)}`;
  return parsePartialDate(value) ? { ok: true, value } : { ok: false, error: 'not-a-date' };
}

/** Numbers only: ISO, DD.MM.YYYY, DD/MM/YYYY, DD-MM-YYYY, MM.YYYY, MM/YYYY, YYYY. */
function parseNumeric(s: string): DateInputResult | null {
  let m = /^(\d{4})$/.exec(s);
  if (m) return result(Number(m[1]));
  // Year first: ISO (2021-02-22) and the same with dots or slashes.
  m = /^(\d{4})([-./])(\d{1,2})(?:\2(\d{1,2}))?$/.exec(s);
  if (m) return result(Number(m[1]), Number(m[3]), m[4] === undefined ? undefined : Number(m[4]));
  // Day first, as Kazakhstan and Russia write: 22.02.2021, 22/02/2021, 22-02-2021.
  m = /^(\d{1,2})([-./])(\d{1,2})\2(\d+)$/.exec(s);
  if (m) {
    const year = m[4] ?? '';
    if (year.length === 2) return { ok: false, error: 'two-digit-year' };
    if (year.length !== 4) return { ok: false, error: 'unrecognised' };
    return result(Number(year), Number(m[3]), Number(m[1]));
  }
  m = /^(\d{1,2})[-./](\d+)$/.exec(s);
  if (m) {
    // 02.2021; "02.21" might be a month of '21 or the 2nd of some February: refuse.
    const year = m[2] ?? '';
    if (year.length === 4) return result(Number(year), Number(m[1]));
    if (year.length <= 2) return { ok: false, error: 'two-digit-year' };
    return { ok: false, error: 'unrecognised' };
  }
  if (/^\d{1,2}$/.test(s)) return { ok: false, error: 'two-digit-year' };
  return null;
}

/** Reads a date the way a person types it; returns the PartialDate to store or why not. */
export function parseDateInput(text: string): DateInputResult {
  const s = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
  if (s === '') return { ok: false, error: 'empty' };
  const marker = APPROXIMATE.exec(s);
  if (!marker) return parseExact(s);
  const rest = s.slice(marker[0].length);
  if (rest === '') return { ok: false, error: 'unrecognised' };
  const r = parseExact(rest);
  return r.ok ? { ok: true, value: r.value, approximate: true } : r;
}

function parseExact(s: string): DateInputResult {
  const tokens = s
    .split(/[\s,]+/)
    .map((t) => t.trim())
    .filter((t) => t !== '' && !FILLER.has(t.replace(/\.$/, '')));
  if (tokens.length === 0) return { ok: false, error: 'unrecognised' };
  if (tokens.length === 1 && tokens[0] !== undefined) {
    // "22.02.2021г." and "2021-жылы" keep their year word glued on.
    const bare = tokens[0].replace(/-?(?:г|года|году|год|ж|жыл|жылы|жылғы|жылгы)\.?$/, '');
    const numeric = parseNumeric(bare);
    if (numeric) return numeric;
  }
  let month: number | undefined;
  let year: number | undefined;
  const small: number[] = [];
  for (const token of tokens) {
    const y = YEAR_TOKEN.exec(token);
    if (y) {
      if (year !== undefined) return { ok: false, error: 'unrecognised' };
      year = Number(y[1]);
      continue;
    }
    const d = DAY_TOKEN.exec(token);
    if (d) {
      small.push(Number(d[1]));
      continue;
    }
    const mo = monthOf(token);
    if (mo !== null) {
      if (month !== undefined) return { ok: false, error: 'unrecognised' };
      month = mo;
      continue;
    }
    return { ok: false, error: 'unrecognised' };
  }
  if (month === undefined) return { ok: false, error: small.length > 0 && year === undefined ? 'two-digit-year' : 'unrecognised' };
  if (year === undefined) {
    // "22 февраля 21" has a two-digit year; "22 февраля" has none.
    if (small.length >= 2) return { ok: false, error: 'two-digit-year' };
    return { ok: false, error: 'missing-year' };
  }
  if (small.length > 1) return { ok: false, error: 'unrecognised' };
  const day = small[0];
  if (day !== undefined && day < 1) return { ok: false, error: 'not-a-date' };
  return result(year, month, day);
}

/**
 * A stored PartialDate in the language's own written form, marked "c." / "ок." / "шамамен"
 * when approximate; unparseable values come back as they are.
 */
export function formatPartialDate(value: string, lang: DateLanguage, approximate = false): string {
  return writtenPartialDate(value, lang, approximate);
}
