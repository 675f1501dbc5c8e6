import { describe, expect, it } from 'vitest';
import type { CaseDraftInput, CaseFile } from '../../../shared/model';
import type { BriefLang, BriefMode, BriefTemplate } from '../../../shared/model/brief';
import { extractPdfText, renderBrief } from '../../../electron/services/briefs';
import { LABELS } from '../../../electron/services/briefs/labels';
import { wgadLabels } from '../../../electron/services/briefs/labels/wgad';
import { GENERATED_AT, makeCase, ngoCase, prisonerCase, stressCases } from './fixtures';
import { outPath, pdfinfo, pdftotext, renderPngs, squash } from './pdfTools';

// What the briefs say: only verified quotes, nothing the case does not assert,
// every event placed, an urgent action that stays short, and wording a lawyer
// would not have to correct.

type Rendered = { file: string; pages: number; flat: string; leftOut: number };

let serial = 0;
async function render(c: CaseFile, template: BriefTemplate, lang: BriefLang = 'en', mode: BriefMode = 'public', extra: { preparedBy?: string; related?: CaseFile[] } = {}): Promise<Rendered> {
  const file = outPath(`content-${++serial}-${template}-${lang}-${mode}.pdf`);
  const r = await renderBrief([c], file, { template, lang, mode, generatedAt: GENERATED_AT, ...extra });
  return { file, pages: r.pages, flat: squash(pdftotext(file)), leftOut: r.annotationsLeftOut };
}

const SOURCE_TEXT = 'Алматыда ақын Гүлнар Әбдірахманова 2019 жылы наурызда ұсталды. The court hearing was closed to the public and the lawyer was denied access to the file.';

/** A prisoner case whose annotations are anchored, anchored across changed white space, changed (a typo since), orphaned, and a plain note. */
function evidenceCase(): CaseFile {
  return makeCase({
    kind: 'political_prisoner',
    title: 'Evidence check',
    country: 'KZ',
    person: { name: 'Гүлнар Әбдірахманова', aliases: [] },
    detention: { status: 'imprisoned' },
    sources: [{ id: 'src', title: 'Ақын ұсталды', kind: 'article', publisher: 'Азаттық', text: SOURCE_TEXT }],
    annotations: [
      { sourceId: 'src', target: { quote: { exact: 'ақын Гүлнар Әбдірахманова 2019 жылы наурызда ұсталды' } }, body: 'VERIFIEDBODY the arrest date.', publicComment: true },
      // Saved across a line break; the source has it on one line: still anchored, quoted as the source has it.
      { sourceId: 'src', target: { quote: { exact: 'The court hearing  was closed\nto the public' } }, body: 'FUZZYBODY closed hearing.', publicComment: true },
      // The source's words differ by a few letters from the saved quote: 'changed', awaiting review.
      { sourceId: 'src', target: { quote: { exact: 'and the lawyer was denied acces to the fle' } }, body: 'CHANGEDBODY awaiting review.', publicComment: true },
      { sourceId: 'src', target: { quote: { exact: 'this sentence was never in the source text at all' } }, body: 'ORPHANBODY must not be quoted.', publicComment: true },
      { body: 'NOTEBODY a note on the case.', publicComment: true },
      // A quote without a comment: the marker ends the quote.
      { sourceId: 'src', target: { quote: { exact: 'the lawyer was denied access to the file' } }, body: '' },
    ],
  });
}

describe('only verified evidence is quoted', () => {
  it.each(['case', 'wgad'] as const)('prints anchored quotes as the source has them and leaves the orphan out (%s)', async (template) => {
    const c = evidenceCase();
    for (const mode of ['public', 'internal'] as const) {
      const r = await render(c, template, 'en', mode);
      expect(r.leftOut).toBe(2);
      expect(r.flat).toContain('“ақын Гүлнар Әбдірахманова 2019 жылы наурызда ұсталды” VERIFIEDBODY the arrest date. [1]');
      expect(r.flat).toContain('“The court hearing was closed to the public” FUZZYBODY closed hearing. [1]');
      expect(r.flat).not.toContain('CHANGEDBODY');
      expect(r.flat).not.toContain('acces to the fle');
      expect(r.flat).not.toContain('ORPHANBODY');
      expect(r.flat).not.toContain('never in the source');
      expect(r.flat).toContain('NOTEBODY a note on the case.');
      expect(r.flat).toContain('“the lawyer was denied access to the file” [1]');
      // An internal brief tells its team why; a brief to send does not.
      const note = '2 annotations are left out: their passage changed or is gone from the source. Review them in Sources.';
      if (mode === 'internal') expect(r.flat).toContain(note);
      else expect(r.flat).not.toContain(note);
    }
  });

  it('reports no left-out annotation for a template that quotes none', async () => {
    expect((await render(evidenceCase(), 'urgent-action')).leftOut).toBe(0);
  });

  it('leaves the evidence section out of a brief to send when nothing can be quoted', async () => {
    const c = makeCase({ ...evidenceCaseDraftWithOnlyOrphan() });
    const pub = await render(c, 'case');
    expect(pub.leftOut).toBe(1);
    expect(pub.flat).not.toContain('Annotated evidence');
    const internal = (await render(c, 'case', 'en', 'internal')).flat;
    expect(internal).toContain('Annotated evidence No annotated evidence.');
    expect(internal).toContain('1 annotation is left out: its passage changed or is gone from the source. Review it in Sources.');
  });
});

function evidenceCaseDraftWithOnlyOrphan(): CaseDraftInput {
  return {
    kind: 'political_prisoner',
    title: 'Orphan only',
    person: { name: 'Test Person', aliases: [] },
    detention: { status: 'imprisoned' },
    sources: [{ id: 'src', title: 'Source', kind: 'article', text: SOURCE_TEXT }],
    annotations: [{ sourceId: 'src', target: { quote: { exact: 'words that are not there anymore at all' } }, body: 'ORPHANBODY' }],
  };
}

describe('the NGO brief asserts only what the case says', () => {
  const unargued = () => makeCase({
    kind: 'ngo_suspension',
    title: 'Ерікті Қоғам — suspension',
    country: 'KZ',
    organization: { name: 'Ерікті Қоғам', aliases: [] },
    measure: { type: 'suspension', authority: 'Ministry of Justice of Kazakhstan', start: '2023-05', status: 'in_force' },
  });

  it.each(['en', 'ru'] as const)('asks the three 22(2) questions and claims no missing aim without an argument (%s)', async (lang) => {
    const l = LABELS[lang];
    const pub = await render(unargued(), 'ngo', lang);
    for (const test of Object.values(l.iccpr22Test)) expect(pub.flat).toContain(test);
    for (const claim of ['No legitimate aim has been shown', 'See the argument below', 'Законная цель не показана', 'См. аргументацию ниже', l.toComplete]) {
      expect(pub.flat).not.toContain(claim);
    }
    const internal = await render(unargued(), 'ngo', lang, 'internal');
    expect(internal.flat).toContain(`${l.toComplete} ${l.noArgumentYet}`);
    expect(internal.flat).toContain(`${l.toComplete} ${l.iccpr22Facts.basisMissing}`);
  });

  it('points to the case’s own argument, rights and measure when it has them', async () => {
    const r = await render(ngoCase(), 'ngo');
    expect(r.flat).toContain('Imposed by Ministry of Justice of Kazakhstan. Legal basis cited: Code of Administrative Offences, art. 489 part 10.');
    expect(r.flat).toContain('Rights engaged, as the case file records them: ICCPR 22. See the argument below.');
    expect(r.flat).toContain('The measure: Suspension (appealed), 3 months, 2,000,000 KZT (≈ USD 4,300). See the argument below.');
    expect(r.flat).toContain('Argument A three-month suspension for a late tax filing is out of all proportion.');
    expect(r.flat).not.toContain('To be completed');
  });
});

describe('the WGAD communication', () => {
  const [stress] = stressCases() as [CaseFile];

  it.each(['en', 'ru'] as const)('places every event the brief may show and argues each claimed category (%s)', async (lang) => {
    const r = await render(stress, 'wgad', lang);
    renderPngs(r.file);
    const shown = stress.events.filter((e) => !e.confidential);
    expect(shown.length).toBeGreaterThan(50);
    for (const e of shown) expect(r.flat, e.title).toContain(e.title.slice(0, 9)); // "Event 12:" — titles are numbered
    for (const e of stress.events.filter((e) => e.confidential)) expect(r.flat).not.toContain(e.title);
    const q = LABELS[lang].wgad;
    // Changed on purpose (issue 14): the wording of section IV is the questionnaire's (labels/wgad.ts).
    const w = wgadLabels[lang];
    const iv = r.flat.slice(r.flat.indexOf(q.s4), r.flat.indexOf(q.s5));
    expect(iv).toContain(w.chronology);
    for (const cat of stress.analysis.wgadCategories) expect(iv).toContain(LABELS[lang].wgadCategory(cat));
    expect(iv).toContain(`${w.factsFor}:`);
    expect(iv).toContain(w.rightsEngaged('ICCPR 19')); // under category II
    expect(iv).toContain(w.rightsEngaged('ICCPR 14, ICCPR 9')); // under category III
    expect(iv).toContain('The post was protected expression.');
  });

  it('files arrest and charge under II, transfers under III', async () => {
    const r = await render(stress, 'wgad');
    const q = LABELS.en.wgad;
    const section = (from: string, to: string) => r.flat.slice(r.flat.indexOf(from), r.flat.indexOf(to));
    const title = (type: string) => stress.events.find((e) => e.type === type && !e.confidential)!.title.slice(0, 9);
    expect(section(q.s2, q.s3)).toContain(title('charge'));
    expect(section(q.s3, q.s4)).toContain(title('transfer'));
  });
});

describe('the urgent action stays within two pages', () => {
  const [stress] = stressCases() as [CaseFile];

  it.each([['en', 'public'], ['en', 'internal'], ['ru', 'public'], ['ru', 'internal']] as const)('for the long stress case (%s, %s)', async (lang, mode) => {
    const r = await render(stress, 'urgent-action', lang, mode);
    renderPngs(r.file);
    expect(Number(pdfinfo(r.file).Pages)).toBeLessThanOrEqual(2);
    expect(r.flat).toContain(LABELS[lang].urgent.fullSummary);
    // Shortened at a sentence boundary: the concern ends a sentence (pdfjs keeps the reading order).
    const text = squash((await extractPdfText(r.file)).text);
    const u = LABELS[lang].urgent;
    const concern = text.slice(text.indexOf(u.concern) + u.concern.length, text.indexOf(u.details)).trim();
    expect(concern.length).toBeGreaterThan(100);
    expect(concern).toMatch(/[.!?]$/);
  });

  it('keeps a short summary whole, without the note', async () => {
    const r = await render(prisonerCase(), 'urgent-action');
    expect(r.flat).not.toContain(LABELS.en.urgent.fullSummary);
    expect(r.flat).toContain('Қ Ө Ү Ұ Ә Ғ Ң І Һ');
  });
});

describe('wording a lawyer would not have to fix', () => {
  it('says each part of a place once', async () => {
    const r = await render(ngoCase(), 'case'); // city and region are both Астана
    expect(r.flat).toContain('City Астана, Kazakhstan Measure');
  });

  it('does not repeat the key facts in a measure table in the NGO case brief', async () => {
    const r = await render(ngoCase(), 'case');
    expect(r.flat.split('Authority Ministry of Justice of Kazakhstan').length - 1).toBe(1);
    expect(r.flat.split('Duration 3 months').length - 1).toBe(1);
  });

  it.each([['en', 'Georgia', 'diplomatic representatives of Georgia'], ['ru', 'Грузия', 'представителям государства Грузия']] as const)(
    'names a country outside the built-in list (%s)',
    async (lang, name, copies) => {
      const c = makeCase({ kind: 'political_prisoner', title: 'Case in Tbilisi', country: 'GE', region: 'Tbilisi', person: { name: 'Nino', aliases: [] }, detention: { status: 'pre_trial' } });
      const brief = await render(c, 'case', lang);
      expect(brief.flat).toContain(`Tbilisi, ${name}`);
      expect(brief.flat).not.toMatch(/\bGE\b/);
      // No address book entry for Georgia: the appeal invents no president or ombudsperson, only the copies to its diplomats.
      const appeal = (await render(c, 'urgent-action', lang)).flat;
      expect(appeal).toContain(copies);
      expect(appeal).not.toMatch(/President|Президент/);
    },
  );

  it.each(['en', 'ru'] as const)('labels every enum value, capitalised in tables (%s)', async (lang) => {
    const l = LABELS[lang];
    for (const table of [l.advocacyKind, l.advocacyStatus, l.eventType, l.status, l.priority, l.detentionStatus, l.penaltyType, l.measureType, l.gender]) {
      for (const label of Object.values(table)) expect(label.charAt(0), label).toBe(label.charAt(0).toLocaleUpperCase(l.locale));
    }
    const r = await render(prisonerCase(), 'case', lang);
    expect(r.flat).toContain(lang === 'en' ? 'Communication Sent' : 'Сообщение Отправлено');
    for (const raw of ['political_prisoner', 'in_force', 'urgent_appeal', 'pre_trial']) expect(r.flat).not.toContain(raw);
  });
});

describe('who prepared the brief', () => {
  it('is printed under the title beside the date and stored as the Author; a brief to send never names the tool', async () => {
    const by = 'Айгерім Қасымова, KIBHR';
    const r = await render(prisonerCase(), 'case', 'en', 'public', { preparedBy: by });
    expect(r.flat).toContain(`22 November 2026 · Prepared by ${by}`);
    expect(r.flat).not.toContain('Casefile');
    expect(pdfinfo(r.file).Author).toBe(by);
    const anonymous = pdfinfo((await render(prisonerCase(), 'case')).file);
    expect(anonymous.Author ?? '').toBe('');
    expect(JSON.stringify(anonymous)).not.toContain('Casefile');
    // The team's own copy says how it was made.
    expect(pdfinfo((await render(prisonerCase(), 'case', 'en', 'internal')).file).Author).toBe('Casefile');
  });
});
