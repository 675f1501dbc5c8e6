import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { termText } from '../../../renderer/lib/termText';

// The release basis says the term as the court did, in each interface language,
// from the agenda locale files themselves.

const i18n = i18next.createInstance();
const load = (lang: string) => JSON.parse(readFileSync(path.resolve(`renderer/i18n/locales/${lang}.agenda.json`), 'utf8')) as Record<string, unknown>;
const format = (lang: string) => ({ lang, number: (n: number) => new Intl.NumberFormat(lang).format(n) });

beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: load('en') }, ru: { translation: load('ru') }, kk: { translation: load('kk') } }, lng: 'en', interpolation: { escapeValue: false } });
});

const say = (lang: string, months: number, days = 0) => termText(i18n.getFixedT(lang) as TFunction<'translation', undefined>, format(lang), months, days);

describe('termText', () => {
  it.each([
    ['en', 0, 10, '10 days'], ['en', 76, 0, '6 years 4 months'], ['en', 12, 0, '1 year'], ['en', 1, 1, '1 month 1 day'], ['en', 0, 0, '0 months'],
    ['ru', 0, 10, '10 дней'], ['ru', 76, 0, '6 лет 4 месяца'], ['ru', 0, 21, '21 день'], ['ru', 24, 3, '2 года 3 дня'],
    ['kk', 0, 10, '10 күн'], ['kk', 76, 0, '6 жыл 4 ай'],
  ] as const)('%s: %d months %d days → %s', (lang, months, days, expected) => {
    expect(say(lang, months, days)).toBe(expected);
  });

  it('turns part months into days (a v1 fractional term)', () => {
    expect(say('en', 1.5)).toBe('1 month 15 days');
  });
});
