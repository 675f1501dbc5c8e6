import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../shared/model';
import type { BriefLang, BriefMode, BriefTemplate } from '../../../shared/model/brief';
import { countryEntry } from '../../../shared/model/addressees';
import { extractPdfText, renderBrief } from '../../../electron/services/briefs';
import { checkBrief } from '../../../electron/services/briefs/completeness';
import type { BriefDocument, Node } from '../../../electron/services/briefs/doc/model';
import { loadSeedAddressBook, writeAddressBook } from '../../../electron/services/addressees';
import { checkBriefOperation } from '../../../electron/services/briefs/service';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { CaseDraft } from '../../../shared/model';
import { tempDir } from '../../helpers/fixtures';
import { CN_REQUESTS, KZ_REQUEST, NGO_REQUESTS, chinaDetainee, kazakhArrest, moreForList, ngoTwoMeasures } from './appealsFixtures';
import { GENERATED_AT, makeCase, stressCases } from './fixtures';
import { outPath, pdfinfo, pdftotext, renderPngs, squash } from './pdfTools';
import { own } from './gapTools';

// The urgent action, the SR submission and the country list read field by field against
// the formats their recipients publish (an Amnesty UA sheet; what the SR on freedom of
// association asks; an NGO country list), from the text of the file as written.

const addressBook = await loadSeedAddressBook();
const ORG = {
  name: 'Kazakhstan Bureau for Human Rights', address: 'Abay avenue 1\nAlmaty 050000', email: 'office@kibhr.example',
  phone: '+7 727 123 45 67', responsiblePerson: 'Ainur Sadykova', responsibleRole: 'Director',
};

type Rendered = { file: string; pages: number; flat: string; document: BriefDocument };

async function render(cases: CaseFile[], template: BriefTemplate, lang: BriefLang = 'en', mode: BriefMode = 'submission', extra: { related?: CaseFile[]; book?: boolean } = {}): Promise<Rendered> {
  const file = outPath(`appeals-${template}-${lang}-${mode}-${cases[0]!.id}-${cases.length}.pdf`);
  const r = await renderBrief(cases, file, {
    template, lang, mode, generatedAt: GENERATED_AT, organization: ORG,
    ...(extra.book === false ? {} : { addressBook }), ...(extra.related ? { related: extra.related } : {}),
  });
  expect(Number(pdfinfo(file).Pages)).toBe(r.pages);
  return { file, pages: r.pages, flat: squash(pdftotext(file)), document: r.document };
}

/** The text of every run of every list item in the document model, as a template wrote it. */
function listItems(doc: BriefDocument): string[] {
  const out: string[] = [];
  const visit = (n: Node): void => {
    if (n.type === 'list') for (const item of n.items) out.push(item.map((r) => r.text).join(''));
    if (n.type === 'keep') n.children.forEach(visit);
  };
  doc.nodes.forEach(visit);
  return out;
}

describe('urgent action: a detainee in China', () => {
  const c = chinaDetainee();
  const cn = countryEntry(addressBook, 'CN')!;
  let en: Rendered;
  beforeAll(async () => {
    en = await render([c], 'urgent-action');
    renderPngs(en.file);
  });

  it('carries every field of the UA sheet', () => {
    const fields = [
      'Urgent action · UA number: UA 31/26 · Issue date: 20 November 2026', // number and issue date
      'China: Nurlan Abenov — detained in Xinjiang for a WeChat post', // headline: country, name, concern
      'Concern Nurlan Abenov, a Kazakh citizen, has been held in Ürümqi since April 2023',
      'Name and pronoun Nurlan Abenov (he/him)',
      'Detention Imprisoned, Ürümqi No. 3 Detention Centre', 'Since April 2023', // case details
      'Background His family in Almaty learnt of his detention from a neighbour.',
      'Write an appeal in your own words or use this model letter Dear President,', // model letter: the first official's salutation
      'I call on you to: 1.', 'Yours sincerely,',
      'Whom to write to', "President of the People's Republic of China", "Zhongnanhai, No. 174 Xi Chang'an Jie, Beijing 100017, People's Republic of China",
      "Procurator-General of the Supreme People's Procuratorate", 'Salutation: Dear Procurator-General,',
      "Copies to: the diplomatic representatives of the People's Republic of China accredited to your country.",
      'Please send appeals before 15 January 2027.',
      'Preferred language: Chinese, English.', // from the book, the case giving none
      'Issued by: Kazakhstan Bureau for Human Rights', 'Telephone: +7 727 123 45 67', // submission mode: the contact
    ];
    for (const field of fields) expect(en.flat).toContain(field);
    expect(en.pages).toBeLessThanOrEqual(2);
  });

  it('prints the requests exactly as stored, and no others', () => {
    const items = listItems(en.document);
    expect(items).toEqual(CN_REQUESTS);
    for (const r of CN_REQUESTS) expect(en.flat).toContain(r);
  });

  it('cites the Universal Declaration, not a Covenant China has not ratified', () => {
    // ICCPR 9 and 19 as the case records them become the Declaration's articles 9 and 19.
    expect(en.flat).toContain('I recall the rights proclaimed in the Universal Declaration of Human Rights, articles 9 and 19.');
    expect(en.flat).not.toMatch(/Covenant|ICCPR/);
  });

  it('writes only to the bodies the book lists for China: no ombudsperson', () => {
    expect(en.flat.split('Salutation:').length - 1).toBe(cn.addressees.length);
    expect(en.flat).not.toMatch(/ombuds|Commissioner|Human Rights Centre/i);
    for (const other of addressBook.countries.filter((e) => e.country !== 'CN')) {
      for (const a of other.addressees) expect(en.flat).not.toContain(a.title);
    }
  });

  it('names as already approached only what was sent', async () => {
    expect(en.flat).toContain('Already approached in this case: UN WGAD');
    expect(en.flat).not.toContain('Committee against Torture');
    const internal = await render([c], 'urgent-action', 'en', 'internal');
    expect(internal.flat).toContain('Already approached in this case: UN WGAD');
    expect(internal.flat).not.toMatch(/Already approached[^.]*Committee against Torture/);
  });

  it('keeps working text, health and the organisation’s contact out of a public sheet', async () => {
    const pub = await render([c], 'urgent-action', 'en', 'public');
    for (const s of ['untreated diabetes', 'todo-call-family', 'xinjiang,', 'ring Geneva', 'Priority', '+7 727', 'office@kibhr.example', 'Casefile', 'To be completed']) {
      expect(pub.flat, s).not.toContain(s);
    }
    expect(pub.flat).toContain('Issued by: Kazakhstan Bureau for Human Rights');
  });

  it.each([
    ['ru', ['Срочная акция · Номер акции: UA 31/26', 'Имя и местоимение Нурлан Абенов (он)', 'Уважаемый господин Председатель КНР!', 'Всеобщей декларацией прав человека (статьях 9 и 19)',
      'Копии: дипломатическим представителям Китайской Народной Республики, аккредитованным в вашей стране.', 'Пожалуйста, направьте обращения до 15 января 2027.', 'Предпочтительный язык: китайский, английский.', 'С уважением,']],
    ['kk', ['Акция нөмірі: UA 31/26', 'Қытай:', 'Аты-жөні және есімдігі Нұрлан Әбенов (ол, ер адам)', 'Адам құқықтарының жалпыға бірдей декларациясында (9 және 19-баптарында)',
      'Көшірмелері: Қытай Халық Республикасының сіздің еліңіздегі дипломатиялық өкілдеріне.', 'Өтініштерді жіберудің соңғы мерзімі: 2027 жылғы 15 қаңтар.', 'Қалаулы тіл: қытай тілі, ағылшын тілі.', 'Құрметпен,']],
  ] as const)('speaks %s, within two pages', async (lang, fields) => {
    const r = await render([c], 'urgent-action', lang);
    for (const field of fields) expect(r.flat).toContain(field);
    if (lang === 'kk') expect(r.flat).toContain('Өтініштерді жіберудің соңғы мерзімі: 2027 жылғы 15 қаңтар.');
    for (const req of CN_REQUESTS) expect(r.flat).toContain(req);
    expect(r.flat).not.toMatch(/Пакт|пакт/);
    expect(r.pages).toBeLessThanOrEqual(2);
  });

  it.each(['public', 'submission', 'internal'] as const)('stays within two pages (%s)', async (mode) => {
    expect((await render([c], 'urgent-action', 'en', mode)).pages).toBeLessThanOrEqual(2);
  });

  it.each(['en', 'ru', 'kk'] as const)('a long case file with Kazakhstan’s three officials still fits two pages, the officials and the letter whole (%s)', async (lang) => {
    const [stress] = stressCases() as [CaseFile];
    const requests = [KZ_REQUEST, ...CN_REQUESTS].map((text, i) => ({ id: `long-r${i}`, text }));
    const long = { ...stress, country: 'KZ', requests, briefing: { urgentAction: { number: 'UA 1/27', sendBefore: '2027-02-01' } } };
    const r = await render([long], 'urgent-action', lang, 'internal');
    expect(r.pages).toBeLessThanOrEqual(2);
    for (const a of countryEntry(addressBook, 'KZ')!.addressees) expect(r.flat).toContain(a.title);
    expect(listItems(r.document)).toEqual(requests.map((q) => q.text));
  });
});

describe('urgent action: a 10-day administrative arrest in Kazakhstan', () => {
  const c = kazakhArrest();

  it('prints the penalty in days, the ICCPR for a State party, the book’s officials and the case’s languages', async () => {
    const r = await render([c], 'urgent-action');
    for (const field of [
      'UA number: UA 44/26', 'Kazakhstan: Aigerim Tleuova — 10 days for a picket in Almaty', 'Name and pronoun Aigerim Tleuova (she/her)',
      'Penalty in force Administrative arrest, 10 days', 'Recognised as prisoner of conscience — Kazakhstan Bureau for Human Rights, November 2026',
      'I recall that the Republic of Kazakhstan is a State party to the International Covenant on Civil and Political Rights, and the rights set out in its articles 19 and 21.',
      'President of the Republic of Kazakhstan', 'Prosecutor General of the Republic of Kazakhstan', 'Commissioner for Human Rights in the Republic of Kazakhstan',
      'Please send appeals before 20 December 2026.', 'Preferred language: Kazakh, Russian or English.',
    ]) expect(r.flat).toContain(field);
    expect(listItems(r.document)).toEqual([KZ_REQUEST]);
    expect(r.pages).toBeLessThanOrEqual(2);
  });

  it('asks nothing when the case asks nothing: no letter, no invented demand', async () => {
    const silent = { ...c, requests: [] };
    const pub = await render([silent], 'urgent-action', 'en', 'public');
    for (const s of ['What to ask', 'I call on you', 'Release', 'release', 'drop', 'Drop', 'quash', 'lift', 'ban']) expect(pub.flat, s).not.toContain(s);
    expect(listItems(pub.document)).toEqual([]);
    const internal = await render([silent], 'urgent-action', 'en', 'internal');
    expect(internal.flat).toContain('To be completed: the case’s requests');
  });

  it('names no official for a country the book does not hold, only the copies to its diplomats', async () => {
    const georgia = { ...c, country: 'GE' };
    const r = await render([georgia], 'urgent-action', 'en', 'public');
    expect(r.flat).not.toContain('Salutation:');
    expect(r.flat).not.toMatch(/President|Prosecutor|Commissioner/);
    expect(r.flat).toContain('Copies to: the diplomatic representatives of Georgia accredited to your country.');
    // The Covenant is not cited where the book cannot say the country is bound by it.
    expect(r.flat).toContain('Universal Declaration of Human Rights, articles 19 and 20');
  });
});

describe('SR submission: an NGO with two measures', () => {
  const c = ngoTwoMeasures();
  const related = makeCase({
    kind: 'ngo_suspension', title: 'Erkin Media — liquidated', country: 'KZ',
    organization: { name: 'Erkin Media', aliases: [] }, measure: { type: 'liquidation', authority: 'Department of Justice of Astana', start: '2023-09' },
  });
  let sub: Rendered;
  beforeAll(async () => {
    sub = await render([c], 'ngo', 'en', 'submission', { related: [related] });
    renderPngs(sub.file);
  });

  it('carries every field the Special Rapporteur asks for', () => {
    for (const field of [
      'Organisation Adal Sóz Foundation', 'Legal form Public foundation', 'Registration number 140440012345', 'Founded April 2014',
      'Activities free legal aid to journalists and bloggers', 'Members 12',
      'Measure 1: Inspection Date 12 February 2024 Description Unscheduled tax inspection of the foundation.',
      'Measure 2: Suspension (appealed) Date 4 March 2024 Authority Department of Justice of Astana Place Astana, Kazakhstan Description Activities suspended for three months.',
      'Legal basis Code of Administrative Offences, art. 489 part 10', 'Measure 3: Fine Date 1 July 2024',
      'Imposed by Department of Justice of Astana. Legal basis cited: Code of Administrative Offences, art. 489 part 10.', // 22(2): law
      'Aim claimed by the authorities: protecting public order.', // 22(2): aim, in the authorities' words
      'The measure: Suspension (appealed), 3 months.', // 22(2): necessity
      'A three-month suspension for a late filing is out of all proportion',
      'Remedies (appeal) Appeal Specialised Inter-district Administrative Court of Astana; Filed: 20 March 2024; Outcome: rejected on 15 April 2024',
      'Other mechanisms seized • OSCE ODIHR — Letter, April 2024, sent',
      'Impact Forty journalists lost their lawyers during the suspension',
      'Pattern', 'Erkin Media — liquidated', 'same authority',
      'What the Special Rapporteur is asked to do',
      'Submitted by Organisation: Kazakhstan Bureau for Human Rights', 'Telephone: +7 727 123 45 67', 'Person responsible: Ainur Sadykova, Director',
      'Confidentiality', 'Information the Special Rapporteur is asked to keep confidential',
    ]) expect(sub.flat).toContain(field);
  });

  it('prints the requests exactly as stored and in order, and no demand of its own', () => {
    expect(listItems(sub.document).filter((i) => !i.startsWith('OSCE'))).toEqual(NGO_REQUESTS);
    expect(sub.flat).not.toMatch(/\bbans?\b|lift/i);
  });

  it('prints each event once: a measure is not repeated in a chronology', () => {
    for (const title of ['Unscheduled tax inspection of the foundation', 'Activities suspended for three months', 'Fined 1,000,000 KZT']) {
      expect(sub.flat.split(title).length - 1, title).toBe(1);
    }
  });

  it('names no draft as a mechanism seized, even for the team', async () => {
    expect(sub.flat).not.toContain('UN SR on freedom of association');
    const internal = await render([c], 'ngo', 'en', 'internal', { related: [related] });
    expect(internal.flat).not.toMatch(/Other mechanisms seized[^]*UN SR on freedom of association[^]*Impact/);
  });

  it('a public submission says who submits but keeps the contact, the confidentiality lines and the tags out', async () => {
    const pub = await render([c], 'ngo', 'en', 'public', { related: [related] });
    expect(pub.flat).toContain('Organisation: Kazakhstan Bureau for Human Rights');
    for (const s of ['+7 727', 'Ainur Sadykova', 'Confidentiality', 'Shared tags', 'wait for the appeal ruling', 'To be completed']) expect(pub.flat, s).not.toContain(s);
  });

  it.each([
    ['ru', ['Дата основания апрель 2014', 'Число членов 12', 'Мера 1: Проверка', 'Мера 3: Штраф', 'Цель, заявленная властями: protecting public order.', 'О чём просят Специального докладчика', 'Автор обращения']],
    ['kk', ['Құрылған күні', 'Мүшелер саны 12', '1-шара:', '3-шара:', 'Билік мәлімдеген мақсат: protecting public order.', 'Арнайы баяндамашыдан не сұралады', 'Өтінішті жолдаған']],
  ] as const)('speaks %s', async (lang, fields) => {
    const r = await render([c], 'ngo', lang);
    for (const field of fields) expect(r.flat).toContain(field);
    for (const req of NGO_REQUESTS) expect(r.flat).toContain(req);
  });
});

describe('country list', () => {
  const cases = [chinaDetainee(), kazakhArrest(), ngoTwoMeasures(), ...moreForList()];
  let pub: Rendered;
  let ordered: string;
  beforeAll(async () => {
    pub = await render(cases, 'multi', 'en', 'public');
    renderPngs(pub.file);
    // Counts in content order (pdfjs): pdftotext may part a table row from its number.
    ordered = squash((await extractPdfText(pub.file)).text);
  });

  it('has the title with the countries and the date, the author, the context and the inclusion criteria', () => {
    expect(pub.flat).toContain('Kazakhstan, China: political prisoners, persecuted people and organisations under restrictions, as of 22 November 2026');
    expect(pub.flat).toContain('Compiled by: Kazakhstan Bureau for Human Rights');
    expect(pub.flat).toContain('Context This list names 7 people and 1 organisation in Kazakhstan, China');
    expect(pub.flat).toContain('Methodology and inclusion criteria');
    expect(pub.flat).toContain('health details of the people concerned are left out of this list.');
  });

  it('counts by category of persecution and names each case under its category', () => {
    for (const count of ['Political prisoner 7', 'Restricted NGO 1', 'Imprisoned 2', 'Administrative arrest 1', 'Pre-trial detention 1', 'House arrest 1', 'Exile 1', 'Forced psychiatric treatment 1', 'Suspension 1']) {
      expect(ordered).toContain(count);
    }
    const lists = pub.flat.slice(pub.flat.indexOf('Lists by category'), pub.flat.lastIndexOf('Profiles'));
    for (const entry of ['Imprisoned (2) No. Name Place Since 1 Nurlan Abenov Ürümqi, China April 2023 8 Timur Nurov', 'Administrative arrest (1) No. Name Place Since 2 Aigerim Tleuova', 'Exile (1)', 'Suspension (1) No. Name Place Since 3 Adal Sóz Foundation']) {
      expect(lists).toContain(entry);
    }
  });

  it('profiles each case with charges, penalty, place, recognitions and sources; health only for the team', async () => {
    for (const field of [
      'Charges: Criminal Law of the PRC — picking quarrels and provoking trouble', 'Detention: Imprisoned, Ürümqi No. 3 Detention Centre, since April 2023',
      'Sources: Kazakh trader missing in Ürümqi — Azattyq, 2 June 2023', 'Penalty in force: Administrative arrest, 10 days',
      'Recognised as: prisoner of conscience — Kazakhstan Bureau for Human Rights, November 2026', 'Legal basis: Code of Administrative Offences, art. 489 part 10',
    ]) expect(pub.flat).toContain(field);
    expect(pub.flat).not.toContain('untreated diabetes');
    const internal = await render(cases, 'multi', 'en', 'internal');
    expect(internal.flat).toContain('Health concerns: untreated diabetes, weight loss of 15 kg');
  });

  it('recommends only what the cases ask, a common request once', () => {
    const recs = pub.flat.slice(pub.flat.lastIndexOf('Recommendations'));
    expect(recs).toContain('1. Release all those held for peaceful protest. (nos. 4, 5)');
    expect(recs.split('Release all those held for peaceful protest.').length - 1).toBe(1);
    const asked = [...new Set(cases.flatMap((c) => c.requests.map((r) => r.text)))];
    expect(listItems(pub.document).filter((i) => / \((nos?)\. [\d, ]+\)$/.test(i)).map((i) => i.replace(/ \(nos?\. [\d, ]+\)$/, '')).sort()).toEqual(asked.sort());
  });

  it('speaks Kazakh', async () => {
    const kk = await render(cases, 'multi', 'kk', 'public');
    for (const field of ['Қазақстан, Қытай: саяси тұтқындар, қудаланушылар және шектеу қойылған ұйымдар, 2026 жылғы 22 қараша жағдай бойынша', 'Әдістеме және енгізу өлшемдері', 'Санаттар бойынша тізімдер', 'Ұсынымдар', 'Құрастырған: Kazakhstan Bureau for Human Rights']) {
      expect(kk.flat).toContain(field);
    }
    expect(kk.flat).toContain('ұйымдар, 2026 жылғы 22 қараша жағдай бойынша');
  });
});

describe('completeness: what each template lacks', () => {
  const lang = (g: { message: string }[]) => g.map((x) => x.message);

  it('a complete urgent action and NGO submission lack nothing the checks look for', () => {
    expect(own(checkBrief([chinaDetainee()], 'urgent-action', 'public', 'en', { addressBook }).gaps)).toEqual([]);
    expect(own(checkBrief([ngoTwoMeasures()], 'ngo', 'submission', 'en').gaps)).toEqual([]);
  });

  it('an urgent action without number, date, requests or a country in the book says so, by path, in three languages', () => {
    const bare = makeCase({ kind: 'political_prisoner', title: 'Nino — Tbilisi', country: 'GE', person: { name: 'Nino', aliases: [] }, detention: { status: 'pre_trial' } });
    const en = checkBrief([bare], 'urgent-action', 'public', 'en', { addressBook });
    expect(own(en.gaps).map((g) => [g.code, g.path])).toEqual([
      ['ua.number', ['briefing', 'urgentAction', 'number']], ['ua.sendBefore', ['briefing', 'urgentAction', 'sendBefore']],
      ['ua.notInBook', ['country']], ['ua.requests', ['requests']],
    ]);
    for (const g of own(en.gaps)) expect(g.message.startsWith(g.path!.join('.'))).toBe(true);
    const ru = checkBrief([bare], 'urgent-action', 'public', 'ru', { addressBook });
    const kk = checkBrief([bare], 'urgent-action', 'public', 'kk', { addressBook });
    expect(lang(own(ru.gaps))).not.toEqual(lang(own(en.gaps)));
    expect(lang(own(kk.gaps))).not.toEqual(lang(own(ru.gaps)));
    expect(own(kk.gaps)[2]!.message).toContain('Мекенжай кітабы');
  });

  it('a confidential request is a gap for a brief to send, not for the team’s copy', () => {
    const c = { ...chinaDetainee(), requests: [{ id: 'x', text: 'Private ask.', confidential: true }] };
    expect(own(checkBrief([c], 'urgent-action', 'public', 'en', { addressBook }).gaps).map((g) => g.code)).toEqual(['ua.requests']);
    expect(own(checkBrief([c], 'urgent-action', 'internal', 'en', { addressBook }).gaps)).toEqual([]);
  });

  it('an NGO measure without legal basis, date, aim, argument or requests', () => {
    const c = makeCase({ kind: 'ngo_suspension', title: 'Bare NGO', organization: { name: 'Bare', aliases: [] }, measure: { type: 'fine', authority: 'Tax committee' } });
    expect(own(checkBrief([c], 'ngo', 'public', 'en').gaps).map((g) => [g.code, g.path])).toEqual([
      ['ngo.legalBasis', ['measure', 'legalBasis']], ['ngo.measureDate', ['measure', 'start']], ['ngo.aim', ['measure', 'aimClaimed']],
      ['ngo.argument', ['analysis', 'argument']], ['ngo.requests', ['requests']],
    ]);
  });

  it('a country list names each case without a country, a start date or a source', () => {
    const cases = [chinaDetainee(), ...moreForList()];
    const gaps = own(checkBrief(cases, 'multi', 'public', 'en').gaps);
    expect(gaps.filter((g) => g.code === 'multi.country').map((g) => g.path)).toEqual([['cases', 5, 'country']]);
    expect(gaps.find((g) => g.code === 'multi.country')!.message).toContain('“Unplaced case — imprisoned”');
    expect(gaps.filter((g) => g.code === 'multi.since').map((g) => g.path)).toEqual([['cases', 5, 'detention', 'since']]);
    expect(gaps.filter((g) => g.code === 'multi.sources').map((g) => g.path![1])).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('briefs.check reads the data folder’s own address book', () => {
  it('finds Kazakhstan in the shipped book, and misses it once the user’s copy drops it', async () => {
    const { dir, cleanup } = await tempDir('casefile-appeals-');
    const store = await CaseStore.open(dir, {});
    try {
      const stored = await store.create(CaseDraft.parse({
        kind: 'political_prisoner', title: 'Aigerim Tleuova — 10 days', country: 'KZ', person: { name: 'Aigerim Tleuova', aliases: [] },
        detention: { status: 'administrative_arrest' }, requests: [{ text: KZ_REQUEST }],
        briefing: { urgentAction: { number: 'UA 44/26', sendBefore: '2026-12-20' } },
      }));
      const input = { ids: [stored.id], template: 'urgent-action' as const, mode: 'public' as const, lang: 'en' as const };
      expect(own((await checkBriefOperation(store, input)).gaps)).toEqual([]);
      await writeAddressBook(store, { ...addressBook, countries: addressBook.countries.filter((c) => c.country !== 'KZ') });
      expect(own((await checkBriefOperation(store, input)).gaps).map((g) => [g.code, g.path])).toEqual([['ua.notInBook', ['country']]]);
    } finally {
      await store.close();
      await cleanup();
    }
  });
});
