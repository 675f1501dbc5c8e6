import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../shared/model';
import type { BriefMode, BriefTemplate } from '../../../shared/model/brief';
import { renderBrief } from '../../../electron/services/briefs';
import { documentText } from '../../../electron/services/briefs/doc/model';
import { allowedIn, caseForBrief, findLeaks, secretsOf, type Secret } from '../../../electron/services/briefs/redaction';
import { ServiceError } from '../../../electron/services/errors';
import { GENERATED_AT } from './fixtures';
import { outPath, pdftotext, squash } from './pdfTools';
import { PLANT, plantedCase, sampleCases } from './redactionFixtures';

let n = 0;
/** The brief's text as a reader gets it (pdftotext), and as the document model holds it. */
async function render(c: CaseFile, template: BriefTemplate, mode: BriefMode, lang: 'en' | 'ru' | 'kk' = 'en'): Promise<{ pdf: string; model: string }> {
  const file = outPath(`modes-${template}-${mode}-${lang}-${++n}.pdf`);
  const r = await renderBrief([c], file, { template, mode, lang, generatedAt: GENERATED_AT });
  return { pdf: squash(pdftotext(file)), model: documentText(r.document) };
}

/** The refusal of a brief, or a failure if it was written. */
async function refusal(c: CaseFile, template: BriefTemplate, mode: BriefMode = 'public'): Promise<ServiceError> {
  const file = outPath(`modes-refused-${++n}.pdf`);
  try {
    await renderBrief([c], file, { template, mode, generatedAt: GENERATED_AT });
  } catch (err) {
    expect(existsSync(file)).toBe(false);
    if (err instanceof ServiceError) return err;
    throw err;
  }
  throw new Error(`the ${mode} ${template} brief was written`);
}

/** Planted texts a brief of any mode but internal must not print: flagged items and working notes. */
const NEVER_OUTSIDE = [PLANT.eventTitle, PLANT.prosecutorSurname, PLANT.comment, PLANT.advocacyNote, PLANT.draftReference, PLANT.request, PLANT.deadline, PLANT.decisionOutcome, PLANT.tag, 'Priority'];
/** The submitter's side: printed in submission mode, never in public mode. */
const SUBMITTER = [PLANT.lawyerSurname, PLANT.idNumber, 'Жамбыла', '701 234 56 78', 'Туберкулёз'];

describe('what each mode prints', () => {
  const c = plantedCase();

  it('the views: public drops the submitter side, submission keeps it, both drop flagged items and working notes', () => {
    const pub = caseForBrief(c, { mode: 'public' });
    const sub = caseForBrief(c, { mode: 'submission' });
    if (pub.kind !== 'political_prisoner' || sub.kind !== 'political_prisoner') throw new Error('kind');
    expect([pub.lawyer, pub.consent, pub.person.contact, pub.person.address, pub.person.idDocument, pub.detention.health]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(sub.lawyer).toBe(PLANT.lawyer);
    expect(sub.consent?.by).toBe(PLANT.consentBy);
    expect([sub.person.contact, sub.person.address, sub.person.idDocument?.number, sub.detention.health]).toEqual([PLANT.contact, PLANT.address, PLANT.idNumber, PLANT.health]);
    for (const v of [pub, sub]) {
      expect(v.events.map((e) => e.id)).toEqual(['e1', 'e3']);
      expect(v.decisions.map((d) => d.id)).toEqual(['d1']);
      expect(v.requests).toHaveLength(1);
      expect(v.deadlines).toEqual([]);
      expect(v.annotations).toEqual([]); // a note on the case whose comment is private has nothing left
      expect(v.advocacy.map((a) => [a.target, a.notes])).toEqual([['UN WGAD', undefined]]);
      expect(v.tags).toEqual([]);
    }
    expect(caseForBrief(c, { mode: 'internal' })).toEqual(c);
  });

  it('the secrets: public lists the submitter side, submission only flagged items and working notes, internal nothing', () => {
    const paths = (mode: BriefMode) => secretsOf(c, mode).map((s) => s.path.join('.'));
    const working = ['events.1.title', 'events.1.description', 'annotations.0.body', 'advocacy.0.notes', 'advocacy.1.reference', 'requests.1.text', 'deadlines.0.title', 'decisions.1.outcome', 'tags.0', 'priority'];
    const submitter = ['lawyer', 'person.contact', 'person.address', 'person.idDocument.number', 'consent.by', 'consent.scope', 'detention.health'];
    expect(paths('public')).toEqual(expect.arrayContaining([...working, ...submitter]));
    expect(paths('submission')).toEqual(expect.arrayContaining(working));
    for (const p of submitter) expect(paths('submission')).not.toContain(p);
    expect(secretsOf(c, 'internal')).toEqual([]);
  });

  it.each(['case', 'wgad', 'urgent-action'] as const)('%s: public and submission print no working note; the submitter side only in submission', async (template) => {
    const pub = await render(c, template, 'public');
    const sub = await render(c, template, 'submission', 'ru');
    for (const text of [pub.pdf, pub.model, sub.pdf, sub.model]) {
      for (const planted of NEVER_OUTSIDE) expect(text, planted).not.toContain(planted);
      expect(text).not.toContain('Приоритет');
    }
    for (const planted of [...SUBMITTER, 'Айгерім', PLANT.consentScope]) expect(pub.pdf, planted).not.toContain(planted);
    expect(pub.pdf).toContain('Кенжебек Әбішев');
    if (template !== 'urgent-action') expect(sub.pdf).toContain(PLANT.lawyer);
    if (template === 'case') for (const planted of [...SUBMITTER, PLANT.consentBy]) expect(sub.pdf, planted).toContain(planted);
  });

  it('internal prints everything', async () => {
    const internal = await render(c, 'case', 'internal');
    for (const planted of [PLANT.eventTitle, PLANT.comment, PLANT.advocacyNote, PLANT.lawyer, PLANT.decisionOutcome, 'Priority: Urgent']) expect(internal.pdf, planted).toContain(planted);
  });
});

describe('the proof refuses a confidential word restated in a public field', () => {
  const withSummary = (summary: string) => plantedCase({ summary });
  const withEvent = (description: string) => {
    const c = plantedCase();
    return { ...c, events: c.events.map((e) => (e.id === 'e3' ? { ...e, description } : e)) };
  };

  it('the lawyer’s surname alone, in a public event, names the field it came from and where it was repeated', async () => {
    const err = await refusal(withEvent('Сәрсенов said the hearing was closed to the press.'), 'case');
    expect(err.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['lawyer'] })]));
    expect(err.message).toContain('by its name “Сәрсенов”');
    expect(err.message).toContain('events[2].description');
  });

  it.each(['Сәрсенову', 'Сәрсеновым', 'Сәрсеновке', 'Сәрсеновтың', 'Sarsenov'])('a declined or transliterated form: %s', async (form) => {
    const err = await refusal(withSummary(`The family wrote to ${form} about the appeal.`), 'wgad');
    expect(err.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['lawyer'] })]));
  });

  it.each(['87012345678', '+77012345678', '8 (701) 234-56-78'])('a phone number written otherwise: %s', async (phone) => {
    const err = await refusal(withSummary(`Call ${phone} for the family.`), 'urgent-action');
    expect(err.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['person', 'contact'] })]));
    expect(err.message).toContain(`by its number ${PLANT.phoneDigits}`);
  });

  it('in submission mode the lawyer may be named, but a confidential event’s prosecutor may not, declined or not', async () => {
    await expect(render(withSummary('Сәрсенов represents him.'), 'case', 'submission')).resolves.toBeDefined();
    const err = await refusal(withSummary('The offer came from Жақсылықовтың office.'), 'case', 'submission');
    expect(err.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['events', 1, 'description'] })]));
  });

  it('a tag as a brief would print it, and a working note’s six words', async () => {
    expect((await refusal(withSummary(`See ${PLANT.tag} first.`), 'case')).issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['tags', 0] })]));
    expect((await refusal(withSummary('We will follow up with the secretariat by phone.'), 'case')).issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: ['advocacy', 0, 'notes'] })]),
    );
  });
});

describe('the organisation’s contact details', () => {
  const organization = { name: 'Qazaq Rights Bureau', phone: '+7 727 300 41 52', responsiblePerson: 'Ғалия Сейітқали', responsibleRole: 'Director', email: 'office@qrb.example.org' };

  it('a public brief that restates them is refused, by field; a submission is not', async () => {
    const leaky = plantedCase({ summary: 'Кенжебек Әбішев was detained. Sources: Сейітқалиға, 87273004152.' });
    const file = outPath(`modes-org-${++n}.pdf`);
    const attempt = renderBrief([leaky], file, { template: 'wgad', organization, generatedAt: GENERATED_AT });
    await expect(attempt).rejects.toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: ['organization', 'phone'] }),
        expect.objectContaining({ path: ['organization', 'responsiblePerson'] }),
      ]),
    });
    // A submission may name who submits: the same text is no leak there.
    const r = await renderBrief([leaky], file, { template: 'wgad', mode: 'submission', organization, generatedAt: GENERATED_AT });
    expect(documentText(r.document)).toContain('87273004152');
  });
});

describe('matching names and numbers', () => {
  const lawyer: Secret[] = [{ path: ['lawyer'], text: PLANT.lawyer, kind: 'name' }];
  const note: Secret[] = [{ path: ['events', 1, 'description'], text: PLANT.eventDescription }];

  it('finds a name word in any case ending, and not a common word or a shorter name', () => {
    for (const form of ['Сәрсенов', 'СӘРСЕНОВ', 'Сәрсенова', 'Сәрсеновпен', 'Нұрланға']) expect(findLeaks(`… ${form} …`, lawyer), form).toHaveLength(1);
    // "Адвокат" is the briefs' own word; "Сәрсен" and "Нұр" are other, shorter names; lower case is no name.
    for (const text of ['Адвокат', 'Сәрсен', 'Нұр', 'нұрлан', 'the lawyer']) expect(findLeaks(text, lawyer), text).toHaveLength(0);
  });

  it('takes from free text only the words that look like names: not the first word of a sentence', () => {
    expect(findLeaks('Прокурор said so.', note)).toHaveLength(0);
    expect(findLeaks('Бердібек came.', note)).toHaveLength(1);
    expect(findLeaks('Жақсылықовқа', note)).toHaveLength(1);
  });

  it('a name the case prints publicly is no leak: the detainee who shares a relative’s surname', () => {
    const c = plantedCase();
    const consent: Secret[] = [{ path: ['consent', 'by'], text: PLANT.consentBy, kind: 'name' }];
    const allowed = allowedIn([caseForBrief(c, { mode: 'public' })]);
    expect(findLeaks('Әбішев was sentenced; Әбішеваның sister', consent, allowed)).toHaveLength(0);
    expect(findLeaks('Айгерім wrote', consent, allowed)).toHaveLength(1);
  });

  it('numbers: a phone however written, never a date, an amount or a different number', () => {
    const contact: Secret[] = [{ path: ['person', 'contact'], text: PLANT.contact, kind: 'name' }];
    for (const text of ['87012345678', '+7 (701) 234-56-78', '7012345678', 'тел.: 8 701 234 5678']) expect(findLeaks(text, contact), text).toHaveLength(1);
    for (const text of ['2025-02-03', '701 234', '77012345679', '1987012345678901']) expect(findLeaks(text, contact), text).toHaveLength(0);
    // The family word the contact is written with names no one.
    expect(findLeaks('Сестра задержанного сообщила о свидании.', contact)).toHaveLength(0);
    const dated: Secret[] = [{ path: ['deadlines', 0, 'title'], text: 'Appeal before 16.02.2021, fine 2 000 000 KZT' }];
    expect(findLeaks('On 16.02.2021 a fine of 2 000 000 KZT was paid.', dated)).toHaveLength(0);
  });

  it('property: a surname of the region, in any of its case endings, is found; a common word never is', () => {
    const stems = fc.constantFrom('Сәрсенов', 'Жақсылықов', 'Тоқаев', 'Әбдірахманов', 'Иванов', 'Кенжебеков', 'Нұрғалиев', 'Seitkali');
    const endings = fc.constantFrom('', 'а', 'у', 'ым', 'ке', 'қа', 'ты', 'тың', 'пен', 'ом', 'е', 'тан', 'та');
    const given = fc.constantFrom('Нұрлан', 'Айгерім', 'Berik', 'Дана', 'Ерлан');
    fc.assert(
      fc.property(given, stems, endings, fc.constantFrom('', 'Report: ', 'Дело ведёт '), (first, surname, ending, lead) => {
        const secret: Secret[] = [{ path: ['lawyer'], text: `Адвокат ${first} ${surname}`, kind: 'name' }];
        const printed = /[a-z]/i.test(surname) ? surname : `${surname}${ending}`;
        return findLeaks(`${lead}${printed} spoke.`, secret).length === 1 && findLeaks(`${lead}адвокат spoke in March 2021.`, secret).length === 0;
      }),
      { seed: 14, numRuns: 300 },
    );
  });
});

describe('property: whatever confidential word is planted in whichever public field, the public case brief is refused and names it', () => {
  const plants = [
    { path: ['lawyer'], text: 'Сәрсеновпен' },
    { path: ['person', 'contact'], text: '8 701 2345678' },
    { path: ['person', 'idDocument', 'number'], text: '04417736' },
    { path: ['events', 1, 'description'], text: 'Жақсылықовқа' },
    { path: ['tags', 0], text: `#${PLANT.tag}` },
    { path: ['advocacy', 1, 'reference'], text: PLANT.draftReference },
    { path: ['requests', 1, 'text'], text: PLANT.request },
  ] as const;
  const fields = ['summary', 'event', 'request', 'argument'] as const;

  it('holds for every plant × field drawn', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...plants), fc.constantFrom(...fields), async (plant, field) => {
        const sentence = `Reported: ${plant.text} was mentioned.`;
        const c = plantedCase();
        const leaky: CaseFile =
          field === 'summary' ? { ...c, summary: `${c.summary} ${sentence}` }
          : field === 'event' ? { ...c, events: c.events.map((e) => (e.id === 'e1' ? { ...e, description: sentence } : e)) }
          : field === 'request' ? { ...c, requests: [...c.requests, { id: 'r-x', text: sentence }] }
          : { ...c, analysis: { ...c.analysis, argument: sentence } };
        const err = await refusal(leaky, 'case');
        expect(err.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: plant.path })]));
      }),
      { seed: 1405, numRuns: 14 },
    );
  });
});

describe('no false refusal on the shipped sample cases', () => {
  const samples = sampleCases();
  it('there are samples to check', () => expect(samples.length).toBeGreaterThan(0));

  it.each(['public', 'submission'] as const)('%s: every sample’s case, WGAD and urgent-action briefs (the ones that fit) are written, in en, ru and kk', async (mode) => {
    let written = 0;
    for (const c of samples) {
      for (const template of ['case', 'wgad', 'urgent-action', ...(c.kind === 'ngo_suspension' ? ['ngo' as const] : [])] as const) {
        if (template === 'wgad' && c.kind !== 'political_prisoner') continue;
        for (const lang of ['en', 'ru', 'kk'] as const) {
          try {
            await renderBrief([c], null, { template, mode, lang, generatedAt: GENERATED_AT });
            written++;
          } catch (err) {
            // A template that does not fit the case (a WGAD communication for someone never detained) is another refusal.
            expect(String((err as Error).message), `${c.title} / ${template} / ${lang}`).not.toContain('was not written');
          }
        }
      }
    }
    expect(written).toBeGreaterThanOrEqual(samples.length * 2 * 3);
    await expect(renderBrief(samples, null, { template: 'multi', mode, generatedAt: GENERATED_AT })).resolves.toBeDefined();
  });
});
