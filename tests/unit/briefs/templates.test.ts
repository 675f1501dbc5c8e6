import { readFileSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../shared/model';
import type { BriefLang, BriefTemplate } from '../../../shared/model/brief';
import { extractPdfText, renderBrief } from '../../../electron/services/briefs';
import { loadSeedAddressBook } from '../../../electron/services/addressees';
import { GENERATED_AT, ngoCase, prisonerCase, relatedNgoCase } from './fixtures';
import { outPath, pdffonts, pdfinfo, pdftotext, pdftotextPages, renderPngs, squash } from './pdfTools';

const KAZAKH = 'Қ Ө Ү Ұ Ә Ғ Ң І Һ';

type Rendered = { file: string; pages: number; text: string; flat: string };

const prisoner = prisonerCase();
const ngo = ngoCase();
const related = relatedNgoCase();
// The urgent action names officials only from the address book: the shipped one, as a new data folder has it.
const addressBook = await loadSeedAddressBook();

async function render(template: BriefTemplate, c: CaseFile, lang: BriefLang): Promise<Rendered> {
  const file = outPath(`${template}-${c.kind}-${lang}.pdf`);
  const result = await renderBrief([c], file, { template, lang, related: [related, prisoner], generatedAt: GENERATED_AT, addressBook });
  // The durable write got the bytes as they are (no text re-encoding on the way).
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(statSync(file).size).toBe(result.bytes);
  const text = pdftotext(file);
  return { file, pages: result.pages, text, flat: squash(text) };
}

/** What every brief must carry, whatever its template. */
function expectFurniture(r: Rendered, lang: BriefLang, headerTitle: string): void {
  const info = pdfinfo(r.file);
  expect(Number(info.Pages)).toBe(r.pages);
  // A brief to send names no tool: not in its metadata, not on any page.
  expect(JSON.stringify(info)).not.toContain('Casefile');
  expect(info.Tagged).toBe('yes');
  expect(info.Title).toContain(headerTitle);
  expect(info.Subject).not.toBe('');
  // Only the embedded DejaVu faces: a Helvetica here would mean some text could turn to garbage.
  const fonts = pdffonts(r.file);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+DejaVuSans/);
  expect(readFileSync(r.file).includes(`/Lang (${lang})`)).toBe(true);
  const pageLabel = lang === 'en' ? (n: number) => `Page ${n} of ${r.pages}` : (n: number) => `Стр. ${n} из ${r.pages}`;
  const pages = pdftotextPages(r.file).map(squash);
  expect(pages).toHaveLength(r.pages);
  for (let n = 1; n <= r.pages; n++) {
    const page = pages[n - 1]!;
    expect(page).toContain(pageLabel(n));
    expect(page).not.toContain('Casefile');
    expect(page).toContain(headerTitle.slice(0, 20));
  }
  expect(renderPngs(r.file)).toHaveLength(r.pages);
}

describe('case brief', () => {
  const out: Record<string, Rendered> = {};
  beforeAll(async () => {
    for (const lang of ['en', 'ru'] as const) {
      out[`p-${lang}`] = await render('case', prisoner, lang);
      out[`n-${lang}`] = await render('case', ngo, lang);
    }
  });

  it('prints a prisoner case in English with its key facts, names byte-exact and the footnoted quote', () => {
    const r = out['p-en']!;
    expectFurniture(r, 'en', prisoner.title);
    for (const s of [
      'Гүлнар Әбдірахманова', 'Gulnar Abdirakhmanova', 'Гульнар Абдрахманова', 'Қазақ PEN', KAZAKH,
      'Imprisoned, ЖД-158/4 колония, Алматы', 'March 2019', '16 February 2021', 'Imprisonment, 7 years',
      '174 part 1, Criminal Code of the Republic of Kazakhstan', 'political prisoner — Kazakhstan Bureau for Human Rights, June 2019',
      'Category II', 'Category III', 'Rights violated: ICCPR 19, ICCPR 14', 'G/SO 218/2 KAZ',
      'The family asks that the colony be named in every appeal.',
    ]) expect(r.flat).toContain(s);
    for (const heading of ['Key facts', 'Summary', 'Requests', 'Chronology', 'Charges', 'Analysis', 'Remedies and advocacy so far', 'Annotated evidence']) {
      expect(r.text).toContain(heading);
    }
    // A brief to send is not labelled as a redacted copy: it is the document itself.
    expect(r.text).not.toContain('PUBLIC');
    expect(r.text).not.toContain('CONFIDENTIAL');
  });

  // Changed on purpose (issue 14): the note names the source without a hash (the annex has it in full), and the
  // chronology cites the source first, so the quote's page holds the full note or the reference back to it.
  it('puts the footnote to the source on the page of the quote, with title, publisher and date, and no hash', () => {
    const r = out['p-en']!;
    const source = prisoner.sources[0]!;
    const quote = '“ақын Гүлнар Әбдірахманова 2019 жылы наурызда ұсталды”';
    const note = '[1] Source: Ақын Гүлнар Әбдірахманова ұсталды — Азаттық, 15 March 2019.';
    const pages = pdftotextPages(r.file).map(squash);
    const fullPage = pages.findIndex((p) => p.includes(note));
    expect(fullPage).toBeGreaterThanOrEqual(0);
    const quotePage = pages.findIndex((p) => p.includes(quote));
    expect(quotePage).toBeGreaterThanOrEqual(0);
    expect(pages[quotePage]).toContain('The arrest date is confirmed by independent press. [1]');
    expect(pages[quotePage]).toContain(quotePage === fullPage ? note : `[1] Ақын Гүлнар Әбдірахманова ұсталды — full reference on page ${fullPage + 1}`);
    const notes = pages.join(' ').slice(0, pages.join(' ').indexOf('Annex: sources cited'));
    expect(notes).not.toContain(source.sha256.slice(0, 12));
  });

  it('prints a prisoner case in Russian with Russian labels and dates, the case text as written', () => {
    const r = out['p-ru']!;
    expectFurniture(r, 'ru', prisoner.title);
    for (const s of [
      'Гүлнар Әбдірахманова', KAZAKH, 'Основные факты', 'Хронология', 'Обвинения', 'март 2019', '16 февраля 2021',
      'Лишение свободы, 7 лет', 'Категория II', '«ақын Гүлнар Әбдірахманова 2019 жылы наурызда ұсталды»',
      '[1] Источник: Ақын Гүлнар Әбдірахманова ұсталды — Азаттық, 15 марта 2019.',
      'a Kazakh-language poet', // the summary is printed as written, not translated
    ]) expect(r.flat).toContain(s);
  });

  it('prints an NGO case with its measure, legal basis and the ICCPR 22(2) tests', () => {
    const r = out['n-en']!;
    expectFurniture(r, 'en', ngo.title);
    for (const s of [
      'Қасым-Жомарт Тоқаев Foundation for Legal Aid', 'Фонд правовой помощи имени Қасым-Жомарт Тоқаев',
      'Suspension (appealed)', 'Ministry of Justice of Kazakhstan', 'Code of Administrative Offences, art. 489 part 10',
      '16 January 2024', '3 months', '2,000,000 KZT (≈ USD 4,300)', 'Is the restriction prescribed by law?', 'Does it pursue a legitimate aim?',
      'Is it necessary in a democratic society?', 'Lift the suspension imposed on Қасым-Жомарт Тоқаев Foundation for Legal Aid',
    ]) expect(r.flat).toContain(s);
  });

  it('prints an NGO case in Russian', () => {
    const r = out['n-ru']!;
    expectFurniture(r, 'ru', ngo.title);
    for (const s of ['Қасым-Жомарт Тоқаев Foundation for Legal Aid', 'Приостановление деятельности (обжалуется)', '2 000 000 KZT (≈ 4 300 USD)', 'Предусмотрено ли ограничение законом?', '3 месяца']) {
      expect(r.flat).toContain(s);
    }
  });

  it('reads back through pdfjs (what the app itself uses) the same as through pdftotext', async () => {
    const r = out['p-ru']!;
    const extracted = await extractPdfText(r.file);
    expect(extracted.pages).toBe(r.pages);
    expect(extracted.pageTexts).toHaveLength(r.pages);
    const flat = squash(extracted.text);
    for (const s of ['Гүлнар Әбдірахманова', KAZAKH, '16 февраля 2021', 'Стр. 1 из']) expect(flat).toContain(s);
    expect(extracted.info.Title).toContain('Гүлнар Әбдірахманова');
  });
});

describe('WGAD communication', () => {
  it.each(['en', 'ru'] as const)('fills sections I–VI from a prisoner case (%s)', async (lang) => {
    const r = await render('wgad', prisoner, lang);
    expectFurniture(r, lang, prisoner.title);
    const sections = lang === 'en'
      ? ['I. Identity', 'II. Arrest', 'III. Detention', 'IV. Circumstances', 'V. Domestic remedies', 'VI. Person(s) submitting']
      : ['I. Сведения о личности', 'II. Арест', 'III. Содержание под стражей', 'IV. Обстоятельства', 'V. Внутренние средства', 'VI. Лицо (лица)'];
    let at = -1;
    for (const s of sections) {
      const next = r.flat.indexOf(s, at + 1);
      expect(next, s).toBeGreaterThan(at);
      at = next;
    }
    for (const s of ['Гүлнар Әбдірахманова', 'Gulnar Abdirakhmanova', 'Detained at her home in Almaty', 'Appeal rejected by the city court', 'G/SO 218/2 KAZ']) {
      expect(r.flat).toContain(s);
    }
    expect(r.flat).toContain(lang === 'en' ? 'Date of arrest March 2019' : 'Дата ареста март 2019');
    // Changed on purpose (issue 14): section VI is the organisation profile and the date, with no boxes to fill in by hand.
    const tail = r.flat.slice(at);
    expect(tail).toContain(lang === 'en' ? 'Date of the communication 22 November 2026' : 'Дата сообщения 22 ноября 2026');
    expect(tail).not.toContain(lang === 'en' ? 'Signature' : 'Подпись');
  });
});

describe('urgent action', () => {
  it.each([
    ['prisoner', 'en', prisoner], ['prisoner', 'ru', prisoner], ['NGO', 'en', ngo], ['NGO', 'ru', ngo],
  ] as const)('is a one-to-two-page appeal for a %s case (%s)', async (_kind, lang, c) => {
    const r = await render('urgent-action', c, lang);
    expectFurniture(r, lang, c.title);
    expect(r.pages).toBeLessThanOrEqual(2);
    const heads = lang === 'en' ? ['Concern', 'Case details', 'What to ask', 'Whom to write to'] : ['Причина обеспокоенности', 'Сведения о деле', 'О чём просить', 'Кому писать'];
    for (const h of heads) expect(r.text).toContain(h);
    // The book's officials for Kazakhstan, each with the salutation in the brief's language.
    expect(r.flat).toContain('Prosecutor General of the Republic of Kazakhstan');
    expect(r.flat).toContain(lang === 'en' ? 'Dear Prosecutor General,' : 'Уважаемый господин Генеральный прокурор!');
    expect(r.flat).toContain(c.kind === 'political_prisoner' ? 'Гүлнар Әбдірахманова' : 'Қасым-Жомарт Тоқаев Foundation for Legal Aid');
  });
});

describe('NGO brief for the Special Rapporteur', () => {
  it.each(['en', 'ru'] as const)('shows the measure, remedies, impact and the pattern of related cases (%s)', async (lang) => {
    const r = await render('ngo', ngo, lang);
    expectFurniture(r, lang, ngo.title);
    for (const s of ['Ministry of Justice of Kazakhstan', 'Specialised Inter-district Administrative Court of Astana', 'Tax inspection of the foundation']) {
      expect(r.flat).toContain(s);
    }
    // The related NGO shares the authority and a tag; the prisoner case shares neither.
    expect(r.flat).toContain(related.title);
    expect(r.flat).toContain(lang === 'en' ? 'same authority' : 'тот же орган');
    expect(r.flat).not.toContain(prisoner.title);
    const heads = lang === 'en' ? ['Measures and their legal basis', 'Remedies (appeal)', 'Pattern'] : ['Меры и их правовое основание', 'Средства правовой защиты (обжалование)', 'Систематический характер'];
    for (const h of heads) expect(r.text).toContain(h);
    // The fixture records no impact: no empty heading claims one.
    expect(r.text).not.toContain(lang === 'en' ? 'Impact' : 'Последствия');
  });
});
