import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import type { Writer } from '../../../../shared/history/phraseText';
import { termText, unitWordsFrom } from '../../../lib/term';

/** The interface language's writer of history phrases. */
export function useHistoryWriter(): Writer {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return useMemo(() => {
    const say = t as unknown as (key: string, options?: Record<string, unknown>) => string;
    const words = unitWordsFrom(say);
    return {
      lang: format.lang,
      t: (key, options) => say(key, options),
      exists: (key) => i18n.exists(key),
      number: format.number,
      dateTime: format.dateTime,
      country: (code) => format.country(code),
      term: (value) => termText(value, format.lang, words, format.number),
    };
  }, [t, i18n, format]);
}
