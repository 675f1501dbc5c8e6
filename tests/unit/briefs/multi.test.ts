import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDraftInput, CaseFile } from '../../../shared/model';
import { extractPdfText, renderBrief, type PdfText } from '../../../electron/services/briefs';
import { GENERATED_AT, makeCase } from './fixtures';
import { outPath, pdfinfo, pdftotext, renderPngs, squash } from './pdfTools';

const COUNT = 100;
const NAMES = ['Айгүл Серікова', 'Ерлан Қалиев', 'Нұрлан Өтебаев', 'Жанар Ұлықпанова', 'Һадия Ғалымова', 'Марат Ибраев'];
const DETENTION = ['pre_trial', 'imprisoned', 'house_arrest', 'released', 'restricted_freedom'] as const;
const STATUS = ['active', 'monitoring', 'resolved', 'closed'] as const;

/** Case i: every fourth an NGO, the rest prisoners; titles unique and numbered so none is a prefix of another. */
function generated(i: number): CaseFile {
  const n = String(i + 1).padStart(3, '0');
  const name = NAMES[i % NAMES.length]!;
  const base = { status: STATUS[i % STATUS.length], country: 'KZ', region: i % 2 ? 'Алматы' : 'Астана', summary: `${name}: case number ${n}. ${'Background paragraph. '.repeat(8)}` };
  const draft: CaseDraftInput = i % 4 === 3
    ? { ...base, kind: 'ngo_suspension', title: `Case ${n} — ${name} Қоры`, organization: { name: `${name} Қоры`, aliases: [] }, measure: { type: i % 8 === 3 ? 'suspension' : 'fine', authority: 'Ministry of Justice', start: '2024-03' } }
    : {
      ...base, kind: 'political_prisoner', title: `Case ${n} — ${name}`, person: { name, aliases: [`Alias ${n}`] },
      detention: { status: DETENTION[i % DETENTION.length]!, since: '2022-01' },
      charges: [{ article: '174', code: 'Criminal Code' }],
      lawyer: `Counsel for case ${n}`,
    };
  return makeCase(draft);
}

describe('multi-case brief with 100 cases', () => {
  const cases = Array.from({ length: COUNT }, (_, i) => generated(i));
  const file = outPath('multi-100.pdf');
  const progress: [number, number][] = [];
  let pages = 0;
  let text = '';
  let extracted: PdfText;

  beforeAll(async () => {
    const r = await renderBrief(cases, file, { template: 'multi', generatedAt: GENERATED_AT, onProgress: (done, total) => progress.push([done, total]) });
    pages = r.pages;
    text = pdftotext(file);
    extracted = await extractPdfText(file);
  });

  it('reports its page count truthfully, and numbers every page', () => {
    expect(Number(pdfinfo(file).Pages)).toBe(pages);
    expect(extracted.pages).toBe(pages);
    // Counts, a table of 100 rows (~25 to a page) and 100 profiles of about a fifth of a page each.
    expect(pages).toBeGreaterThanOrEqual(20);
    expect(pages).toBeLessThanOrEqual(40);
    const labels = text.match(/Page \d+ of \d+/g) ?? [];
    expect(labels).toEqual(Array.from({ length: pages }, (_, i) => `Page ${i + 1} of ${pages}`));
    expect(renderPngs(file)).toHaveLength(pages);
  });

  it('prints the counts by kind, detention status and measure; a public brief no workflow status', () => {
    // In content order (pdfjs): pdftotext's column guessing may part a table row from its count.
    const flat = squash(extracted.text);
    expect(flat).toContain('100 cases in this overview.');
    expect(flat).toContain('Political prisoner 75');
    expect(flat).toContain('Restricted NGO 25');
    expect(flat).not.toContain('By case status');
    expect(flat).not.toContain('Active 25');
    expect(flat).toContain('Pre-trial detention 15');
    expect(flat).toContain('Suspension 13');
    expect(flat).toContain('Fine 12');
  });

  it('lists every case once by name under its category, in order, with the header repeated on each page of a long list', async () => {
    const { pageTexts } = extracted;
    const flat = squash(text);
    const listsStart = flat.indexOf('Lists by category');
    const profilesStart = flat.lastIndexOf('Profiles');
    expect(listsStart).toBeGreaterThan(0);
    expect(profilesStart).toBeGreaterThan(listsStart);
    const lists = flat.slice(listsStart, profilesStart);
    // The gravest deprivation of liberty first, then the organisations by the measure.
    const order = ['Imprisoned (15)', 'Pre-trial detention (15)', 'House arrest (15)', 'Restricted freedom (15)', 'Released (15)', 'Suspension (13)', 'Fine (12)'];
    let at = -1;
    for (const heading of order) {
      const next = lists.indexOf(heading);
      expect(next, heading).toBeGreaterThan(at);
      at = next;
    }
    // Each case once, by its profile number and its name as the English brief prints it (the Latin alias).
    for (const [i, c] of cases.entries()) {
      const name = c.kind === 'political_prisoner' ? `Alias ${String(i + 1).padStart(3, '0')}` : c.organization.name;
      expect(lists.split(` ${i + 1} ${name} `).length - 1, c.title).toBe(1);
    }
    const row = /\b\d+ (Alias \d{3}|\S+ \S+ Қоры) (Алматы|Астана)/;
    const listPages = pageTexts.map(squash).filter((p) => row.test(p));
    expect(listPages.length).toBeGreaterThanOrEqual(2);
    for (const page of listPages) expect(page).toContain('No. Name Place Since');
  });

  it('profiles every case once', () => {
    const flat = squash(text);
    const profiles = flat.slice(flat.lastIndexOf('Profiles'));
    cases.forEach((c, i) => expect(profiles.split(`${i + 1}. ${c.title}`).length - 1, c.title).toBe(1));
  });

  it('leaves out every lawyer in public mode', () => {
    expect(text).not.toContain('Counsel for case');
  });

  it('reports progress case by case, from 0 to 100', () => {
    expect(progress[0]).toEqual([0, COUNT]);
    expect(progress.at(-1)).toEqual([COUNT, COUNT]);
    expect(progress).toHaveLength(COUNT + 1);
    progress.forEach(([done], i) => expect(done).toBe(i));
  });
});
