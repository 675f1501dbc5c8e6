import { existsSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BriefLang, BriefTemplate } from '../../../shared/model/brief';
import { ServiceError } from '../../../electron/services/errors';
import { extractPdfText, renderBrief } from '../../../electron/services/briefs';
import { appearsIn, caseForBrief, findLeaks, haystack, secretsOf } from '../../../electron/services/briefs/redaction';
import { confidentialCase, GENERATED_AT, MARK, prisonerCase } from './fixtures';
import { outPath, pdftotext, pdftotextPages, renderPngs, squash } from './pdfTools';
import { labelsFor } from '../../../electron/services/briefs/labels';

const MARKS = Object.entries(MARK);
const PUBLIC_QUOTE = 'Журналист Марат Жұмабаев задержан в аэропорту';

describe('public mode leaves out everything confidential', () => {
  const c = confidentialCase();

  it.each(['case', 'wgad', 'urgent-action', 'multi'] as const)('%s brief: no marker reaches the PDF, the public facts do', async (template: BriefTemplate) => {
    const file = outPath(`public-${template}.pdf`);
    await renderBrief([c], file, { template, generatedAt: GENERATED_AT });
    const flat = squash(pdftotext(file));
    for (const [field, marker] of MARKS) expect(flat, field).not.toContain(marker);
    expect(flat).not.toContain('ZZ'); // nor any part of one
    expect(flat).toContain('Марат Жұмабаев');
    if (template === 'case' || template === 'wgad') expect(flat).toContain(PUBLIC_QUOTE);
    // pdfjs, which the app's own check uses, sees none of them either.
    const extracted = await extractPdfText(file);
    expect(extracted.text).not.toContain('ZZ');
  });

  it('drops confidential items from the view the templates print', () => {
    const view = caseForBrief(c, { mode: 'public' });
    expect(view.kind).toBe('political_prisoner');
    if (view.kind !== 'political_prisoner') return;
    expect(view.lawyer).toBeUndefined();
    expect(view.person.contact).toBeUndefined();
    expect(view.events.map((e) => e.title)).toEqual(['Detained at the airport']);
    expect(view.sources.map((s) => s.id)).toEqual(['pub']);
    // The confidential annotation, and the public one on the confidential memo, are both gone.
    expect(view.annotations.map((a) => a.body)).toEqual(['Public report of the arrest.']);
    expect(caseForBrief(c, { mode: 'internal' })).toEqual(c);
  });
});

describe('internal mode includes everything and stamps every page', () => {
  const rendered: Partial<Record<BriefLang, { file: string; pages: number }>> = {};
  beforeAll(async () => {
    for (const lang of ['en', 'ru'] as const) {
      const file = outPath(`internal-case-${lang}.pdf`);
      const r = await renderBrief([confidentialCase()], file, { template: 'case', mode: 'internal', lang, generatedAt: GENERATED_AT });
      rendered[lang] = { file, pages: r.pages };
    }
  });

  it.each(['en', 'ru'] as const)('all markers present (%s)', (lang) => {
    const { file } = rendered[lang]!;
    const flat = squash(pdftotext(file));
    for (const [field, marker] of MARKS) expect(flat, field).toContain(marker);
    expect(flat).toContain(lang === 'en' ? '[confidential]' : '[конфиденциально]');
    expect(renderPngs(file).length).toBeGreaterThan(0);
  });

  it.each(['en', 'ru'] as const)('CONFIDENTIAL on every page (%s)', (lang) => {
    const { file, pages } = rendered[lang]!;
    expect(pages).toBeGreaterThan(1);
    const texts = pdftotextPages(file);
    expect(texts).toHaveLength(pages);
    for (let n = 1; n <= pages; n++) {
      const page = texts[n - 1]!;
      expect(page, `page ${n}`).toContain('CONFIDENTIAL');
      if (lang === 'ru') expect(page, `page ${n}`).toContain('КОНФИДЕНЦИАЛЬНО');
    }
  });
});

describe('the check on the written text refuses a leak', () => {
  it('refuses a public brief whose summary repeats the lawyer, and leaves no file behind', async () => {
    const c = confidentialCase({ summary: `Марат Жұмабаев is defended by ${MARK.lawyer}, who was threatened.` });
    const file = outPath('refused-lawyer.pdf');
    writeFileSync(file, 'an earlier export'); // a stale file must not pass for this export
    const attempt = renderBrief([c], file, { template: 'case', generatedAt: GENERATED_AT });
    await expect(attempt).rejects.toBeInstanceOf(ServiceError);
    await expect(attempt).rejects.toMatchObject({ code: 'bad_input', message: expect.stringContaining('lawyer') });
    await expect(attempt).rejects.toMatchObject({ message: expect.stringContaining('summary') });
    expect(existsSync(file)).toBe(false);
  });

  it('refuses when a confidential source text is pasted into a public event, even wrapped over lines', async () => {
    const memoSentence = 'describes the conditions of his isolation cell in detail and names the officers responsible for the decision';
    const c = confidentialCase();
    const leaky = { ...c, events: [...c.events, { ...c.events[0]!, id: 'leak', title: 'Memo', description: `According to the memo, it ${memoSentence}.` }] };
    const file = outPath('refused-source.pdf');
    const attempt = renderBrief([leaky], file, { template: 'case', generatedAt: GENERATED_AT });
    await expect(attempt).rejects.toMatchObject({ code: 'bad_input', issues: expect.arrayContaining([expect.objectContaining({ path: ['sources', 1, 'text'] })]) });
    expect(existsSync(file)).toBe(false);
  });

  it('refuses when a confidential annotation is repeated in a public annotation', async () => {
    const c = confidentialCase();
    const leaky = { ...c, annotations: [...c.annotations, { ...c.annotations[0]!, id: 'leak', body: `As noted: ${MARK.annotationBody}.` }] };
    const file = outPath('refused-annotation.pdf');
    await expect(renderBrief([leaky], file, { template: 'wgad', generatedAt: GENERATED_AT })).rejects.toMatchObject({
      code: 'bad_input',
      issues: expect.arrayContaining([expect.objectContaining({ path: ['annotations', 1, 'body'] })]),
    });
    expect(existsSync(file)).toBe(false);
  });

  it('does not refuse the same case in internal mode', async () => {
    const c = confidentialCase({ summary: `Defended by ${MARK.lawyer}.` });
    const file = outPath('internal-not-refused.pdf');
    const r = await renderBrief([c], file, { template: 'case', mode: 'internal', generatedAt: GENERATED_AT });
    expect(existsSync(file)).toBe(true);
    expect(r.bytes).toBeGreaterThan(1000);
  });
});

describe('matching confidential text', () => {
  const secret = (text: string) => [{ path: ['lawyer'], text }];

  it('sees through line breaks, spacing, case and hyphens broken at a line end', () => {
    expect(findLeaks('… Әділет\nҚожахметов …', secret('Әділет Қожахметов'))).toHaveLength(1);
    expect(findLeaks('ӘДІЛЕТ   ҚОЖАХМЕТОВ', secret('Әділет Қожахметов'))).toHaveLength(1);
    expect(findLeaks('the Kazakh-\nlanguage poet', secret('Kazakh-language poet'))).toHaveLength(1);
    // A word cut in two because it was wider than its column.
    expect(findLeaks('Жұмабаевқорқыт\nтыжазды', secret('Жұмабаевқорқыттыжазды'))).toHaveLength(1);
    // A word too wide for its cell is cut with a visible hyphen: still the same word.
    expect(findLeaks('Адвокат Қожахмет-\nов', secret('Қожахметов'))).toHaveLength(1);
  });

  it('matches whole words only, and ignores texts too short to be told apart', () => {
    expect(findLeaks('Alibek was there', secret('Ali'))).toHaveLength(0);
    expect(findLeaks('and Ali was there', secret('Ali'))).toHaveLength(1);
    expect(findLeaks('N. said', secret('N.'))).toHaveLength(0);
  });

  it('checks a long text by its fragments, so a paragraph quoted from it is caught', () => {
    const long = 'The memo, seen by the defence, describes the conditions of his isolation cell in detail and names the officers responsible for the decision.';
    const hay = haystack('Intro. seen by the defence, describes the conditions\nof his isolation cell in detail. Outro.');
    expect(appearsIn(long, hay)).toBe(true);
    expect(appearsIn(long, haystack('The memo was mentioned once.'))).toBe(false);
  });

  it('catches any run of six words from a confidential text, not five', () => {
    const note = 'the guard said the colony chief ordered the isolation himself';
    expect(findLeaks('Reportedly the colony chief ordered the isolation of him.', secret(note))).toHaveLength(1);
    expect(findLeaks('Reportedly the colony chief ordered the transfer.', secret(note))).toHaveLength(0);
  });

  it('does not count the briefs’ own wording as a leak', () => {
    // An event confidentially titled "Arrest" proves nothing by the label "Arrest" appearing.
    expect(findLeaks('Date Event Details 2019 Arrest', secret('Arrest'))).toHaveLength(0);
  });

  it('collects the secrets of a case by field', () => {
    const paths = secretsOf(confidentialCase()).map((s) => s.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining([
      'person.contact', 'lawyer', 'events.1.title', 'events.1.description', 'sources.1.title', 'sources.1.text',
      'annotations.1.body', 'annotations.2.body', 'annotations.2.target.quote.exact',
    ]));
    // The public annotation's comment and quote are no secret; only its tag, a working label, is.
    expect(paths.filter((p) => p.startsWith('annotations.0'))).toEqual(['annotations.0.tags.0']);
    // A confidential comment on a public source quotes public words: the comment is
    // secret, the quote is not (it may rightly appear in another case's summary).
    expect(paths).not.toContain('annotations.1.target.quote.exact');
    // A case with nothing confidential keeps only its working labels from a public brief: tags and the priority.
    expect(secretsOf(prisonerCase()).map((s) => [s.path.join('.'), s.text])).toEqual([
      ['annotations.0.tags.0', '#arrest'], ['annotations.1.tags.0', '#family'],
      ['tags.0', 'extremism-charge'], ['tags.1', '#poet'],
      // The workflow row as every brief language prints it.
      ...(['en', 'ru', 'kk'] as const).map((lang) => ['priority', `${labelsFor(lang).field.priority}: ${labelsFor(lang).priority.urgent}`]),
    ]);
  });
});

describe('annotation tags', () => {
  it('prints only annotations carrying one of the chosen tags', async () => {
    const file = outPath('tags-filter.pdf');
    await renderBrief([prisonerCase()], file, { template: 'case', annotationTags: ['family'], generatedAt: GENERATED_AT });
    const flat = squash(pdftotext(file));
    expect(flat).toContain('The family asks that the colony be named in every appeal.');
    expect(flat).not.toContain('The arrest date is confirmed by independent press.');
  });
});
