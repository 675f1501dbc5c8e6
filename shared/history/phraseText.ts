import type { Term } from '../model';
import { dateLanguage, formatPartialDate } from '../text/dateInput';
import type { Phrase } from './phrase';

// A history phrase in words: messages through the locale files (the renderer's
// `history.*` keys), dates through the app's partial-date writer, enum values
// through their labels. Pure: the caller gives the language's functions (the
// renderer its i18next and formats; a test or the command line a plain i18next
// instance over the same locale files).

export type Writer = {
  lang: string;
  t: (key: string, options?: Record<string, unknown>) => string;
  exists: (key: string) => boolean;
  number: (n: number) => string;
  dateTime: (iso: string) => string;
  country: (code: string) => string | undefined;
  /** "7 years", "6 years 4 months" in the language. */
  term: (value: Term) => string;
};

/** An enum label inside a sentence: "Verdict" reads "verdict" mid-line (a label like "UN…" keeps its capitals). */
function lowerFirst(s: string): string {
  const [a = '', b = ''] = [...s];
  return b !== '' && b === b.toLocaleLowerCase() ? a.toLocaleLowerCase() + s.slice(a.length) : s;
}

function upperFirst(s: string): string {
  const [a = ''] = [...s];
  return a.toLocaleUpperCase() + s.slice(a.length);
}

function phraseText(p: Phrase, w: Writer): string {
  switch (p.kind) {
    case 'text':
      return p.text;
    case 'date':
      return formatPartialDate(p.value, dateLanguage(w.lang), p.approximate === true);
    case 'dateTime':
      return w.dateTime(p.value);
    case 'label': {
      const key = `enums.${p.group}.${p.value}`;
      return w.exists(key) ? lowerFirst(w.t(key)) : p.value;
    }
    case 'country':
      return w.country(p.code) ?? p.code;
    case 'number':
      return w.number(p.value);
    case 'money':
      return [w.number(p.amount), p.currency].join('\u00a0');
    case 'term':
      return w.term(p.value);
    case 'list':
      return p.items.map((item) => phraseText(item, w)).join(p.separator === 'semicolon' ? '; ' : ', ');
    case 'message': {
      // A key this build does not have (a newer file's field) must not show as a key.
      if (!w.exists(p.key)) return w.t('history.clause.other');
      const options: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(p.values ?? {})) options[name] = phraseText(value, w);
      if (p.count !== undefined) options.count = p.count;
      return w.t(p.key, options);
    }
  }
}

/** A whole line of the history, starting with a capital. */
export const lineText = (p: Phrase, w: Writer) => upperFirst(phraseText(p, w));

