import type { Term } from '../../shared/model';

// A term as a court states it, edited unit by unit and written back in words.
// Pure: the caller gives the words of its language (see prisoner.term.unit.*).

export const TERM_UNITS = ['years', 'months', 'days'] as const;
export type TermUnit = (typeof TERM_UNITS)[number];

/**
 * The term with one unit set (a number) or cleared (undefined). Units keep the order
 * years, months, days; a term with no unit left is no term at all (undefined).
 */
export function withTermUnit(term: Term | undefined, unit: TermUnit, value: number | undefined): Term | undefined {
  const next: Term = {};
  for (const u of TERM_UNITS) {
    const v = u === unit ? value : term?.[u];
    if (v !== undefined) next[u] = v;
  }
  return TERM_UNITS.some((u) => next[u] !== undefined) ? next : undefined;
}

/** The plural category words are chosen by; a language the engine does not know counts as "other". */
function pluralCategory(lang: string, n: number): Intl.LDMLPluralRule {
  try {
    return new Intl.PluralRules(lang).select(n);
  } catch {
    return 'other';
  }
}

/** The words of a unit: "{{n}} day" / "{{n}} days" (and Russian few/many), {{n}} is replaced. */
export type UnitWords = (unit: TermUnit, category: Intl.LDMLPluralRule, n: string) => string;

/** A unit word's key in the locale files: the unit and the plural form. */
export type UnitWordKey = `prisoner.term.unit.${TermUnit}.${'one' | 'few' | 'many' | 'other'}`;

/** The unit words of the locale files (prisoner.term.unit.*), through any translate function. */
export function unitWordsFrom(say: (key: UnitWordKey, values: { n: string }) => string): UnitWords {
  return (unit, category, n) => say(`prisoner.term.unit.${unit}.${category === 'one' || category === 'few' || category === 'many' ? category : 'other'}`, { n });
}

/** "6 years 4 months", "10 days"; zero units a court did not state are left out, unless all are zero. */
export function termText(term: Term, lang: string, words: UnitWords, formatNumber: (n: number) => string = String): string {
  const given = TERM_UNITS.filter((u) => term[u] !== undefined);
  const shown = given.some((u) => term[u] !== 0) ? given.filter((u) => term[u] !== 0) : given;
  return shown.map((u) => words(u, pluralCategory(lang, term[u]!), formatNumber(term[u]!))).join(' ');
}
