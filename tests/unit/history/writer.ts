import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import type { Writer } from '../../../shared/history/phraseText';
import { termText, type UnitWords } from '../../../renderer/lib/term';
import { withSharedEnumLabels } from '../../../renderer/i18n/sharedLabels';

// The renderer's locale files as renderer/i18n/index.ts merges them (`<lang>.json`
// and every `<lang>.<part>.json`), in a plain i18next instance, and a Writer for
// each language built as useHistoryWriter builds it.

const localeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../renderer/i18n/locales');
export const LANGS = ['en', 'ru', 'kk'] as const;

const resources: Record<string, { translation: Record<string, unknown> }> = {};
for (const file of readdirSync(localeDir).filter((f) => f.endsWith('.json'))) {
  const lang = file.split('.')[0]!;
  Object.assign((resources[lang] ??= { translation: {} }).translation, JSON.parse(readFileSync(path.join(localeDir, file), 'utf8')));
}
for (const [lang, entry] of Object.entries(resources)) entry.translation = withSharedEnumLabels(lang, entry.translation);

const i18n = i18next.createInstance();
void i18n.init({ resources, lng: 'en', fallbackLng: false, initAsync: false, interpolation: { escapeValue: false }, returnNull: false });

export function writer(lang: (typeof LANGS)[number]): Writer {
  const t = i18n.getFixedT(lang);
  const numberFormat = new Intl.NumberFormat(lang === 'kk' ? 'ru-KZ' : lang);
  const words: UnitWords = (unit, category, n) => t(`prisoner.term.unit.${unit}.${category === 'one' || category === 'few' || category === 'many' ? category : 'other'}`, { n });
  return {
    lang,
    t: (key, options) => t(key, options as never) as unknown as string,
    exists: (key) => i18n.exists(key, { lng: lang }),
    number: (n) => numberFormat.format(n),
    dateTime: (iso) => new Intl.DateTimeFormat(lang === 'kk' ? 'ru-KZ' : lang, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso)),
    country: (code) => new Intl.DisplayNames([lang], { type: 'region' }).of(code),
    term: (value) => termText(value, lang, words, (n) => numberFormat.format(n)),
  };
}
