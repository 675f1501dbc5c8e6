// The project's one table of month names. Chromium's trimmed ICU (and so Electron's) has
// no Kazakh month names — Intl writes "2026 M12" — so the interface and the briefs take
// every month name from here, in the forms each language's grammar asks for.
// Pure: no node:, no DOM, no Intl.

/** The languages Casefile writes dates in. */
export type DateLanguage = 'en' | 'ru' | 'kk';

const DATE_LANGUAGES: readonly DateLanguage[] = ['en', 'ru', 'kk'];

type Months = readonly [string, string, string, string, string, string, string, string, string, string, string, string];

export type MonthForms = {
  /** The month on its own or before a year: «декабрь 2026 г.», «желтоқсан 2026 ж.», "December 2026". */
  nominative: Months;
  /** The month after a day number: Russian puts it in the genitive («6 декабря»); Kazakh and English do not decline it. */
  afterDay: Months;
};

const EN: Months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const RU_NOMINATIVE: Months = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
const RU_GENITIVE: Months = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
// Kazakh month names are written in lower case and stay in the nominative after a day
// number («6 желтоқсан»); the genitive «желтоқсанның 6-сы» is a spoken form the parser reads.
const KK: Months = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];

export const MONTH_NAMES: Readonly<Record<DateLanguage, MonthForms>> = {
  en: { nominative: EN, afterDay: EN },
  ru: { nominative: RU_NOMINATIVE, afterDay: RU_GENITIVE },
  kk: { nominative: KK, afterDay: KK },
};

/** The name of month 1..12 in a language and form; '' for a month that does not exist. */
export function monthName(lang: DateLanguage, month: number, form: keyof MonthForms = 'nominative'): string {
  return MONTH_NAMES[lang][form][month - 1] ?? '';
}

/** Every month name the table holds, in every language and form (for the briefs' allow-list of fixed words). */
export function allMonthNames(): string[] {
  return DATE_LANGUAGES.flatMap((lang) => [...MONTH_NAMES[lang].nominative, ...MONTH_NAMES[lang].afterDay]);
}

/** The date language for an interface language tag ("kk", "ru-RU", "en-GB"); English for any language we do not write. */
export function dateLanguage(lang: string): DateLanguage {
  const base = lang.toLowerCase().split('-')[0];
  return base === 'ru' || base === 'kk' ? base : 'en';
}
