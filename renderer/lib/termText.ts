import type { TFunction } from 'i18next';
import type { Term } from '../../shared/model';
import { termText as writeTerm, type TermUnit, type UnitWords } from './term';

// The time facts count a term in whole months and days (from the penalty in force);
// they are written by the one term writer the decisions use. Their unit words are their
// own (agenda.facts.unit.*): a count of days served reads «10 дней», where a court's
// administrative arrest is counted in «сутки» (prisoner.term.unit.*).

type T = TFunction<'translation', undefined>;
/** What of the interface's Format this needs (kept structural: tests use it without the React half). */
type NumberFormat = { lang: string; number: (n: number) => string };

/** Months (years are twelve of them, a fraction of a month its days) and days as the court's units. */
function termFromMonths(months: number, days = 0): Term {
  const whole = Math.floor(months);
  const term: Term = { years: Math.floor(whole / 12), months: whole % 12, days: days + Math.round((months - whole) * 30.4375) };
  const shown = (['years', 'months', 'days'] as const).filter((u) => term[u] !== 0);
  return shown.length === 0 ? { months: 0 } : Object.fromEntries(shown.map((u) => [u, term[u]]));
}

const SINGULAR: Record<TermUnit, 'year' | 'month' | 'day'> = { years: 'year', months: 'month', days: 'day' };

function agendaWords(t: T): UnitWords {
  return (unit, category, n) => `${n} ${t(`agenda.facts.unit.${SINGULAR[unit]}.${category === 'one' || category === 'few' || category === 'many' ? category : 'other'}`)}`;
}

/** Whole months and days, as the court would say them. */
export function termText(t: T, f: NumberFormat, months: number, days = 0): string {
  return writeTerm(termFromMonths(months, days), f.lang, agendaWords(t), f.number);
}
