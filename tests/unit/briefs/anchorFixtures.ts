import { writeFileSync } from 'node:fs';
import type { CaseDraftInput, CaseFile } from '../../../shared/model';
import type { BriefLang, BriefMode, BriefTemplate } from '../../../shared/model/brief';
import type { Organization } from '../../../shared/organization';
import { organizationForBrief } from '../../../shared/organization';
import { caseInLanguage } from '../../../electron/services/briefs/caseLanguage';
import { DocBuilder } from '../../../electron/services/briefs/doc/builder';
import type { BriefDocument } from '../../../electron/services/briefs/doc/model';
import { formatDay } from '../../../electron/services/briefs/format';
import { labelsFor } from '../../../electron/services/briefs/labels';
import { renderPdf } from '../../../electron/services/briefs/layout/renderPdf';
import { caseForBrief } from '../../../electron/services/briefs/redaction';
import type { Ctx } from '../../../electron/services/briefs/sections';
import { renderCase } from '../../../electron/services/briefs/templates/case';
import { renderWgad } from '../../../electron/services/briefs/templates/wgad';
import { GENERATED_AT, makeCase } from './fixtures';
import { outPath, pdftotext, squash } from './pdfTools';

// Cases built for the WGAD questionnaire and the case dossier, field by field: a 10-day
// administrative arrest in Almaty, a long-term prisoner with a verdict, an appeal, a
// reduction and a denied early release, a hearing that granted release, and an exile.

export const ORG: Organization = {
  name: 'Kazakhstan Bureau for Human Rights',
  address: 'ул. Кунаева 77, Алматы 050000',
  email: 'office@bureau.example.org',
  phone: '+7 727 200 11 22',
  responsiblePerson: 'Rozlana Taukina',
  responsibleRole: 'Legal counsel',
};

export const FILE_SHA = 'ab'.repeat(32);

export function adminArrestCase(extra: Record<string, unknown> = {}): CaseFile {
  return makeCase({
    kind: 'political_prisoner',
    title: 'Baibolat Kunbolatuly — 10-day administrative arrest for a picket',
    country: 'KZ',
    region: 'Almaty',
    summary: 'Baibolat Kunbolatuly held a one-person picket on Republic Square and was arrested on the spot.',
    person: {
      name: 'Baibolat Kunbolatuly', familyName: 'Kunbolatuly', givenNames: 'Baibolat', aliases: ['Байболат Кунболатулы'],
      born: { date: '1985-04-12' }, gender: 'male', nationality: ['KZ'], occupation: 'civic activist', affiliation: 'Oyan, Qazaqstan',
      address: 'ул. Абая 150, кв. 12, Алматы', idDocument: { type: 'ID card', number: '041234567', issuedBy: 'Ministry of Internal Affairs' },
      contact: '+7 701 555 12 34',
    },
    arrest: {
      date: '2021-02-08', place: 'Republic Square, Almaty', by: 'Almaty police', warrantShown: 'no', warrantIssuedBy: 'Almaty police chief',
      reasonsGiven: 'unsanctioned picket', legalBasis: 'Code of Administrative Offences, art. 488 part 6',
    },
    detention: {
      status: 'released', place: 'Special detention centre, Almaty', heldBy: 'Almaty city police department', since: '2021-02-08', releasedOn: '2021-02-18',
      conditions: 'Cell shared with eight people.',
    },
    charges: [{ article: '488 part 6', code: 'Code of Administrative Offences', summary: 'breach of the rules on peaceful assemblies', outcome: 'convicted' }],
    decisions: [
      { id: 'd-verdict', date: '2021-02-08', stage: 'verdict', body: 'Specialised administrative court of Almaty', penalty: { type: 'administrative_arrest', term: { days: 10 } } },
      { id: 'd-appeal', date: '2021-02-12', stage: 'appeal', body: 'Almaty City Court', outcome: 'appeal rejected; arrest upheld' },
    ],
    events: [
      { id: 'e-arrest', date: '2021-02-08', type: 'arrest', title: 'Arrested alone with a placard on Republic Square', sourceIds: ['s-news'] },
      { id: 'e-verdict', date: '2021-02-08', type: 'verdict', title: 'Ten days of administrative arrest imposed the same evening', description: 'The hearing lasted twenty minutes; no lawyer was admitted.', sourceIds: ['s-news'] },
      { id: 'e-appeal', date: '2021-02-12', type: 'appeal', title: 'The city court rejected his appeal in absentia', sourceIds: ['s-ruling'] },
      { id: 'e-release', date: '2021-02-18', type: 'release', title: 'Walked out of the special detention centre', sourceIds: ['s-news'] },
    ],
    sources: [
      {
        id: 's-news', title: 'Активиста арестовали на десять суток', kind: 'article', publisher: 'Vlast.kz', publishedOn: '2021-02-09',
        url: 'https://vlast.kz/novosti/44321-aktivista-arestovali.html', text: 'Активиста Байболата Кунболатулы арестовали на десять суток за одиночный пикет.',
      },
      {
        id: 's-ruling', title: 'Ruling of the Almaty City Court on the appeal', kind: 'court_document', publishedOn: '2021-02-12',
        text: 'The appeal is rejected and the ruling of the specialised administrative court upheld.',
        file: { sha256: FILE_SHA, name: 'appeal-ruling-2021-02-12.pdf', mediaType: 'application/pdf', size: 48213, addedAt: '2026-11-01T09:00:00.000Z' },
      },
    ],
    analysis: { wgadCategories: ['I', 'II', 'III'], rightsViolated: ['ICCPR 9', 'ICCPR 21', 'ICCPR 14'], argument: 'A peaceful one-person picket needs no permission under international law.' },
    consent: { status: 'given', by: 'Aigerim Sadykova (wife)', date: '2021-03-01' },
    lawyer: 'Zhanar Sarsenova',
    advocacy: [
      { target: 'UN WGAD', kind: 'communication', status: 'draft', notes: 'wait for the appeal ruling' },
      { target: 'OSCE ODIHR', kind: 'letter', status: 'sent', date: '2021-03' },
    ],
    requests: [{ text: 'Quash the ruling of 8 February 2021 and compensate Baibolat Kunbolatuly for the ten days he was held.' }],
    ...extra,
  } as CaseDraftInput);
}

export function longTermCase(extra: Record<string, unknown> = {}): CaseFile {
  return makeCase({
    kind: 'political_prisoner',
    title: 'Serik Zhaksybekov — ten years for a Telegram channel',
    country: 'KZ',
    region: 'Pavlodar',
    summary: 'Serik Zhaksybekov ran a Telegram channel critical of the regional administration.',
    person: { name: 'Serik Zhaksybekov', aliases: [], born: { date: '1972', approximate: true }, gender: 'male', nationality: ['KZ'], occupation: 'blogger' },
    arrest: { date: '2018-12', place: 'his flat in Pavlodar', by: 'National Security Committee' },
    detention: { status: 'imprisoned', place: 'ИК-161/3, Заречный', heldBy: 'Penal Correction Committee', since: '2018-12' },
    charges: [{ article: '174 part 1', code: 'Criminal Code', summary: 'inciting social discord', outcome: 'convicted' }],
    decisions: [
      { id: 'l-verdict', date: '2019-09-20', stage: 'verdict', body: 'Pavlodar City Court No. 2', penalty: { type: 'prison', term: { years: 10 } } },
      { id: 'l-appeal', date: '2019-12-10', stage: 'appeal', body: 'Pavlodar Regional Court', outcome: 'defence appeal rejected' },
      { id: 'l-prosecutor', date: '2020-03-02', stage: 'appeal', body: 'Supreme Court', outcome: "prosecutor's appeal for a longer term dismissed" },
      { id: 'l-reduction', date: '2022-01-15', stage: 'reduction', body: 'Pavlodar City Court No. 2', penalty: { type: 'prison', term: { years: 9, months: 4 } }, outcome: 'term cut under the 2021 amnesty law' },
      { id: 'l-udo', date: '2024-05-06', stage: 'early_release_denied', body: 'Ekibastuz City Court', outcome: 'petition for early release refused' },
    ],
    events: [
      { id: 'l-e1', date: '2018-12', type: 'arrest', title: 'Detained by the National Security Committee at dawn', sourceIds: ['l-s1'] },
      { id: 'l-e2', date: '2018-12', type: 'charge', title: 'Charged with inciting social discord over posts', sourceIds: ['l-s1'] },
      { id: 'l-e3', date: '2019-09-20', type: 'verdict', title: 'Sentenced behind closed doors to ten years', sourceIds: ['l-s2'] },
      { id: 'l-e4', date: '2019-12-10', type: 'appeal', title: 'Regional court upheld the sentence', sourceIds: ['l-s2'] },
      { id: 'l-e5', date: '2020-06', type: 'transfer', title: 'Moved to the colony near Zarechny' },
      { id: 'l-e6', date: '2024-05-06', type: 'hearing', title: 'Early release hearing ended in refusal', sourceIds: ['l-s3'] },
    ],
    sources: [
      { id: 'l-s1', title: 'Блогер задержан КНБ', kind: 'article', publisher: 'Azattyq', publishedOn: '2018-12-05', url: 'https://rus.azattyq.org/a/29638111.html', text: 'Блогера задержали сотрудники КНБ.' },
      { id: 'l-s2', title: 'Приговор по делу блогера', kind: 'article', publisher: 'KazTAG', publishedOn: '2019-09-21', text: 'Суд приговорил блогера к восьми годам.' },
      { id: 'l-s3', title: 'УДО не дали', kind: 'article', publisher: 'Vlast.kz', publishedOn: '2024-05-07', text: 'Суд отказал в условно-досрочном освобождении.' },
    ],
    analysis: { wgadCategories: ['II', 'III', 'V'], rightsViolated: ['ICCPR 19', 'ICCPR 14'] },
    requests: [{ text: 'Review the denial of early release of Serik Zhaksybekov.' }],
    ...extra,
  } as CaseDraftInput);
}

/** Released by a court two days after the arrest: nothing in it can carry category III. */
export function releaseGrantedCase(): CaseFile {
  return makeCase({
    kind: 'political_prisoner',
    title: 'Aliya Nurlanova — released on bail by the investigating judge',
    country: 'KZ',
    summary: 'Aliya Nurlanova, a journalist, was detained at a press conference and released two days later.',
    person: { name: 'Aliya Nurlanova', aliases: [], nationality: ['KZ'], gender: 'female' },
    arrest: { date: '2023-05-02', place: 'Hotel Kazakhstan, Almaty', by: 'Almaty police' },
    detention: { status: 'released', since: '2023-05-02', releasedOn: '2023-05-04' },
    events: [
      { id: 'r-e1', date: '2023-05-02', type: 'arrest', title: 'Detained at a press conference' },
      { id: 'r-e2', date: '2023-05-04', type: 'hearing', title: 'Investigating judge grants release on bail' },
    ],
    analysis: { wgadCategories: ['II', 'III'], rightsViolated: ['ICCPR 19'] },
  });
}

/** In exile: the day she reached it is not a date of detention. */
export function exileCase(): CaseFile {
  return makeCase({
    kind: 'political_prisoner',
    title: 'Dina Tokbergenova — in exile after a summons',
    country: 'KZ',
    summary: 'Dina Tokbergenova left Kazakhstan after being summoned as a suspect.',
    person: { name: 'Dina Tokbergenova', aliases: [], nationality: ['KZ'] },
    detention: { status: 'exile', place: 'Kyiv', since: '2022-06-01' },
    analysis: { wgadCategories: ['II'], rightsViolated: ['ICCPR 19'] },
  });
}

export type Composed = { document: BriefDocument; text: string; file: string };
let serial = 0;

/**
 * The brief composed as renderBrief composes it, for a given view. `submission` shows the
 * case as MODEL.md's submission mode does (address, identity document, consent, lawyer):
 * until the redaction view carries those in submission mode, the full case stands in for
 * it (these fixtures hold no item flagged confidential, so nothing else differs).
 */
export async function compose(c: CaseFile, template: Extract<BriefTemplate, 'wgad' | 'case'>, mode: BriefMode, lang: BriefLang = 'en', org: Organization = ORG): Promise<Composed> {
  const l = labelsFor(lang);
  const view = caseInLanguage(caseForBrief(c, { mode: mode === 'submission' ? 'internal' : mode }), lang);
  const w = new DocBuilder();
  const today = { year: GENERATED_AT.getFullYear(), month: GENERATED_AT.getMonth() + 1, day: GENERATED_AT.getDate() };
  const ctx: Ctx = { w, l, lang, mode, date: formatDay(GENERATED_AT, l), today, org: organizationForBrief(org, mode).printed };
  if (template === 'wgad' && view.kind === 'political_prisoner') renderWgad(ctx, view);
  else renderCase(ctx, view);
  const document: BriefDocument = {
    meta: { title: c.title, subject: template, keywords: [], lang, mode, generatedAt: GENERATED_AT, author: '' },
    furniture: { title: c.title, right: '', pageLabel: l.pageOf },
    nodes: w.nodes,
    footnotes: w.footnotes,
  };
  const { buffer } = await renderPdf(document);
  const file = outPath(`anchor-${++serial}-${template}-${lang}-${mode}.pdf`);
  writeFileSync(file, buffer);
  return { document, text: squash(pdftotext(file)), file };
}
