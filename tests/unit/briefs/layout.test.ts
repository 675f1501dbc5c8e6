import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDraftInput } from '../../../shared/model';
import { extractPdfText, renderBrief } from '../../../electron/services/briefs';
import { GENERATED_AT, makeCase } from './fixtures';
import { outPath, pdftotext, renderPngs, squash, textBoxes, type TextBox } from './pdfTools';

// The page geometry the briefs use (A4, points): what lies outside it overflowed.
const MARGIN_X = 56;
const TOP = 74;
const BOTTOM_MARGIN = 58;

const LONG_WORD = `https://example.org/${'verylongpathsegment'.repeat(12)}`;
const longTitle = `${'Ұзақ атау — a very long case title that must wrap over several lines in the header block '.repeat(3)}`.slice(0, 300);

function stressCase(): CaseDraftInput {
  return {
    kind: 'political_prisoner',
    title: longTitle,
    summary: Array.from({ length: 12 }, (_, i) => `Paragraph ${i + 1}. ${'Қамауға алынған адамның құқықтары бұзылды, and the court ignored it. '.repeat(6)}`).join('\n\n') + `\n\nSee ${LONG_WORD}`,
    person: { name: 'Гүлнар Әбдірахманова', aliases: [LONG_WORD] },
    detention: { status: 'imprisoned', since: '2019' },
    charges: Array.from({ length: 6 }, (_, i) => ({ article: `${170 + i} part ${i + 1}`, code: 'Criminal Code of the Republic of Kazakhstan', summary: 'description '.repeat(10) })),
    events: Array.from({ length: 60 }, (_, i) => ({
      date: `20${String(10 + Math.floor(i / 12)).padStart(2, '0')}-${String((i % 12) + 1).padStart(2, '0')}`,
      type: 'statement' as const, // not a remedy, so each event is printed once
      title: `Hearing ${String(i + 1).padStart(2, '0')}`,
      // One description longer than a page, so a row has to be split between pages.
      description: i === 30 ? 'A very long record of the hearing. '.repeat(260) : `Event description ${i + 1} with ${LONG_WORD}`,
    })),
    // Each quote occurs once in the source, so each anchors and is printed.
    sources: [{ id: 's1', title: 'Source', kind: 'article', text: Array.from({ length: 12 }, (_, i) => `Passage: quoted words here ${i};`).join(' ') }],
    annotations: Array.from({ length: 12 }, (_, i) => ({ sourceId: 's1', target: { quote: { exact: `quoted words here ${i};` } }, body: `Comment ${i} `.repeat(20), tags: [], publicComment: true })),
    requests: [{ text: 'Release Гүлнар Әбдірахманова immediately.' }, { text: `Publish the verdict in full: ${LONG_WORD}` }],
  };
}

function inside(b: TextBox): boolean {
  return b.x >= MARGIN_X - 1 && b.x + b.width <= b.pageWidth - MARGIN_X + 1;
}

describe('layout under stress: long titles, unbreakable words, a row taller than a page', () => {
  const file = outPath('stress-case.pdf');
  let boxes: TextBox[] = [];
  let pages = 0;

  beforeAll(async () => {
    const r = await renderBrief([makeCase(stressCase())], file, { template: 'case', generatedAt: GENERATED_AT });
    pages = r.pages;
    boxes = await textBoxes(file);
    renderPngs(file);
  });

  it('keeps every line of text inside the page margins', () => {
    expect(boxes.length).toBeGreaterThan(500);
    const outside = boxes.filter((b) => !inside(b));
    expect(outside.map((b) => `p${b.page}: ${b.str.slice(0, 40)} x=${b.x.toFixed(1)} w=${b.width.toFixed(1)}`)).toEqual([]);
  });

  it('keeps body text between the header and the footer', () => {
    // Baselines: the header sits above the top margin, the page number below the bottom one.
    const body = boxes.filter((b) => b.y > TOP - 10 && b.y < b.pageHeight - BOTTOM_MARGIN + 10);
    const misplaced = body.filter((b) => b.y - b.height * 0.8 < TOP - 1 || b.y > b.pageHeight - BOTTOM_MARGIN + 1);
    expect(misplaced.map((b) => `p${b.page}: ${b.str.slice(0, 40)} y=${b.y.toFixed(1)}`)).toEqual([]);
  });

  it('leaves no page empty', () => {
    for (let n = 1; n <= pages; n++) {
      const body = boxes.filter((b) => b.page === n && b.y > TOP - 10 && b.y < b.pageHeight - BOTTOM_MARGIN + 10);
      expect(body.length, `page ${n}`).toBeGreaterThan(3);
    }
  });

  it('prints all of the long content: every event, the whole long row, the long word', () => {
    const flat = squash(pdftotext(file));
    for (let i = 1; i <= 60; i++) expect(flat).toContain(`Hearing ${String(i).padStart(2, '0')}`);
    // One word per occurrence, so a page break inside the row cannot hide any.
    expect(flat.match(/\brecord\b/g)).toHaveLength(260);
    // The unbreakable URL is cut over lines but not lost.
    expect(flat.replace(/ /g, '')).toContain(LONG_WORD);
  });

  // Changed on purpose (issue 14): the case brief's chronology is a footnoted list now, so the long event table is
  // the NGO brief's, with the same sixty events.
  it('repeats the chronology header on each page the table reaches', async () => {
    const ngoFile = outPath('stress-ngo-events.pdf');
    const ngo = makeCase({
      kind: 'ngo_suspension', title: longTitle, summary: '', organization: { name: 'Stress Foundation', aliases: [] },
      measure: { type: 'suspension', authority: 'Ministry of Justice', status: 'in_force' }, events: stressCase().events,
    });
    await renderBrief([ngo], ngoFile, { template: 'ngo', generatedAt: GENERATED_AT });
    // pdfjs keeps content order; pdftotext orders by position and may slot the running header into the table's.
    const tablePages = (await extractPdfText(ngoFile)).pageTexts.map(squash).filter((p) => /Hearing \d\d/.test(p));
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    tablePages.forEach((page, i) => expect(page, `table page ${i + 1}`).toContain('Date Event Details'));
  });

  it('is a tagged PDF: balanced marked content on every page and a structure tree of headings, paragraphs and tables', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, verbosity: 0 });
    const pdf = await task.promise;
    const roles = new Set<string>();
    const walk = (node: { role?: string; children?: unknown[] } | null) => {
      if (!node) return;
      if (node.role) roles.add(node.role);
      for (const child of node.children ?? []) walk(child as { role?: string; children?: unknown[] });
    };
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const { fnArray } = await page.getOperatorList();
      let depth = 0;
      for (const fn of fnArray) {
        if (fn === pdfjs.OPS.beginMarkedContent || fn === pdfjs.OPS.beginMarkedContentProps) depth++;
        if (fn === pdfjs.OPS.endMarkedContent) depth--;
        expect(depth, `page ${n}`).toBeGreaterThanOrEqual(0);
      }
      expect(depth, `page ${n}`).toBe(0);
      walk(await page.getStructTree());
    }
    await task.destroy();
    for (const role of ['Document', 'Title', 'H1', 'P', 'Table', 'TR', 'TH', 'TD', 'L', 'LI', 'BlockQuote', 'Note']) expect(roles).toContain(role);
  });
});
