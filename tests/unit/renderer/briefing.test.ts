import { describe, expect, it } from 'vitest';
import { CaseDraft, type CaseFile } from '../../../shared/model';
import { briefLangOf, nameInLanguage, offersSummary, textLanguage, uaInputOf, withBriefing, withRequests, EMPTY_UA } from '../../../renderer/features/briefs/briefing';

// What the brief dialog writes into the case: the urgent action's fields, a summary per
// brief language, the requests the advocate approved — and nothing when nothing changed.

const stored = { id: 'c1', rev: 3, createdAt: '2026-11-22T10:00:00.000Z', updatedAt: '2026-11-22T10:00:00.000Z' };
const prisoner = (more: Record<string, unknown> = {}): CaseFile =>
  CaseDraft.parse({
    ...stored,
    kind: 'political_prisoner',
    title: 't',
    person: { name: 'Kenzhebek Abishev', aliases: ['Кенжебек Абишев', 'Кенжебек Әбішев'] },
    detention: { status: 'imprisoned' },
    summary: 'Sentenced in 2019 for a Facebook post.',
    ...more,
  }) as CaseFile;

describe('brief dialog: the case fields it writes', () => {
  it('maps the interface language to the brief language the check answers in', () => {
    expect(briefLangOf('kk')).toBe('kk');
    expect(briefLangOf('ru-RU')).toBe('ru');
    expect(briefLangOf('en-GB')).toBe('en');
    expect(briefLangOf('de')).toBe('en');
  });

  it('tells the language of a summary by its letters', () => {
    expect(textLanguage('Sentenced in 2019.')).toBe('en');
    expect(textLanguage('Осуждён в 2019 году.')).toBe('ru');
    expect(textLanguage('2019 жылы сотталды, өзі Қарағандыда.')).toBe('kk');
    expect(textLanguage('2019')).toBeNull();
  });

  it('offers a summary for a brief language other than the summary’s, or where one was given', () => {
    const c = prisoner();
    expect(offersSummary(c, 'en')).toBe(false);
    expect(offersSummary(c, 'ru')).toBe(true);
    expect(offersSummary(c, 'kk')).toBe(true);
    expect(offersSummary(prisoner({ summary: '' }), 'ru')).toBe(false);
    expect(offersSummary(prisoner({ summary: '', briefing: { summaries: { ru: 'Осуждён.' } } }), 'ru')).toBe(true);
  });

  it('names the person in the brief’s script: the Kazakh alias for kk, a Cyrillic one for ru', () => {
    const c = prisoner();
    expect(nameInLanguage(c, 'en')).toBe('Kenzhebek Abishev');
    expect(nameInLanguage(c, 'kk')).toBe('Кенжебек Әбішев');
    expect(nameInLanguage(c, 'ru')).toBe('Кенжебек Абишев');
    expect(nameInLanguage(prisoner({ person: { name: 'Kenzhebek Abishev' } }), 'ru')).toBe('Kenzhebek Abishev');
  });

  it('stores the urgent-action fields trimmed, drops emptied ones, and changes nothing when nothing differs', () => {
    const c = prisoner();
    expect(uaInputOf(c)).toEqual(EMPTY_UA);
    expect(withBriefing(c, EMPTY_UA, 'en', undefined)).toBe(c);
    const next = withBriefing(c, { number: ' UA 12/26 ', issuedOn: '2026-12-01', sendBefore: '2027-01-15', writeIn: '' }, 'en', undefined);
    expect(next.briefing).toEqual({ urgentAction: { number: 'UA 12/26', issuedOn: '2026-12-01', sendBefore: '2027-01-15' } });
    expect(CaseDraft.safeParse(next).success).toBe(true);
    expect(uaInputOf(next)).toEqual({ number: 'UA 12/26', issuedOn: '2026-12-01', sendBefore: '2027-01-15', writeIn: '' });
    expect(withBriefing(next, uaInputOf(next), 'en', undefined)).toBe(next);
    // Emptied: the briefing goes away entirely rather than stay as an empty object.
    expect('briefing' in withBriefing(next, EMPTY_UA, 'en', undefined)).toBe(false);
  });

  it('keeps a summary per language beside the urgent action, and leaves the others alone', () => {
    const c = prisoner({ briefing: { urgentAction: { number: 'UA 1/26' }, summaries: { ru: 'Осуждён в 2019 году.' } } });
    const next = withBriefing(c, undefined, 'kk', '2019 жылы сотталды.');
    expect(next.briefing).toEqual({ urgentAction: { number: 'UA 1/26' }, summaries: { ru: 'Осуждён в 2019 году.', kk: '2019 жылы сотталды.' } });
    expect(withBriefing(next, undefined, 'ru', '').briefing).toEqual({ urgentAction: { number: 'UA 1/26' }, summaries: { kk: '2019 жылы сотталды.' } });
  });

  it('writes approved requests only into an empty list, blank ones dropped, spaces tidied', () => {
    let n = 0;
    const id = () => `r${++n}`;
    const c = prisoner();
    const next = withRequests(c, ['  Release  Kenzhebek Abishev.\n', '', '   '], id);
    expect(next.requests).toEqual([{ id: 'r1', text: 'Release Kenzhebek Abishev.' }]);
    expect(withRequests(next, ['Another'], id)).toBe(next);
    expect(withRequests(c, ['  '], id)).toBe(c);
  });
});
