import type { z } from 'zod';
import type {
  AdvocacyKind, AdvocacyStatus, CaseKind, CaseStatus, DetentionStatus, EventType, MeasureStatus, MeasureType,
  PenaltyType, Priority, Recognition, SourceKind, WgadCategory,
} from '../../../../shared/model';
import { factsEn } from './facts';
import { MONTH_NAMES } from '../../../../shared/text/monthNames';
import { ENUM_LABELS } from '../../../../shared/labels/enumLabels';

// Every word a brief prints that is not the case's own text. English is the
// reference: its shape is the type (Labels), so a Russian or Kazakh table missing a
// key fails to compile.

type Gender = 'female' | 'male' | 'other' | 'unknown';
type RecognitionLabel = z.infer<typeof Recognition>['label'];
type Names<T extends string> = Record<T, string>;

/**
 * How a term counts its days: ordinary days, or the day-and-night (сутки / тәулік) in
 * which Kazakh and Russian law count administrative arrest; English says "days" for both.
 */
export type DayUnit = 'day' | 'dayNight';

/** The three tests of ICCPR article 22(2) every restriction on an association must pass. */
export type Iccpr22Test = 'law' | 'aim' | 'necessity';

const EN_MONTHS = MONTH_NAMES.en.nominative;
const SHARED = ENUM_LABELS.en;

export const en = {
  locale: 'en-GB',
  facts: factsEn,
  quoteOpen: '“',
  quoteClose: '”',
  /** "{page}" and "{total}" stand for the numbers. */
  pageOf: 'Page {page} of {total}',
  generated: (date: string) => `Generated ${date} by Casefile`,
  confidentialStamp: 'CONFIDENTIAL',
  /** Beside an item flagged confidential, in an internal brief. */
  confidentialItem: '[confidential]',
  markingPublic: 'PUBLIC — confidential information has been left out; this document may be shared.',
  markingInternal: 'CONFIDENTIAL — internal working document with confidential information. Do not share outside the defence team.',
  notRecorded: 'not recorded',
  none: 'none',
  unknown: 'unknown',

  templateTitle: {
    case: 'Case brief',
    wgad: 'Communication to the UN Working Group on Arbitrary Detention',
    'urgent-action': 'Urgent action',
    ngo: 'Submission to the UN Special Rapporteur on the rights to freedom of peaceful assembly and of association',
    multi: 'Case overview',
  },
  // The words the window prints too come from shared/labels; an NGO case is named by the organisation here on purpose (see there).
  kind: { ...SHARED.kind, ngo_suspension: 'Restricted NGO' } satisfies Names<CaseKind>,
  status: SHARED.status satisfies Names<CaseStatus>,
  priority: SHARED.priority satisfies Names<Priority>,
  detentionStatus: {
    pre_trial: 'Pre-trial detention', house_arrest: 'House arrest', administrative_arrest: 'Administrative arrest', imprisoned: 'Imprisoned',
    restricted_freedom: 'Restricted freedom', forced_treatment: 'Forced psychiatric treatment', incommunicado: 'Whereabouts unknown (incommunicado)',
    fined: 'Fined', released: 'Released', exile: 'Exile', unknown: 'Unknown',
  } satisfies Names<z.infer<typeof DetentionStatus>>,
  penaltyType: {
    prison: 'Imprisonment', administrative_arrest: 'Administrative arrest', restricted_freedom: 'Restricted freedom', fine: 'Fine',
    suspended: 'Suspended sentence', activity_ban: 'Ban on activity', travel_ban: 'Travel ban', forced_treatment: 'Forced psychiatric treatment',
    none: 'No penalty',
  } satisfies Names<z.infer<typeof PenaltyType>>,
  recognition: {
    political_prisoner: 'political prisoner', prisoner_of_conscience: 'prisoner of conscience', other: 'other recognition',
  } satisfies Names<RecognitionLabel>,
  measureType: {
    suspension: 'Suspension', fine: 'Fine', liquidation: 'Liquidation', inspection: 'Inspection',
    registration_denied: 'Registration denied', other: 'Other measure',
  } satisfies Names<z.infer<typeof MeasureType>>,
  measureStatus: {
    in_force: 'in force', appealed: 'appealed', overturned: 'overturned', upheld: 'upheld', expired: 'expired',
  } satisfies Names<z.infer<typeof MeasureStatus>>,
  eventType: {
    arrest: 'Arrest', charge: 'Charge', hearing: 'Hearing', verdict: 'Verdict', appeal: 'Appeal', transfer: 'Transfer',
    release: 'Release', suspension: 'Suspension', fine: 'Fine', inspection: 'Inspection', statement: 'Statement', other: 'Other',
  } satisfies Names<z.infer<typeof EventType>>,
  advocacyKind: {
    communication: 'Communication', urgent_appeal: 'Urgent appeal', letter: 'Letter', statement: 'Statement',
    meeting: 'Meeting', other: 'Other',
  } satisfies Names<z.infer<typeof AdvocacyKind>>,
  advocacyStatus: {
    draft: 'Draft', sent: 'Sent', replied: 'Replied', decided: 'Decided', closed: 'Closed',
  } satisfies Names<z.infer<typeof AdvocacyStatus>>,
  sourceKind: {
    article: 'article', court_document: 'court document', statement: 'statement', interview: 'interview', photo: 'photograph',
    recording: 'recording', other: 'document',
  } satisfies Names<z.infer<typeof SourceKind>>,
  gender: SHARED.gender satisfies Names<Gender>,

  /** A partial date with the precision given: "2019", "March 2019", "16 February 2021". */
  date: (year: number, month?: number, day?: number): string =>
    month === undefined ? String(year) : day === undefined ? `${EN_MONTHS[month - 1]} ${year}` : `${day} ${EN_MONTHS[month - 1]} ${year}`,
  duration: (years: number, months: number, days = 0, _unit: DayUnit = 'day') =>
    [
      years > 0 ? `${years} ${years === 1 ? 'year' : 'years'}` : '',
      months > 0 || (years === 0 && days === 0) ? `${months} ${months === 1 ? 'month' : 'months'}` : '',
      days > 0 ? `${days} ${days === 1 ? 'day' : 'days'}` : '',
    ].filter(Boolean).join(' '),
  approxUsd: (usd: string) => `≈ USD ${usd}`,
  circa: 'c. ',
  sinceDate: (date: string) => `since ${date}`,

  field: {
    name: 'Name', otherNames: 'Other spellings', born: 'Born', gender: 'Gender', occupation: 'Occupation',
    affiliation: 'Affiliation', country: 'Country', region: 'Region', caseStatus: 'Case status', priority: 'Priority',
    detention: 'Detention', place: 'Place', since: 'Since', expectedRelease: 'Expected release', charges: 'Charges',
    sentence: 'Sentence', verdict: 'Verdict', court: 'Court', recognitions: 'Recognised as', lawyer: 'Lawyer',
    contact: 'Contact', organisation: 'Organisation', registrationNumber: 'Registration number', focus: 'Focus', city: 'City',
    measure: 'Measure', authority: 'Authority', legalBasis: 'Legal basis', start: 'Start', end: 'End', duration: 'Duration',
    fine: 'Fine', appeal: 'Appeal', filed: 'Filed', outcome: 'Outcome', tags: 'Tags', rightsViolated: 'Rights violated',
    kind: 'Kind',
  },
  section: {
    keyFacts: 'Key facts', summary: 'Summary', requests: 'Requests', chronology: 'Chronology', charges: 'Charges',
    analysis: 'Analysis', remedies: 'Remedies and advocacy so far', domesticRemedies: 'Domestic remedies',
    advocacy: 'International advocacy', evidence: 'Annotated evidence', argument: 'Argument',
    wgadCategories: 'Categories of arbitrary detention (UN WGAD)', iccpr22: 'Restriction under ICCPR article 22(2)',
    deadlines: 'Coming deadlines',
  },
  table: {
    date: 'Date', event: 'Event', details: 'Details', target: 'To', kind: 'Kind', reference: 'Reference', status: 'Status',
    followUp: 'Follow-up', article: 'Article', code: 'Code', summary: 'Description', test: 'Test', requirement: 'What the law requires',
    facts: 'This case', no: 'No.', caseTitle: 'Case', state: 'Detention / measure', since: 'Since', authority: 'Authority',
    count: 'Cases', group: 'Group', category: 'Category', breakdown: 'Breakdown',
  },
  noEvents: 'No events recorded.',
  noCharges: 'No charges recorded.',
  noAdvocacy: 'No advocacy recorded.',
  noRemedies: 'No appeals or other domestic remedies recorded.',
  noEvidence: 'No annotated evidence.',
  noArgument: 'No argument recorded yet.',
  /** Internal briefs only: where the case file has nothing yet for a part a sendable brief needs. */
  toComplete: 'To be completed:',
  noArgumentYet: 'the case file holds no argument yet. Write it in the case’s analysis before this brief is sent.',
  caseNote: 'Note on the case',
  sourceLabel: 'Source',
  /** "{page}" stands for the page that holds the full note. */
  noteSeePage: 'full reference on page {page}',
  unverifiedLeftOut: (n: number) =>
    `${n} ${n === 1 ? 'annotation is' : 'annotations are'} left out: ${n === 1 ? 'its' : 'their'} passage changed or is gone from the source. Review ${n === 1 ? 'it' : 'them'} in Sources.`,
  preparedBy: (who: string) => `Prepared by ${who}`,
  sha256: 'SHA-256',
  wgadCategory: (c: string) => `Category ${c}`,
  wgadCategoryText: {
    I: 'It is clearly impossible to invoke any legal basis justifying the deprivation of liberty.',
    II: 'The deprivation of liberty results from the exercise of the rights or freedoms guaranteed by articles 7, 13, 14, 18, 19, 20 and 21 of the Universal Declaration of Human Rights and, for States parties, by articles 12, 18, 19, 21, 22, 25, 26 and 27 of the ICCPR.',
    III: 'The total or partial non-observance of the international norms relating to the right to a fair trial is of such gravity as to give the deprivation of liberty an arbitrary character.',
    IV: 'Asylum seekers, immigrants or refugees are subjected to prolonged administrative custody without the possibility of administrative or judicial review or remedy.',
    V: 'The deprivation of liberty constitutes a violation of international law on the grounds of discrimination that aims towards or can result in ignoring the equality of human beings.',
  } satisfies Names<z.infer<typeof WgadCategory>>,
  wgadClaimed: 'Claimed in this case',
  wgadNotClaimed: 'No category has been claimed yet.',
  iccpr22Test: {
    law: 'Is the restriction prescribed by law?',
    aim: 'Does it pursue a legitimate aim?',
    necessity: 'Is it necessary in a democratic society?',
  } satisfies Names<Iccpr22Test>,
  iccpr22Requirement: {
    law: 'A precise, accessible and foreseeable legal provision must authorise the measure.',
    aim: 'The measure must serve national security or public safety, public order, public health or morals, or the rights and freedoms of others.',
    necessity: 'The measure must answer a pressing social need and be proportionate; the least intrusive means must be chosen.',
  } satisfies Names<Iccpr22Test>,
  iccpr22Intro: 'Each restriction on an association must pass all three tests. The right-hand column gives what the case file records for each.',
  iccpr22Facts: {
    imposedBy: (authority: string) => `Imposed by ${authority}.`,
    basis: (basis: string) => `Legal basis cited: ${basis}.`,
    basisMissing: 'legal basis not recorded.',
    rights: (rights: string) => `Rights engaged, as the case file records them: ${rights}.`,
    measure: (measure: string) => `The measure: ${measure}.`,
    seeArgument: 'See the argument below.',
    argumentMissing: 'the argument on this test.',
  },

  wgad: {
    intro: 'Model questionnaire for a communication to the Working Group on Arbitrary Detention, completed from the case file.',
    s1: 'I. Identity', s2: 'II. Arrest', s3: 'III. Detention', s4: 'IV. Circumstances and why the deprivation of liberty is arbitrary',
    s5: 'V. Domestic remedies', s6: 'VI. Person(s) submitting the communication',
    familyName: 'Name', otherNames: 'Other names and spellings', sex: 'Sex', birthYear: 'Year of birth',
    profession: 'Profession and/or activity', affiliation: 'Affiliation', country: 'Country',
    arrestDate: 'Date of arrest', arrestEvents: 'Arrest as recorded',
    noArrest: 'No information on the arrest is available.', detentionSince: 'Date of detention', detentionStatus: 'Present situation',
    detentionPlace: 'Place of detention', expectedRelease: 'Expected release', legalBasis: 'Legal basis (charges)',
    sentence: 'Sentence', rights: 'Rights violated',
    chargeEvents: 'Charges as recorded', detentionEvents: 'Transfers and release as recorded', otherEvents: 'Chronology of other events',
    claimedIntro: 'The source submits that the deprivation of liberty is arbitrary under the following categories.',
    definition: 'The category',
    inThisCase: 'In this case',
    chargesOnRecord: (charges: string) => `Charges: ${charges}.`,
    noChargeOnRecord: 'No charge is recorded in the case file.',
    argumentFor: 'Argument',
    seeArgument: 'The argument below applies.',
    moreInSection: (n: number, section: string) => `and ${n} more, listed in section ${section}.`,
    submitterName: 'Full name', submitterOrganisation: 'Organisation', submitterAddress: 'Address',
    submitterPhone: 'Telephone', submitterEmail: 'E-mail', submitterDate: 'Date', submitterSignature: 'Signature',
    consent: 'Consent of the detained person or family to the communication',
  },
  urgent: {
    concern: 'Concern', details: 'Case details', background: 'Background', ask: 'What to ask', whom: 'Whom to write to',
    adviceWrite: 'Write politely, in English, Russian or your own language. Do not send copies of court documents unless the family agrees.',
    fullSummary: 'Shortened for this appeal; the full account is in the case brief.',
    recipients: (country: string) => [
      `The President of ${country}`,
      `The Prosecutor General of ${country}`,
      `The Commissioner for Human Rights (Ombudsperson) of ${country}`,
      `Copies to the diplomatic representation of ${country} in your country`,
    ],
    otherTargets: 'Already approached in this case',
  },
  ngoT: {
    organisation: 'The organisation', measures: 'Measures and their legal basis', remedies: 'Remedies (appeal)', impact: 'Impact',
    pattern: 'Pattern', noRelated: 'No related cases on record.',
    relatedIntro: (count: number) => `${count} related ${count === 1 ? 'case' : 'cases'} on record: the same authority or a shared tag.`,
    sharedTags: 'Shared tags',
    sameAuthority: 'same authority',
  },
  multiT: {
    counts: 'Summary', byKind: 'By kind', byStatus: 'By case status', byDetention: 'Political prisoners by detention status',
    byMeasure: 'NGOs by measure', casesTable: 'Cases', profiles: 'Profiles', total: (n: number) => `${n} ${n === 1 ? 'case' : 'cases'} in this overview.`,
  },
  country: {
    KZ: 'the Republic of Kazakhstan', KG: 'the Kyrgyz Republic', TJ: 'the Republic of Tajikistan', UZ: 'the Republic of Uzbekistan',
    TM: 'Turkmenistan', RU: 'the Russian Federation', BY: 'the Republic of Belarus', AZ: 'the Republic of Azerbaijan', CN: "the People's Republic of China",
  } as Record<string, string>,
  countryShort: {
    KZ: 'Kazakhstan', KG: 'Kyrgyzstan', TJ: 'Tajikistan', UZ: 'Uzbekistan', TM: 'Turkmenistan', RU: 'Russia',
    BY: 'Belarus', AZ: 'Azerbaijan', CN: 'China',
  } as Record<string, string>,
  theState: 'the State concerned',
  countryOf: (name: string, withThe: boolean) => (withThe ? `the ${name}` : name),
};

export type Labels = typeof en;

