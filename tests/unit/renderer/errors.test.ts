import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { expect, it } from 'vitest';
import { errorText } from '../../../renderer/lib/errorText';

const localeDir = path.resolve(import.meta.dirname, '../../../renderer/i18n/locales');
const load = (lang: string) => JSON.parse(readFileSync(path.join(localeDir, `${lang}.errors.json`), 'utf8')) as Record<string, unknown>;

it('tells a failure in the interface language first, then the service’s particulars', async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: load('en') }, ru: { translation: load('ru') }, kk: { translation: load('kk') } }, lng: 'ru', interpolation: { escapeValue: false } });
  const locked = { code: 'locked' as const, message: 'The data folder is in use by PID 4242.' };
  expect(errorText(i18n.getFixedT('ru'), 'ru', locked)).toBe(
    'Папкой с данными пользуется другое окно или команда Casefile. Закройте его и повторите. Подробности: The data folder is in use by PID 4242.',
  );
  expect(errorText(i18n.getFixedT('kk'), 'kk', { code: 'io', message: 'ENOSPC' })).toBe(
    'Диск өзгерісті қабылдамады (толы, тек оқуға арналған немесе рұқсат жоқ). Алдыңғы нұсқа аман. Толығырақ: ENOSPC',
  );
  // In English the service's own sentence already says it all.
  expect(errorText(i18n.getFixedT('en'), 'en', locked)).toBe('The data folder is in use by PID 4242.');
});
