import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { annotationStates, type Annotation, type Source } from '../../../shared/model';
import { makeTarget, ORPHAN_CAUSES } from '../../../shared/text/anchor';
import { orphanReason } from '../../../renderer/features/annotations/orphanReason';

// Why an annotation is orphaned, said in the user's language: every cause the anchoring
// can give has a text in each locale, and a changed number is named.

const localeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../renderer/i18n/locales');
const load = (lang: string) => JSON.parse(readFileSync(path.join(localeDir, `${lang}.sources.json`), 'utf8')) as { sources: { orphanCause: Record<string, string> } };

async function translator(lang: string) {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: lang, resources: { [lang]: { translation: load(lang) } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

const TEXT = 'Он был задержан 14 января 2022 года в Алматы. Суд состоялся 20 марта.';
const WORDS = 'задержан 14 января 2022 года';

function orphanedByYear() {
  const at = TEXT.indexOf(WORDS);
  const source = { id: 's1', title: 'Хроника', kind: 'article', text: TEXT.replace('2022', '2023'), sha256: '0'.repeat(64) } as Source;
  const annotation: Annotation = { id: 'a1', sourceId: 's1', target: makeTarget(TEXT, at, at + WORDS.length), body: '', tags: [], confidential: false };
  return annotationStates({ sources: [source], annotations: [annotation] })[0]!;
}

describe('orphanReason', () => {
  it('has a text for every cause in every locale', () => {
    for (const lang of ['en', 'ru', 'kk']) {
      const causes = load(lang).sources.orphanCause;
      expect(Object.keys(causes).sort(), lang).toEqual([...ORPHAN_CAUSES].sort());
    }
  });

  it('names the numbers that changed, in each language', async () => {
    const state = orphanedByYear();
    expect(state).toMatchObject({ status: 'orphaned', cause: 'numbers', numbers: { was: ['14', '2022'], now: ['14', '2023'] } });
    expect(orphanReason(await translator('en'), state)).toBe(
      'The passage seems to be still there, but its numbers changed (14, 2022 → 14, 2023). A note on a date, a term, an article or an amount is not moved onto different ones.',
    );
    expect(orphanReason(await translator('ru'), state)).toContain('изменились числа (14, 2022 → 14, 2023)');
    expect(orphanReason(await translator('kk'), state)).toContain('сандар өзгерді (14, 2022 → 14, 2023)');
  });

  it('falls back to the English reason of a state without a cause', async () => {
    expect(orphanReason(await translator('ru'), { reason: 'Something else.' })).toBe('Something else.');
  });
});
