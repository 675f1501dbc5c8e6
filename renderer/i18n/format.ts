import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dateLanguage, formatTimestamp, formatTimestampDay } from '../../shared/text/formatDate';

// Dates come from the project's own month table (shared/text/formatDate), never from Intl:
// Chromium's trimmed ICU data (and so Electron's) knows the tag 'kk' but holds no Kazakh
// month names, so Intl wrote "2026 M11 22". Its number symbols are missing too ("12,345.6"),
// so where the engine lacks Kazakh data, numbers are written through a locale whose numeric
// patterns match the country's (ru-KZ: 12 345,6; no words from it).
const NUMERIC_FALLBACK: Record<string, string> = { kk: 'ru-KZ' };

// Month names are the probe for the trimmed data: where they are missing, so are the number symbols.
function hasLocaleData(lang: string): boolean {
  try {
    const month = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, 0, 15));
    return !/^M?\d+$/.test(month);
  } catch {
    return false;
  }
}

/** Dates, numbers and country names in the language the user chose. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    const fallback = hasLocaleData(lang) ? undefined : NUMERIC_FALLBACK[lang];
    const dates = dateLanguage(lang);
    const number = new Intl.NumberFormat(fallback ?? lang);
    let regions: Intl.DisplayNames | null = null;
    try {
      regions = new Intl.DisplayNames([lang], { type: 'region' });
    } catch {
      regions = null;
    }
    const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
    return {
      lang,
      /** The local day of a timestamp: «6 желтоқсан 2026 ж.», «6 декабря 2026 г.», "6 December 2026". */
      date: (iso: string) => formatTimestampDay(iso, dates),
      /** A timestamp in local time: «6 желтоқсан 2026 ж., 14:05». */
      dateTime: (iso: string) => formatTimestamp(iso, dates),
      number: (n: number) => number.format(n),
      country: (code: string | undefined) => {
        if (!code || !/^[A-Z]{2}$/.test(code)) return undefined;
        try {
          const name = regions?.of(code);
          return name && name !== code ? name : undefined;
        } catch {
          return undefined;
        }
      },
      compare: collator.compare,
    };
  }, [lang]);
}

export type Format = ReturnType<typeof useFormat>;
