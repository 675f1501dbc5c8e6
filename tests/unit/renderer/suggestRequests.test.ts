import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { CaseDraft, type CaseFile } from '../../../shared/model';
import { suggestedRequests, suggestionKeys } from '../../../renderer/lib/suggestRequests';

// Suggested requests ask only for what the case records supports: release only for a
// person held, "quash the conviction" once there is one and "drop the charges" only
// before, a ban lifted only when a decision imposed it, an NGO measure lifted only while
// it stands. Each names the person or organisation, in every interface language.

const localeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../renderer/i18n/locales');
const texts = (lang: string) => ({
  ...(JSON.parse(readFileSync(path.join(localeDir, `${lang}.parts.json`), 'utf8')) as Record<string, unknown>),
  ...(JSON.parse(readFileSync(path.join(localeDir, `${lang}.briefs14.json`), 'utf8')) as Record<string, unknown>),
});

async function tFor(lang: string): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: lang, resources: { [lang]: { translation: texts(lang) } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

const stored = { id: 'c1', rev: 1, createdAt: '2026-11-22T10:00:00.000Z', updatedAt: '2026-11-22T10:00:00.000Z' };
const prisoner = (status: string, more: Record<string, unknown> = {}): CaseFile =>
  CaseDraft.parse({ ...stored, kind: 'political_prisoner', title: 't', person: { name: 'Байболат Құнболатұлы' }, detention: { status }, ...more }) as CaseFile;
const ngo = (status = 'in_force'): CaseFile =>
  CaseDraft.parse({ ...stored, kind: 'ngo_suspension', title: 't', organization: { name: 'Ар-Намыс' }, measure: { type: 'suspension', authority: 'Ministry of Justice', status } }) as CaseFile;

const verdict = (type: string, stage = 'verdict') => ({ id: `d-${type}-${stage}`, stage, penalty: { type, term: { years: 5 } } });
const charge = (outcome?: string) => ({ code: 'Criminal Code', article: '174', ...(outcome ? { outcome } : {}) });

describe('which requests are suggested', () => {
  it('asks release, access and treatment only for a person held; whereabouts first when held incommunicado', () => {
    expect(suggestionKeys(prisoner('pre_trial'))).toEqual(['release', 'access', 'treatment']);
    expect(suggestionKeys(prisoner('incommunicado'))).toEqual(['whereabouts', 'release', 'access', 'treatment']);
    for (const status of ['released', 'exile', 'fined', 'restricted_freedom', 'unknown']) {
      expect(suggestionKeys(prisoner(status)), status).not.toContain('release');
      expect(suggestionKeys(prisoner(status)), status).not.toContain('access');
    }
  });

  it('says "quash the conviction" after one, "drop the charges" only while charges are open, neither when they ended otherwise', () => {
    expect(suggestionKeys(prisoner('imprisoned', { charges: [charge('convicted')] }))).toContain('quash');
    expect(suggestionKeys(prisoner('imprisoned', { charges: [charge('convicted')] }))).not.toContain('dropCharges');
    // A verdict with a penalty is a conviction even where the charge's outcome was not recorded.
    const sentenced = prisoner('imprisoned', { charges: [charge()], decisions: [verdict('prison')] });
    expect(suggestionKeys(sentenced)).toContain('quash');
    expect(suggestionKeys(sentenced)).not.toContain('dropCharges');
    expect(suggestionKeys(prisoner('pre_trial', { charges: [charge('pending')] }))).toContain('dropCharges');
    expect(suggestionKeys(prisoner('pre_trial', { charges: [charge()] }))).toContain('dropCharges');
    for (const outcome of ['acquitted', 'dropped']) {
      const keys = suggestionKeys(prisoner('released', { charges: [charge(outcome)] }));
      expect(keys, outcome).not.toContain('dropCharges');
      expect(keys, outcome).not.toContain('quash');
    }
    // A blocked early release is not a reason to "drop the charges": the person stands convicted.
    const blocked = prisoner('imprisoned', { charges: [charge('convicted')], decisions: [verdict('prison'), { id: 'e', stage: 'early_release_denied' }] });
    expect(suggestionKeys(blocked)).toEqual(['release', 'quash', 'access', 'treatment']);
  });

  it('lifts a ban only when a decision imposed one, and each ban by its own name', () => {
    const none = prisoner('released', { charges: [charge('convicted')] });
    expect(suggestionKeys(none)).not.toContain('liftActivityBan');
    expect(suggestionKeys(none)).not.toContain('liftTravelBan');
    const activity = prisoner('released', { decisions: [verdict('activity_ban')] });
    expect(suggestionKeys(activity)).toContain('liftActivityBan');
    expect(suggestionKeys(activity)).not.toContain('liftTravelBan');
    const travel = prisoner('released', { decisions: [verdict('travel_ban', 'appeal')] });
    expect(suggestionKeys(travel)).toContain('liftTravelBan');
    expect(suggestionKeys(travel)).not.toContain('liftActivityBan');
  });

  it('ends a restriction of freedom only for a person under one, and asks redress only for something recorded', () => {
    expect(suggestionKeys(prisoner('restricted_freedom'))).toEqual(['liftRestriction', 'remedy']);
    expect(suggestionKeys(prisoner('unknown'))).toEqual([]);
    expect(suggestionKeys(prisoner('unknown', { arrest: { date: '2024-03-01' } }))).toEqual(['remedy']);
  });

  it('lifts an NGO measure while it stands, and asks redress for one overturned or expired', () => {
    expect(suggestionKeys(ngo('in_force'))).toEqual(['liftMeasure', 'association']);
    expect(suggestionKeys(ngo('appealed'))).toEqual(['liftMeasure', 'association']);
    expect(suggestionKeys(ngo('overturned'))).toEqual(['redressMeasure', 'association']);
    expect(suggestionKeys(ngo('expired'))).toEqual(['redressMeasure', 'association']);
  });
});

describe('suggested requests as text', () => {
  const everyKey = [
    prisoner('incommunicado', { charges: [charge()] }),
    prisoner('restricted_freedom', { charges: [charge('convicted')], decisions: [verdict('activity_ban'), verdict('travel_ban', 'appeal')] }),
    ngo('in_force'),
    ngo('overturned'),
  ];
  for (const lang of ['en', 'ru', 'kk']) {
    it(`${lang}: every suggestion is real text naming the party, and no two alike`, async () => {
      const t = await tFor(lang);
      const all = everyKey.flatMap((c) => suggestedRequests(t, c));
      expect(all.length).toBe(5 + 5 + 2 + 2); // every one of the thirteen keys
      for (const text of all) {
        expect(text).toMatch(/Байболат Құнболатұлы|Ар-Намыс/);
        expect(text).not.toMatch(/parts\.|briefs14\.|\{\{/);
      }
      expect(new Set(all).size).toBe(all.length - 1); // "association" is asked for both NGO cases
    });
  }

  it('prints the name it is given (the brief script) and the English wording as written', async () => {
    const t = await tFor('en');
    expect(suggestedRequests(t, prisoner('pre_trial'))[0]).toBe('Release Байболат Құнболатұлы immediately and unconditionally.');
    expect(suggestedRequests(t, prisoner('imprisoned', { charges: [charge('convicted')] }), 'Baibolat Kunbolatuly')[1]).toBe(
      'Quash the conviction of Baibolat Kunbolatuly and rehabilitate them in full.',
    );
  });
});
