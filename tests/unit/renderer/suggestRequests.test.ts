import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { CaseDraft, type CaseFile } from '../../../shared/model';
import { suggestedRequests } from '../../../renderer/features/case/sections/suggestRequests';

// "Suggest requests" drafts the asks from the case in the interface language, with the
// person's or organisation's name in each: a held person is asked to be released, a
// person whose whereabouts are unknown to be found first, an NGO to have its measure lifted.

const localeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../renderer/i18n/locales');
const parts = (lang: string) => JSON.parse(readFileSync(path.join(localeDir, `${lang}.parts.json`), 'utf8')) as Record<string, unknown>;

async function tFor(lang: string): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: lang, resources: { [lang]: { translation: parts(lang) } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

const stored = { id: 'c1', rev: 1, createdAt: '2026-11-22T10:00:00.000Z', updatedAt: '2026-11-22T10:00:00.000Z' };
const prisoner = (status: string): CaseFile =>
  CaseDraft.parse({ ...stored, kind: 'political_prisoner', title: 't', person: { name: 'Байболат Құнболатұлы' }, detention: { status } }) as CaseFile;
const ngo = CaseDraft.parse({ ...stored, kind: 'ngo_suspension', title: 't', organization: { name: 'Ар-Намыс' }, measure: { type: 'suspension', authority: 'Ministry of Justice' } }) as CaseFile;

describe('suggested requests', () => {
  for (const lang of ['en', 'ru', 'kk']) {
    it(`${lang}: name every party, differ by situation, and are real text`, async () => {
      const t = await tFor(lang);
      const held = suggestedRequests(t, prisoner('administrative_arrest'));
      const missing = suggestedRequests(t, prisoner('incommunicado'));
      const released = suggestedRequests(t, prisoner('released'));
      const org = suggestedRequests(t, ngo);
      expect(held).toHaveLength(3);
      expect(missing).toHaveLength(4);
      expect(missing.slice(1)).toEqual(held);
      expect(released).toHaveLength(2);
      expect(org).toHaveLength(2);
      for (const text of [...held, ...missing, ...released]) {
        expect(text).toContain('Байболат Құнболатұлы');
        expect(text).not.toMatch(/parts\.|\{\{/);
      }
      for (const text of org) expect(text).toContain('Ар-Намыс');
      expect(new Set([...missing, ...released, ...org]).size).toBe(8);
    });
  }

  it('a new case, whose detention is not yet known, gets the requests for a held person', async () => {
    const t = await tFor('en');
    expect(suggestedRequests(t, prisoner('unknown'))[0]).toBe('Release Байболат Құнболатұлы immediately and unconditionally.');
    expect(suggestedRequests(t, ngo)[0]).toBe('Lift the measure imposed on Ар-Намыс and allow the organisation to resume its work without hindrance.');
  });
});
