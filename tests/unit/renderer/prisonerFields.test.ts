import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CountryCode, Term } from '../../../shared/model';
import { moveItem } from '../../../renderer/features/case/sections/reorder';
import { termText, withTermUnit, type UnitWords } from '../../../renderer/lib/term';
import { countryOptions, ISO_COUNTRIES, NEAR_COUNTRIES } from '../../../renderer/features/case/sections/countries';
import { withArrestPatch } from '../../../renderer/features/case/sections/arrestPatch';

// The pure parts of the prisoner case view: the order of decisions, terms in
// years/months/days and their words in three languages, the country list, the arrest.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
type Units = Record<'years' | 'months' | 'days', Record<'one' | 'few' | 'many' | 'other', string>>;
const unitsOf = (lang: string): Units =>
  JSON.parse(readFileSync(path.join(root, `renderer/i18n/locales/${lang}.prisoner.json`), 'utf8')).prisoner.term.unit;
/** The words exactly as the view builds them from the locale files. */
const wordsOf = (lang: string): UnitWords => {
  const units = unitsOf(lang);
  return (unit, category, n) => units[unit][category === 'one' || category === 'few' || category === 'many' ? category : 'other'].replace('{{n}}', n);
};

describe('moveItem', () => {
  const list = ['verdict', 'appeal', 'reduction'];
  it('moves an item up and down by one place', () => {
    expect(moveItem(list, 2, -1)).toEqual(['verdict', 'reduction', 'appeal']);
    expect(moveItem(list, 0, 1)).toEqual(['appeal', 'verdict', 'reduction']);
    expect(moveItem(moveItem(list, 2, -1), 1, 1)).toEqual(list);
  });
  it('leaves the list as it was at either end, and never changes the input', () => {
    expect(moveItem(list, 0, -1)).toEqual(list);
    expect(moveItem(list, 2, 1)).toEqual(list);
    expect(moveItem(list, 5, -1)).toEqual(list);
    expect(list).toEqual(['verdict', 'appeal', 'reduction']);
  });
});

describe('withTermUnit', () => {
  it('builds "10 days" as days alone, a valid Term', () => {
    const t = withTermUnit(undefined, 'days', 10);
    expect(t).toEqual({ days: 10 });
    expect(Term.safeParse(t).success).toBe(true);
  });
  it('keeps the other units and the order years, months, days', () => {
    const t = withTermUnit(withTermUnit({ days: 3 }, 'years', 6), 'months', 4);
    expect(t).toEqual({ years: 6, months: 4, days: 3 });
    expect(Object.keys(t!)).toEqual(['years', 'months', 'days']);
  });
  it('drops a cleared unit, and a term with no unit left is no term', () => {
    expect(withTermUnit({ years: 6, months: 4 }, 'months', undefined)).toEqual({ years: 6 });
    expect(withTermUnit({ days: 10 }, 'days', undefined)).toBeUndefined();
  });
  it('keeps a stated zero ("0 years 8 months" as the court wrote it)', () => {
    expect(withTermUnit({ months: 8 }, 'years', 0)).toEqual({ years: 0, months: 8 });
  });
});

describe('termText', () => {
  it('writes terms in English with singular and plural', () => {
    const en = wordsOf('en');
    expect(termText({ days: 10 }, 'en', en)).toBe('10 days');
    expect(termText({ years: 1, months: 1, days: 1 }, 'en', en)).toBe('1 year 1 month 1 day');
    expect(termText({ years: 6, months: 4 }, 'en', en)).toBe('6 years 4 months');
  });
  it('writes terms in Russian with its three plural forms (сутки for days)', () => {
    const ru = wordsOf('ru');
    expect(termText({ days: 10 }, 'ru', ru)).toBe('10 суток');
    expect(termText({ days: 21 }, 'ru', ru)).toBe('21 сутки');
    expect(termText({ years: 2, months: 1 }, 'ru', ru)).toBe('2 года 1 месяц');
    expect(termText({ years: 5, months: 11 }, 'ru', ru)).toBe('5 лет 11 месяцев');
    expect(termText({ years: 22, months: 3 }, 'ru', ru)).toBe('22 года 3 месяца');
  });
  it('writes terms in Kazakh, where the noun does not change after a numeral', () => {
    const kk = wordsOf('kk');
    expect(termText({ days: 10 }, 'kk', kk)).toBe('10 тәулік');
    expect(termText({ years: 1, months: 8 }, 'kk', kk)).toBe('1 жыл 8 ай');
  });
  it('leaves out zero units beside non-zero ones, but says a term of zero', () => {
    const en = wordsOf('en');
    expect(termText({ years: 0, months: 8 }, 'en', en)).toBe('8 months');
    expect(termText({ days: 0 }, 'en', en)).toBe('0 days');
  });
  it('formats the numbers as told ("1 000 days" in a language that groups so)', () => {
    expect(termText({ days: 1000 }, 'ru', wordsOf('ru'), (n) => new Intl.NumberFormat('ru').format(n))).toBe('1\u00a0000 суток');
  });
});

describe('countryOptions', () => {
  it('holds the 249 ISO 3166-1 alpha-2 codes, each valid for the model and named by the engine', () => {
    expect(ISO_COUNTRIES).toHaveLength(249);
    expect(new Set(ISO_COUNTRIES).size).toBe(249);
    expect([...ISO_COUNTRIES].sort()).toEqual(ISO_COUNTRIES);
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    for (const code of ISO_COUNTRIES) {
      expect(CountryCode.safeParse(code).success, code).toBe(true);
      expect(names.of(code), code).toBeTruthy();
    }
    for (const code of NEAR_COUNTRIES) expect(ISO_COUNTRIES, code).toContain(code);
  });
  it('lists the near countries first, then the rest by name in the interface language', () => {
    const ru = new Intl.DisplayNames(['ru'], { type: 'region' });
    const collator = new Intl.Collator('ru');
    const opts = countryOptions((c) => ru.of(c), collator.compare);
    expect(opts).toHaveLength(249);
    expect(opts.slice(0, NEAR_COUNTRIES.length).map((o) => o.code)).toEqual(NEAR_COUNTRIES);
    expect(opts[0]).toEqual({ code: 'KZ', name: 'Казахстан' });
    const rest = opts.slice(NEAR_COUNTRIES.length).map((o) => o.name);
    expect(rest).toEqual([...rest].sort(collator.compare));
    expect(rest[0]).toBe('Австралия');
  });
  it('shows the code where the engine has no name, and leaves out the countries already chosen', () => {
    const opts = countryOptions((c) => (c === 'FR' ? 'France' : undefined), (a, b) => a.localeCompare(b), ['KZ', 'DE']);
    expect(opts.map((o) => o.code)).not.toContain('KZ');
    expect(opts.map((o) => o.code)).not.toContain('DE');
    expect(opts.find((o) => o.code === 'AD')).toEqual({ code: 'AD', name: 'AD' });
    expect(opts.find((o) => o.code === 'FR')).toEqual({ code: 'FR', name: 'France' });
    expect(opts).toHaveLength(247);
  });
});

describe('withArrestPatch', () => {
  it('starts an arrest from the first field typed', () => {
    expect(withArrestPatch(undefined, { place: 'Almaty, Abai Ave' })).toEqual({ place: 'Almaty, Abai Ave' });
  });
  it('keeps the other fields and drops a cleared one', () => {
    expect(withArrestPatch({ date: '2021-02-08', place: 'Almaty' }, { place: undefined, warrantShown: 'no' })).toEqual({ date: '2021-02-08', warrantShown: 'no' });
  });
  it('records no arrest once every field is cleared', () => {
    expect(withArrestPatch({ date: '2021-02-08' }, { date: undefined })).toBeUndefined();
  });
});
