import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

// Chromium's trimmed ICU data (and so Electron's) knows the tag 'kk' but holds no Kazakh
// month names or number symbols: dates would come out as "2026 M11 22" and numbers as
// "12,345.6". Where the engine lacks a language's month names, dates are written in
// numbers the way that language's country writes them, and numbers likewise, through a
// locale whose numeric patterns match (ru-KZ: 22.11.2026, 12 345,6; no words from it).
const NUMERIC_FALLBACK: Record<string, string> = { kk: 'ru-KZ' };

function hasMonthNames(lang: string): boolean {
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
    const fallback = hasMonthNames(lang) ? undefined : NUMERIC_FALLBACK[lang];
    const numericDay = { day: '2-digit', month: '2-digit', year: 'numeric' } as const;
    const date = fallback ? new Intl.DateTimeFormat(fallback, numericDay) : new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
    const dateTime = fallback
      ? new Intl.DateTimeFormat(fallback, { ...numericDay, hour: '2-digit', minute: '2-digit' })
      : new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
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
      date: (iso: string) => {
        const d = new Date(iso);
        return Number.isNaN(d.getTime()) ? iso : date.format(d);
      },
      dateTime: (iso: string) => {
        const d = new Date(iso);
        return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
      },
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
