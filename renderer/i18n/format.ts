import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Dates, numbers and country names in the language the user chose. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
    const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    const number = new Intl.NumberFormat(lang);
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
