import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CaseDraft, caseFromV1, type CaseDraftInput, type CaseFile } from '../../../shared/model';
import { finalizeCase } from '../../../electron/services/cases/finalize';

const META_TIME = '2026-11-01T09:00:00.000Z';
let counter = 0;

/** A stored case built the way the app builds one: draft → parse → finalize. */
export function makeCase(input: CaseDraftInput): CaseFile {
  counter += 1;
  return finalizeCase(CaseDraft.parse(input), {
    id: `case-${counter}`,
    rev: 1,
    createdAt: META_TIME,
    updatedAt: META_TIME,
  });
}

export const GENERATED_AT = new Date(2026, 10, 22, 10, 0, 0);

/** A prisoner case with every field the case brief prints, in Kazakh, Russian and English. */
export function prisonerCase(): CaseFile {
  return makeCase({
    kind: 'political_prisoner',
    title: 'Гүлнар Әбдірахманова — «extremism» charge for a Facebook post',
    status: 'active',
    priority: 'urgent',
    country: 'KZ',
    region: 'Алматы',
    summary:
      'Гүлнар Әбдірахманова, a Kazakh-language poet, was detained in March 2019 after a post criticising the authorities.\n\n' +
      'She was convicted of "inciting social discord" and sentenced to seven years. Қ Ө Ү Ұ Ә Ғ Ң І Һ.',
    tags: ['extremism-charge', 'poet'],
    person: {
      name: 'Гүлнар Әбдірахманова',
      aliases: ['Gulnar Abdirakhmanova', 'Гульнар Абдрахманова'],
      born: { date: '1979' },
      gender: 'female',
      occupation: 'poet',
      affiliation: 'Қазақ PEN',
    },
    detention: { status: 'imprisoned', place: 'ЖД-158/4 колония, Алматы', since: '2019-03', expectedRelease: '2026' },
    charges: [
      { article: '174 part 1', code: 'Criminal Code of the Republic of Kazakhstan', summary: 'inciting social, national, clan, racial, class or religious discord' },
      { article: '405 part 2', code: 'Criminal Code of the Republic of Kazakhstan', summary: 'participation in a banned organisation' },
    ],
    decisions: [{ id: 'dec1', stage: 'verdict', date: '2021-02-16', body: 'Алмалинский районный суд г. Алматы', penalty: { type: 'prison', term: { months: 84 } } }],
    recognitions: [{ by: 'Kazakhstan Bureau for Human Rights', label: 'political_prisoner', date: '2019-06' }],
    events: [
      { id: 'ev-arrest', date: '2019-03', type: 'arrest', title: 'Detained at her home in Almaty', sourceIds: ['src-news'] },
      { id: 'ev-verdict', date: '2021-02-16', type: 'verdict', title: 'Sentenced to seven years', description: 'Алмалинский суд признал её виновной.' },
      { id: 'ev-appeal', date: '2021', type: 'appeal', title: 'Appeal rejected by the city court' },
    ],
    sources: [
      {
        id: 'src-news',
        title: 'Ақын Гүлнар Әбдірахманова ұсталды',
        kind: 'article',
        publisher: 'Азаттық',
        publishedOn: '2019-03-15',
        language: 'kk',
        text: 'Алматыда ақын Гүлнар Әбдірахманова 2019 жылы наурызда ұсталды. Оған 174-бап бойынша айып тағылды.',
      },
    ],
    annotations: [
      {
        id: 'an-quote',
        sourceId: 'src-news',
        target: { quote: { exact: 'ақын Гүлнар Әбдірахманова 2019 жылы наурызда ұсталды' } },
        body: 'The arrest date is confirmed by independent press.',
        tags: ['arrest'],
        publicComment: true,
      },
      { id: 'an-note', body: 'The family asks that the colony be named in every appeal.', tags: ['family'], publicComment: true },
    ],
    advocacy: [
      { target: 'UN WGAD', kind: 'communication', date: '2020-05', reference: 'G/SO 218/2 KAZ', status: 'sent', nextFollowUp: '2026-12' },
      { target: 'European Parliament', kind: 'letter', date: '2021-03', status: 'replied' },
    ],
    analysis: { wgadCategories: ['II', 'III'], rightsViolated: ['ICCPR 19', 'ICCPR 14'], argument: 'The post was a protected expression of opinion; the trial relied on a single expert report the defence could not challenge.' },
    requests: [
      { text: 'Release Гүлнар Әбдірахманова immediately and unconditionally.' },
      { text: 'Guarantee her access to a lawyer of her choice and to her family.' },
    ],
  });
}

export function ngoCase(): CaseFile {
  return makeCase({
    kind: 'ngo_suspension',
    title: 'Қасым-Жомарт Тоқаев Foundation for Legal Aid — suspension',
    status: 'active',
    country: 'KZ',
    region: 'Астана',
    summary:
      'The Ministry of Justice suspended the foundation for three months after a tax inspection.\n\nThe foundation provided free legal aid to 1,200 people a year.',
    tags: ['ngo-suspension', 'tax-inspection'],
    organization: {
      name: 'Қасым-Жомарт Тоқаев Foundation for Legal Aid',
      aliases: ['Фонд правовой помощи имени Қасым-Жомарт Тоқаев'],
      registrationNumber: '150940012345',
      focus: 'free legal aid',
      city: 'Астана',
    },
    measure: {
      type: 'suspension',
      authority: 'Ministry of Justice of Kazakhstan',
      legalBasis: 'Code of Administrative Offences, art. 489 part 10',
      start: '2024-01-16',
      durationMonths: 3,
      fine: { amount: 2000000, currency: 'KZT', usdApprox: 4300 },
      status: 'appealed',
    },
    appeal: { court: 'Specialised Inter-district Administrative Court of Astana', filed: '2024-02', outcome: 'pending' },
    events: [
      { date: '2023-11', type: 'inspection', title: 'Tax inspection of the foundation' },
      { date: '2024-01-16', type: 'suspension', title: 'Suspended for three months' },
      { date: '2024-02', type: 'appeal', title: 'Appeal filed' },
    ],
    analysis: { wgadCategories: [], rightsViolated: ['ICCPR 22'], argument: 'A three-month suspension for a late tax filing is out of all proportion.' },
    requests: [{ text: 'Lift the suspension imposed on Қасым-Жомарт Тоқаев Foundation for Legal Aid without delay.' }],
  });
}

/** Another NGO case suspended by the same authority, for the pattern section. */
export function relatedNgoCase(): CaseFile {
  return makeCase({
    kind: 'ngo_suspension',
    title: 'Ерікті Қоғам — suspension of a volunteer group',
    tags: ['tax-inspection'],
    organization: { name: 'Ерікті Қоғам', aliases: [] },
    measure: { type: 'suspension', authority: 'Ministry of Justice of Kazakhstan', start: '2023-05' },
  });
}

/** Unique markers, one per confidential place, that must never reach a public brief. */
export const MARK = {
  contact: 'ZZCONTACT-Ұлан +7 701 555 0199',
  lawyer: 'ZZLAWYER Әділет Қожахметов',
  eventTitle: 'ZZEVENT secret prison visit',
  eventDescription: 'ZZEVENTDESC the guard told the lawyer about beatings',
  sourceTitle: 'ZZSOURCE Internal memo from the colony',
  annotationBody: 'ZZANNOT the witness fears reprisals',
  annotationQuote: 'ZZQUOTE қорқытты',
  confidentialSourceQuote: 'ZZCSQUOTE the memo orders isolation',
  confidentialSourceNote: 'ZZCSNOTE comment on the memo',
};

export function confidentialCase(extra: Partial<CaseDraftInput> = {}): CaseFile {
  return makeCase({
    kind: 'political_prisoner',
    title: 'Марат Жұмабаев — treason case',
    country: 'KZ',
    summary: 'Марат Жұмабаев, a journalist, is held in pre-trial detention on treason charges.',
    person: { name: 'Марат Жұмабаев', aliases: ['Marat Zhumabayev'], contact: MARK.contact },
    lawyer: MARK.lawyer,
    detention: { status: 'pre_trial', since: '2025-09-03' },
    events: [
      { date: '2025-09-03', type: 'arrest', title: 'Detained at the airport' },
      { date: '2025-10', type: 'other', title: MARK.eventTitle, description: MARK.eventDescription, confidential: true },
    ],
    sources: [
      { id: 'pub', title: 'Журналист задержан', kind: 'article', publisher: 'Vlast.kz', publishedOn: '2025-09-04', text: 'Журналист Марат Жұмабаев задержан в аэропорту. Его допрашивали и қорқытты ZZQUOTE қорқытты.' },
      {
        id: 'memo', title: MARK.sourceTitle, kind: 'other', confidential: true,
        text: `${MARK.confidentialSourceQuote}. The memo, seen by the defence, describes the conditions of his isolation cell in detail and names the officers responsible for the decision.`,
      },
    ],
    annotations: [
      { sourceId: 'pub', target: { quote: { exact: 'Журналист Марат Жұмабаев задержан в аэропорту' } }, body: 'Public report of the arrest.', tags: ['arrest'], publicComment: true },
      { sourceId: 'pub', target: { quote: { exact: MARK.annotationQuote } }, body: MARK.annotationBody, tags: ['threats'], confidential: true },
      { sourceId: 'memo', target: { quote: { exact: MARK.confidentialSourceQuote } }, body: MARK.confidentialSourceNote, tags: ['conditions'] },
    ],
    ...extra,
  } as CaseDraftInput);
}

/**
 * The audit's stress bundle (tests/fixtures/briefs): a prisoner with a 4,500-character
 * summary, 60 events, 12 advocacy actions and 16 annotations (13 on one source, one
 * orphaned), an NGO and four related NGOs; each case built the way the app builds one.
 */
export function stressCases(): CaseFile[] {
  // A version-1 bundle: each case brought to version 2 the way an import brings it.
  const bundle = JSON.parse(readFileSync(path.resolve('tests/fixtures/briefs/stress.casefile.json'), 'utf8')) as { cases: unknown[] };
  return bundle.cases.map((c) => makeCase(caseFromV1(c).value as CaseDraftInput));
}
