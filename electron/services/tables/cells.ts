import type { Term } from '../../../shared/model';
import { parseAmountInput } from '../../../shared/text/amountInput';
import { parseDateInput, type DateInputError } from '../../../shared/text/dateInput';
import type { Cell } from '../isolation/tableFile';
import { LABELS } from '../briefs/labels';
import { headerKey } from './headers';

// One cell's text to a value of the model, read the way the case view reads what a person
// types (shared/text: dates in three languages, amounts with any grouping), plus what only
// spreadsheets hold: Excel serial dates and enum values written as labels in any language.

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = (message: string): Read<never> => ({ ok: false, message });

export const cellText = (cell: Cell): string => (cell === null ? '' : typeof cell === 'number' ? String(cell) : cell.replace(/[^\S\n]+/g, ' ').trim());

const DATE_WHY: Record<DateInputError, string> = {
  empty: 'empty',
  unrecognised: 'not a date in any form Casefile reads',
  'not-a-date': 'no such day or month',
  'two-digit-year': 'a two-digit year: write the year in full (2021)',
  'missing-year': 'no year',
};
const DATE_EXPECTED = 'expected a date such as 22.02.2021, 2021-02-22, 22 февраля 2021, 2021 жылғы 22 ақпан, 02.2021 or 2021';

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in); 1 is 1900-01-01, 2958465 is 9999-12-31. */
function fromSerial(n: number): string | null {
  if (!Number.isInteger(n) || n < 1 || n > 2958465) return null;
  return new Date(Date.UTC(1899, 11, 30) + n * 86_400_000).toISOString().slice(0, 10);
}

export function readDate(cell: Cell): Read<string> {
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 1000 && cell <= 2999) return ok(String(cell)); // a year typed as a number
    const day = fromSerial(cell);
    return day ? ok(day) : no(`${DATE_EXPECTED}; got the number ${cell}`);
  }
  const text = cellText(cell);
  const parsed = parseDateInput(text);
  return parsed.ok ? ok(parsed.value) : no(`${DATE_EXPECTED}; got “${text}” (${DATE_WHY[parsed.error]})`);
}

const CURRENCIES: ReadonlyArray<[RegExp, string]> = [
  [/₸|\bkzt\b|тенге|теңге|\bтг\.?/giu, 'KZT'],
  [/\$|\busd\b|долл\.?(?:аров)?|доллар/giu, 'USD'],
  [/€|\beur\b|евро/giu, 'EUR'],
  [/₽|\brub\b|руб\.?(?:лей)?|рубль/giu, 'RUB'],
  [/\bkgs\b|сом/giu, 'KGS'],
  [/\buzs\b|сум/giu, 'UZS'],
];

/** An amount with its currency ("2 000 000 ₸", "2,000,000 KZT", "$500"); tenge when none is written. */
export function readMoney(cell: Cell): Read<{ amount: number; currency: string }> {
  if (typeof cell === 'number') return cell >= 0 ? ok({ amount: cell, currency: 'KZT' }) : no(`expected an amount of 0 or more; got ${cell}`);
  let text = cellText(cell);
  let currency = 'KZT';
  for (const [re, code] of CURRENCIES) {
    if (re.test(text)) {
      currency = code;
      text = text.replace(re, ' ');
    }
    re.lastIndex = 0;
  }
  const parsed = parseAmountInput(text.trim());
  if (parsed.ok) return ok({ amount: parsed.value, currency });
  return no(`expected an amount such as 2 000 000, 2,000,000 or 2 000 000 ₸; got “${cellText(cell)}”`);
}

const UNITS: ReadonlyArray<[RegExp, keyof Term]> = [
  [/^(?:y|yr|yrs|year|years|г|год|года|лет|жыл|жылға)\.?$/u, 'years'],
  [/^(?:m|mo|mos|month|months|мес|месяц|месяца|месяцев|ай|айға)\.?$/u, 'months'],
  [/^(?:d|day|days|дн|день|дня|дней|сут|сутки|суток|күн|күнге|тәулік|тәулікке)\.?$/u, 'days'],
];

/** "7 years 6 months", "7 лет 6 мес.", "10 суток", "5 жыл 6 ай": each number with its unit. */
export function readTerm(text: string): Read<Term> {
  const words = text.toLowerCase().replace(/(\d)([^\d\s.,])/g, '$1 $2').split(/[\s,]+/).filter((w) => w !== '' && w !== 'and' && w !== 'и' && w !== 'және');
  const term: Term = {};
  for (let k = 0; k < words.length; k += 2) {
    const n = Number(words[k]);
    const unit = UNITS.find(([re]) => re.test(words[k + 1] ?? ''))?.[1];
    if (!Number.isInteger(n) || n < 0 || unit === undefined || term[unit] !== undefined) {
      return no(`expected a term with its units, such as 7 years 6 months, 7 лет 6 месяцев, 10 суток or 5 жыл; got “${text}”`);
    }
    term[unit] = n;
  }
  return Object.keys(term).length > 0 ? ok(term) : no(`expected a term such as 7 years 6 months; got “${text}”`);
}

type LabelGroup = 'kind' | 'status' | 'priority' | 'detentionStatus' | 'penaltyType' | 'recognition' | 'measureType' | 'measureStatus' | 'gender';

/** Words NGO lists use for a value besides the brief labels. */
const EXTRA: Partial<Record<LabelGroup, Record<string, string>>> = {
  detentionStatus: { сизо: 'pre_trial', подстражей: 'pre_trial', вколонии: 'imprisoned', заключен: 'imprisoned', осужден: 'imprisoned', освобожден: 'released', насвободе: 'released', prison: 'imprisoned', imprisoned: 'imprisoned', released: 'released', тергеуизоляторы: 'pre_trial', босатылды: 'released' },
  gender: { м: 'male', ж: 'female', муж: 'male', жен: 'female', мужской: 'male', женский: 'female', m: 'male', f: 'female' },
  kind: { prisoner: 'political_prisoner', politicalprisoner: 'political_prisoner', ngo: 'ngo_suspension', нко: 'ngo_suspension', политзаключенный: 'political_prisoner', үеұ: 'ngo_suspension' },
  recognition: { политзаключенный: 'political_prisoner', узниксовести: 'prisoner_of_conscience' },
};

const tables = new Map<LabelGroup, Map<string, string>>();
function tableOf(group: LabelGroup): Map<string, string> {
  let t = tables.get(group);
  if (!t) {
    t = new Map();
    for (const lang of ['en', 'ru', 'kk'] as const) {
      for (const [value, label] of Object.entries(LABELS[lang][group] as Record<string, string>)) {
        t.set(headerKey(value), value);
        if (!t.has(headerKey(label))) t.set(headerKey(label), value);
      }
    }
    for (const [word, value] of Object.entries(EXTRA[group] ?? {})) if (!t.has(headerKey(word))) t.set(headerKey(word), value);
    tables.set(group, t);
  }
  return t;
}

/** An enum value from its code ("pre_trial") or its label in English, Russian or Kazakh. */
export function readLabel<T extends string>(group: LabelGroup, text: string): Read<T> {
  const value = tableOf(group).get(headerKey(text));
  if (value !== undefined) return ok(value as T);
  const some = Object.values(LABELS.en[group] as Record<string, string>).slice(0, 4).join(', ');
  return no(`expected one of the values Casefile knows (${some}, … in English, Russian or Kazakh); got “${text}”`);
}

/** The label of a value in a language (for an export), the value itself when unknown. */
export function labelOf(group: LabelGroup, lang: 'en' | 'ru' | 'kk', value: string): string {
  return (LABELS[lang][group] as Record<string, string>)[value] ?? value;
}

const COUNTRIES: Record<string, string> = {
  kazakhstan: 'KZ', казахстан: 'KZ', қазақстан: 'KZ', kyrgyzstan: 'KG', кыргызстан: 'KG', киргизия: 'KG', қырғызстан: 'KG',
  uzbekistan: 'UZ', узбекистан: 'UZ', өзбекстан: 'UZ', tajikistan: 'TJ', таджикистан: 'TJ', тәжікстан: 'TJ',
  turkmenistan: 'TM', туркменистан: 'TM', түрікменстан: 'TM', russia: 'RU', россия: 'RU', ресей: 'RU', china: 'CN', китай: 'CN', қытай: 'CN',
};

export function readCountry(text: string): Read<string> {
  if (/^[A-Za-z]{2}$/.test(text)) return ok(text.toUpperCase());
  const code = COUNTRIES[headerKey(text)];
  return code ? ok(code) : no(`expected a country as a two-letter code (KZ) or the name of a Central Asian country; got “${text}”`);
}

/** A list in one cell: items on their own lines or separated by semicolons. */
export function readList(text: string): string[] {
  return text.split(/\s*(?:;|\n)\s*/).map((s) => s.trim()).filter((s) => s !== '');
}
