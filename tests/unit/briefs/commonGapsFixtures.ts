import type { CaseDraftInput } from '../../../shared/model';

// Cases for the checks every template runs (completeness/common.ts) and the WGAD fit:
// one case that lacks nothing a brief in any language or mode asks of every template,
// and variations that each take one thing away.

type PrisonerDraft = Extract<CaseDraftInput, { kind: 'political_prisoner' }>;

export const ORG = { name: 'Бюро «Әділет» ORGCHECK' };

/** Held, consented, summarised in every language, named in both scripts. */
export function completeDraft(overrides: Partial<PrisonerDraft> = {}): PrisonerDraft {
  return {
    kind: 'political_prisoner',
    title: 'Kenzhebek Abishev — DVK case',
    country: 'KZ',
    summary: 'Kenzhebek Abishev, a civic activist, was detained in Almaty and sentenced to five years for supporting a banned movement.',
    person: { name: 'Kenzhebek Abishev', aliases: ['Кенжебек Әбішев', 'Кенжебек Абишев'] },
    detention: { status: 'imprisoned', place: 'ИК-159/12', since: '2020-11' },
    consent: { status: 'given', by: 'his wife', date: '2026-10' },
    briefing: {
      summaries: {
        ru: 'Кенжебек Абишев, гражданский активист, задержан в Алматы и приговорён к пяти годам за поддержку запрещённого движения.',
        kk: 'Кенжебек Әбішев, азаматтық белсенді, Алматыда ұсталып, тыйым салынған қозғалысты қолдағаны үшін бес жылға сотталды.',
      },
    },
    ...overrides,
  };
}

/** Someone the file never records as held: in exile, with a travel ban, no arrest and no arrest event. */
export function neverDetainedDraft(overrides: Partial<PrisonerDraft> = {}): PrisonerDraft {
  return completeDraft({
    title: 'Aigerim Seitkali — exile',
    summary: 'Aigerim Seitkali, a journalist, left Kazakhstan in 2022 and was banned from travel by a court in absentia.',
    person: { name: 'Aigerim Seitkali', aliases: ['Айгерим Сейткали'] },
    detention: { status: 'exile', since: '2022-05' },
    decisions: [{ stage: 'verdict', date: '2023-02', penalty: { type: 'travel_ban', term: { years: 2 } } }],
    events: [{ date: '2022-05', type: 'other', title: 'Reached Tbilisi' }],
    ...overrides,
  });
}
