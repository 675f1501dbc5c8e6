import type { CaseFile } from '../../../shared/model';
import type { BriefTemplate } from '../../../shared/model/brief';
import { ngoCase, prisonerCase, relatedNgoCase } from './fixtures';

// Cases for the Word brief tests: the shared fixtures, with a source quoted by two
// annotations (a second citation is a Word cross-reference, not a second footnote),
// an event citing it too, and an urgent action's number, dates and languages.

/** The prisoner of fixtures.ts, a second quotation of the same press source, one more event, and an urgent action's sheet data. */
export function prisonerCitedTwice(): CaseFile {
  const c = prisonerCase();
  if (c.kind !== 'political_prisoner') throw new Error('prisonerCase is a political prisoner');
  const arrest = c.events.find((e) => e.id === 'ev-arrest')!;
  const quote = c.annotations.find((a) => a.id === 'an-quote')!;
  return {
    ...c,
    annotations: [...c.annotations, { ...quote, id: 'an-charge', target: { quote: { exact: 'Оған 174-бап бойынша айып тағылды' } }, body: 'The same report names the article charged.', tags: ['charge'] }],
    events: [...c.events, { ...arrest, id: 'ev-transfer', date: '2019-04', type: 'transfer', title: 'Moved to the pre-trial detention centre of Almaty', sourceIds: ['src-news'] }],
    briefing: { urgentAction: { number: 'UA 14/26', issuedOn: '2026-11-20', sendBefore: '2027-01-15', writeIn: 'Kazakh, Russian, English' } },
  };
}

/** The cases each template renders in the tests, and the NGO cases its pattern section may show. */
export function casesFor(template: BriefTemplate): { cases: CaseFile[]; related: CaseFile[] } {
  switch (template) {
    case 'ngo':
      return { cases: [ngoCase()], related: [relatedNgoCase()] };
    case 'multi':
      return { cases: [prisonerCitedTwice(), ngoCase()], related: [] };
    default:
      return { cases: [prisonerCitedTwice()], related: [] };
  }
}
