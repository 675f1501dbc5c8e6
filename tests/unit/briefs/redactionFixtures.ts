import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CaseDraftInput, CaseFile } from '../../../shared/model';
import { makeCase } from './fixtures';

/** What each mode must show or keep out, planted in one case: the always-confidential fields, flagged items, working notes. */
export const PLANT = {
  lawyer: 'Адвокат Нұрлан Сәрсенов',
  lawyerSurname: 'Сәрсенов',
  contact: 'Сестра Айгерім, +7 701 234 56 78',
  phoneDigits: '77012345678',
  address: 'Алматы, ул. Жамбыла 114, кв. 9',
  idNumber: 'N04417736',
  consentBy: 'Айгерім Әбішева, сестра',
  consentScope: 'Жалоба в Рабочую группу ООН',
  health: 'Туберкулёз лёгких, диагноз 2024 года',
  tag: 'todo-call-mother',
  eventTitle: 'Встреча с прокурором',
  eventDescription: 'Прокурор Бердібек Жақсылықов предложил сделку в обмен на признание.',
  prosecutorSurname: 'Жақсылықов',
  comment: 'Ask Dana to fetch the verdict copy before Friday',
  advocacyNote: 'Follow up with the secretariat by phone next week',
  draftReference: 'DRAFT-REF-4471',
  request: 'Arrange a closed meeting with the ombudsperson’s deputy',
  deadline: 'File the cassation appeal quietly',
  decisionOutcome: 'term cut by the closed hearing of the regional court',
  publicEvent: 'Sentenced to seven years',
} as const;

export function plantedCase(extra: Partial<CaseDraftInput> = {}): CaseFile {
  return makeCase({
    kind: 'political_prisoner',
    title: 'Кенжебек Әбішев — «holy war» case',
    status: 'active',
    priority: 'urgent',
    country: 'KZ',
    region: 'Алматы',
    summary: 'Кенжебек Әбішев, a civic activist, was detained in Almaty and sentenced to seven years for a Facebook post.',
    tags: [PLANT.tag, 'extremism'],
    person: {
      name: 'Кенжебек Әбішев',
      familyName: 'Әбішев',
      aliases: ['Kenzhebek Abishev'],
      born: { date: '1971' },
      gender: 'male',
      nationality: ['KZ'],
      occupation: 'civic activist',
      contact: PLANT.contact,
      address: PLANT.address,
      idDocument: { type: 'passport', number: PLANT.idNumber, issuedBy: 'Ministry of Internal Affairs' },
    },
    lawyer: PLANT.lawyer,
    consent: { status: 'given', by: PLANT.consentBy, date: '2025-10-01', scope: PLANT.consentScope },
    arrest: { date: '2025-02-03', place: 'Алматы', by: 'National Security Committee' },
    detention: { status: 'imprisoned', place: 'Colony UK-161/2, Zarechny', since: '2025-02-03', health: PLANT.health },
    charges: [{ article: '174 part 1', code: 'Criminal Code of the Republic of Kazakhstan' }],
    decisions: [
      { id: 'd1', stage: 'verdict', date: '2025-09-16', body: 'Almaty City Court', penalty: { type: 'prison', term: { years: 7 } } },
      { id: 'd2', stage: 'reduction', date: '2026-03', body: 'Almaty Regional Court', outcome: PLANT.decisionOutcome, confidential: true },
    ],
    events: [
      { id: 'e1', date: '2025-02-03', type: 'arrest', title: 'Detained at his home in Almaty' },
      { id: 'e2', date: '2025-06', type: 'other', title: PLANT.eventTitle, description: PLANT.eventDescription, confidential: true },
      { id: 'e3', date: '2025-09-16', type: 'verdict', title: PLANT.publicEvent, description: 'The court found him guilty of inciting discord.' },
    ],
    annotations: [{ id: 'a1', body: PLANT.comment, tags: ['verdict'] }],
    deadlines: [{ date: '2026-12-01', title: PLANT.deadline, done: false, confidential: true }],
    advocacy: [
      { target: 'UN WGAD', kind: 'communication', date: '2025-11', status: 'sent', notes: PLANT.advocacyNote },
      { target: 'UN Special Rapporteur on torture', kind: 'letter', status: 'draft', reference: PLANT.draftReference },
    ],
    analysis: { wgadCategories: ['II'], rightsViolated: ['ICCPR 19'], argument: 'The post was a protected expression of opinion.' },
    requests: [
      { text: 'Release Кенжебек Әбішев immediately and unconditionally.' },
      { text: PLANT.request, confidential: true },
    ],
    ...extra,
  } as CaseDraftInput);
}

/** Every case of the shipped sample bundles (assets/sample-cases*.json), built the way an import builds one. */
export function sampleCases(): CaseFile[] {
  const dir = path.resolve('assets');
  return readdirSync(dir)
    .filter((f) => f.startsWith('sample-cases') && f.endsWith('.json'))
    .flatMap((f) => (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { cases: CaseDraftInput[] }).cases.map((c) => makeCase(c)));
}
