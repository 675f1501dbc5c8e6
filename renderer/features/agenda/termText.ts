import type { TFunction } from 'i18next';

// A term in the court's own units, in the interface language: "10 days",
// "6 years 4 months", «10 дней», «6 лет 4 месяца», "10 күн". Each unit's word
// comes in the plural forms Intl.PluralRules names (one, few, many, other): every
// language holds all four, so the locale files keep the same keys.

type T = TFunction<'translation', undefined>;
/** What of the interface's Format this needs (kept structural: tests use it without the React half). */
type NumberFormat = { lang: string; number: (n: number) => string };
type Form = 'one' | 'few' | 'many' | 'other';
type Unit = 'year' | 'month' | 'day';

function form(lang: string, n: number): Form {
  const f = new Intl.PluralRules(lang).select(n);
  return f === 'one' || f === 'few' || f === 'many' ? f : 'other';
}

/** Whole months (years are twelve of them) and days, as the court would say them. */
export function termText(t: T, f: NumberFormat, months: number, days = 0): string {
  const whole = Math.floor(months);
  const extra = days + Math.round((months - whole) * 30.4375);
  const parts: [Unit, number][] = [['year', Math.floor(whole / 12)], ['month', whole % 12], ['day', extra]];
  const shown = parts.filter(([, n]) => n > 0);
  return (shown.length > 0 ? shown : [['month', 0] as [Unit, number]])
    .map(([unit, n]) => `${f.number(n)} ${t(`agenda.facts.unit.${unit}.${form(f.lang, n)}`)}`)
    .join(' ');
}
