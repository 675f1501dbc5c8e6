import type { CaseFile } from '../../../shared/model';
import { makeCase } from './fixtures';

// Cases built for the urgent action, the SR submission and the country list, each with
// what its anchor asks for, and with working text planted where a brief to send must not
// carry it. The names are invented.

export const CN_REQUESTS = [
  'Release Nurlan Abenov immediately, since he is held solely for a post on WeChat.',
  'Pending his release, let his family and a lawyer of his choice visit him.',
];

/** A Kazakh citizen held in China: China signed the ICCPR but never ratified it, and has no ombudsperson. */
export function chinaDetainee(): CaseFile {
  return makeCase({
    kind: 'political_prisoner',
    title: 'Nurlan Abenov — detained in Xinjiang for a WeChat post',
    country: 'CN',
    region: 'Ürümqi',
    priority: 'urgent',
    tags: ['xinjiang', 'todo-call-family'],
    summary:
      'Nurlan Abenov, a Kazakh citizen, has been held in Ürümqi since April 2023 for a post on WeChat about his mother’s village.\n\n' +
      'His family in Almaty learnt of his detention from a neighbour. No charge has been shown to them.',
    person: { name: 'Nurlan Abenov', aliases: ['Нұрлан Әбенов', 'Нурлан Абенов'], gender: 'male', nationality: ['KZ'], occupation: 'trader' },
    detention: { status: 'imprisoned', place: 'Ürümqi No. 3 Detention Centre', since: '2023-04', health: 'untreated diabetes, weight loss of 15 kg' },
    charges: [{ code: 'Criminal Law of the PRC', summary: 'picking quarrels and provoking trouble' }],
    analysis: { wgadCategories: ['II'], rightsViolated: ['ICCPR 19', 'ICCPR 9'] },
    requests: CN_REQUESTS.map((text, i) => ({ id: `cn-r${i + 1}`, text })),
    advocacy: [
      { id: 'cn-a1', target: 'UN WGAD', kind: 'communication', date: '2024-02', status: 'sent', notes: 'ring Geneva on Tuesday' },
      { id: 'cn-a2', target: 'UN Committee against Torture', kind: 'letter', status: 'draft' },
    ],
    sources: [{ id: 'cn-s1', title: 'Kazakh trader missing in Ürümqi', kind: 'article', publisher: 'Azattyq', publishedOn: '2023-06-02', text: 'Nurlan Abenov went missing in Ürümqi in April 2023.' }],
    briefing: { urgentAction: { number: 'UA 31/26', issuedOn: '2026-11-20', sendBefore: '2027-01-15' } },
  });
}

export const KZ_REQUEST = 'Quash the administrative arrest of Aigerim Tleuova and open an investigation into the police’s use of force at the picket.';

/** A 10-day administrative arrest in Almaty for a peaceful picket. */
export function kazakhArrest(): CaseFile {
  return makeCase({
    kind: 'political_prisoner',
    title: 'Aigerim Tleuova — 10 days for a picket in Almaty',
    country: 'KZ',
    region: 'Almaty',
    summary: 'Aigerim Tleuova, a civic activist, was arrested at a single-person picket on Republic Square and given ten days of administrative arrest.',
    person: { name: 'Aigerim Tleuova', aliases: ['Әйгерім Тілеуова'], gender: 'female', nationality: ['KZ'], occupation: 'civic activist' },
    arrest: { date: '2026-11-10', place: 'Republic Square, Almaty', by: 'Almaty police' },
    detention: { status: 'administrative_arrest', place: 'Special detention centre, Almaty', since: '2026-11-10' },
    charges: [{ article: '488 part 6', code: 'Code of Administrative Offences', summary: 'breach of the procedure for holding a peaceful assembly' }],
    decisions: [{ id: 'kz-d1', stage: 'verdict', date: '2026-11-11', body: 'Specialised administrative court of Almaty', penalty: { type: 'administrative_arrest', term: { days: 10 } } }],
    recognitions: [{ by: 'Kazakhstan Bureau for Human Rights', label: 'prisoner_of_conscience', date: '2026-11' }],
    analysis: { wgadCategories: ['II'], rightsViolated: ['ICCPR 21', 'ICCPR 19'] },
    requests: [{ id: 'kz-r1', text: KZ_REQUEST }],
    lawyer: 'Zhanar Seitkali, +7 701 555 12 34',
    briefing: { urgentAction: { number: 'UA 44/26', issuedOn: '2026-11-12', sendBefore: '2026-12-20', writeIn: 'Kazakh, Russian or English' } },
  });
}

export const NGO_REQUESTS = [
  'Ask the Government of Kazakhstan to explain how the suspension of Adal Sóz serves a legitimate aim under article 22(2) of the Covenant.',
  'Call on the authorities to reinstate the foundation’s registration.',
];

/** An NGO with two measures: the suspension (the case's measure and its own event) and a later fine, and an inspection before both. */
export function ngoTwoMeasures(): CaseFile {
  return makeCase({
    kind: 'ngo_suspension',
    title: 'Adal Sóz Foundation — suspended and fined',
    country: 'KZ',
    region: 'Astana',
    summary: 'The Adal Sóz Foundation, which gives free legal aid to journalists, was suspended for three months and then fined.',
    organization: {
      name: 'Adal Sóz Foundation', aliases: ['Әділ Сөз қоры'], legalForm: 'Public foundation', registrationNumber: '140440012345',
      founded: '2014-04', focus: 'free legal aid to journalists and bloggers', city: 'Astana', members: 12,
    },
    measure: {
      type: 'suspension', authority: 'Department of Justice of Astana', legalBasis: 'Code of Administrative Offences, art. 489 part 10',
      aimClaimed: 'protecting public order', start: '2024-03-04', durationMonths: 3, status: 'appealed',
    },
    appeal: { court: 'Specialised Inter-district Administrative Court of Astana', filed: '2024-03-20', outcome: 'rejected on 15 April 2024' },
    impact: 'Forty journalists lost their lawyers during the suspension; two hearings went ahead without counsel.',
    events: [
      { id: 'ng-e1', date: '2024-02-12', type: 'inspection', title: 'Unscheduled tax inspection of the foundation', description: 'Inspectors of the State Revenue Committee audited five years of accounts.' },
      { id: 'ng-e2', date: '2024-03-04', type: 'suspension', title: 'Activities suspended for three months', description: 'Order of the Department of Justice, served at the office.' },
      { id: 'ng-e3', date: '2024-07-01', type: 'fine', title: 'Fined 1,000,000 KZT for “activity while suspended”', description: 'Imposed by the Astana administrative court for a consultation given by phone.' },
    ],
    analysis: { wgadCategories: [], rightsViolated: ['ICCPR 22', 'ICCPR 19'], argument: 'A three-month suspension for a late filing is out of all proportion to any aim of public order.' },
    requests: NGO_REQUESTS.map((text, i) => ({ id: `ng-r${i + 1}`, text })),
    advocacy: [
      { id: 'ng-a1', target: 'OSCE ODIHR', kind: 'letter', date: '2024-04', status: 'sent' },
      { id: 'ng-a2', target: 'UN SR on freedom of association', kind: 'communication', status: 'draft', notes: 'wait for the appeal ruling' },
    ],
  });
}

/** More people for the country list: pre-trial, house arrest, exile, forced treatment, and a case that names no country. */
export function moreForList(): CaseFile[] {
  const person = (title: string, name: string, status: 'pre_trial' | 'house_arrest' | 'exile' | 'forced_treatment' | 'imprisoned', extra: object = {}) =>
    makeCase({
      kind: 'political_prisoner', title, country: 'KZ', summary: `${name}: the case.`, person: { name, aliases: [] },
      detention: { status, since: '2025-01' }, ...extra,
    });
  return [
    person('Serik Omarov — pre-trial', 'Serik Omarov', 'pre_trial', { requests: [{ text: 'Release all those held for peaceful protest.' }] }),
    person('Dana Zhaksy — house arrest', 'Dana Zhaksy', 'house_arrest', { requests: [{ text: 'Release all those held for peaceful protest.' }] }),
    person('Ruslan Bek — in exile', 'Ruslan Bek', 'exile'),
    person('Marat Ali — forced treatment', 'Marat Ali', 'forced_treatment'),
    makeCase({ kind: 'political_prisoner', title: 'Unplaced case — imprisoned', summary: 'No country yet.', person: { name: 'Timur Nurov', aliases: [] }, detention: { status: 'imprisoned' } }),
  ];
}
