import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BriefLang, BriefMode, BriefTemplate } from '../../../shared/model/brief';
import { extractPdfText, renderBrief, type RenderedBrief } from '../../../electron/services/briefs';
import type { BriefDocument, Node, Run } from '../../../electron/services/briefs/doc/model';
import { docxText, readDocx } from '../../../electron/services/briefs/docx/docxText';
import { renderPdf } from '../../../electron/services/briefs/layout/renderPdf';
import { findLeaks, secretsOf } from '../../../electron/services/briefs/redaction';
import { createDispatcher } from '../../../electron/services/dispatch';
import { ServiceError } from '../../../electron/services/errors';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { CaseDraft } from '../../../shared/model';
import { fullPrisonerDraft, tempDir } from '../../helpers/fixtures';
import { casesFor } from './docxFixtures';
import { confidentialCase, GENERATED_AT, MARK } from './fixtures';
import { outPath, squash } from './pdfTools';
import { unzipRaw, xmlParagraphs, zipStored } from './rawZip';
import { DocBuilder } from '../../../electron/services/briefs/doc/builder';
import { renderDocx } from '../../../electron/services/briefs/docx/renderDocx';

const TEMPLATES: BriefTemplate[] = ['case', 'wgad', 'urgent-action', 'ngo', 'multi'];
const MODES: BriefMode[] = ['public', 'internal'];
type Combo = { template: BriefTemplate; lang: BriefLang; mode: BriefMode };
const COMBOS: Combo[] = [
  ...TEMPLATES.flatMap((template) => (['en', 'ru'] as const).flatMap((lang) => MODES.map((mode) => ({ template, lang, mode })))),
  ...TEMPLATES.map((template): Combo => ({ template, lang: 'kk', mode: 'public' })),
];
const LANG_TAG: Record<BriefLang, string> = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' };

const runText = (runs: readonly Run[]) => squash(runs.map((r) => r.text).join(' '));

/** Short, ordered landmarks of the document: headings, the title, list items, key-fact labels. */
function anchors(doc: BriefDocument): string[] {
  const out: string[] = [];
  const visit = (n: Node): void => {
    if (n.type === 'heading') out.push(squash(n.text));
    else if (n.type === 'paragraph' && /^(Title|H[123])$/.test(n.opts.tag ?? '')) out.push(runText(n.runs));
    else if (n.type === 'list') for (const item of n.items) out.push(...item.map((r) => squash(r.text)));
    else if (n.type === 'table' && n.opts.labelColumn) for (const row of n.rows) out.push(squash(typeof row[0] === 'string' ? row[0] : runText(row[0] ?? [])));
    else if (n.type === 'keep') n.children.forEach(visit);
  };
  doc.nodes.forEach(visit);
  return out.filter((a) => a !== '');
}

/** Every run of the body, as text, for "the same content". */
function bodyRuns(doc: BriefDocument): string[] {
  const out: string[] = [];
  const visit = (n: Node): void => {
    if (n.type === 'heading') out.push(n.text);
    else if (n.type === 'paragraph' || n.type === 'callout') out.push(...n.runs.map((r) => r.text));
    else if (n.type === 'list') for (const item of n.items) out.push(...item.map((r) => r.text));
    else if (n.type === 'fillIn') out.push(n.label);
    else if (n.type === 'table') {
      if (!n.opts.noHeader) out.push(...n.columns.map((c) => c.header));
      for (const row of n.rows) for (const cell of row) out.push(...(typeof cell === 'string' ? [cell] : cell.map((r) => r.text)));
    } else if (n.type === 'keep') n.children.forEach(visit);
  };
  doc.nodes.forEach(visit);
  return out.map(squash).filter((t) => t !== '');
}

/** The anchors `text` lacks, looking for each after the one before: empty when all are there in this order. */
function outOfOrder(text: string, list: readonly string[]): string[] {
  const flat = squash(text);
  const missing: string[] = [];
  let from = 0;
  for (const a of list) {
    const at = flat.indexOf(a, from);
    if (at < 0) missing.push(a);
    else from = at + a.length;
  }
  return missing;
}

const count = (text: string, re: RegExp) => [...text.matchAll(re)].length;
const citations = (doc: BriefDocument) => {
  let n = 0;
  const visit = (node: Node): void => {
    const runs = node.type === 'paragraph' || node.type === 'callout' ? node.runs
      : node.type === 'list' ? node.items.flat()
      : node.type === 'table' ? node.rows.flat().flatMap((c) => (typeof c === 'string' ? [] : c)) : [];
    for (const r of runs) n += r.notes?.length ?? 0;
    if (node.type === 'keep') node.children.forEach(visit);
  };
  doc.nodes.forEach(visit);
  return n;
};

type Rendered = {
  result: RenderedBrief;
  parts: Map<string, string>;
  /** word/document.xml's text by regular expressions (not the app's reader). */
  body: string;
  /** The app's reader (docxText), whole. */
  reader: string;
  pdf: string;
};

async function render(c: Combo, extra: { preparedBy?: string } = {}): Promise<Rendered> {
  const { cases, related } = casesFor(c.template);
  const name = `${c.template}-${c.lang}-${c.mode}`;
  const file = outPath(`${name}.docx`);
  const result = await renderBrief(cases, file, { template: c.template, lang: c.lang, mode: c.mode, format: 'docx', related, generatedAt: GENERATED_AT, ...extra });
  const bytes = readFileSync(file);
  expect(bytes.equals(result.data)).toBe(true);
  expect(statSync(file).size).toBe(result.bytes);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const parts = new Map([...unzipRaw(bytes)].map(([k, v]) => [k, v.toString('utf8')]));
  // The same document laid out as a PDF, read by pdfjs: the order the Word brief must keep.
  const pdf = (await extractPdfText((await renderPdf(result.document)).buffer)).text;
  return { result, parts, body: xmlParagraphs(parts.get('word/document.xml')!).join('\n'), reader: await docxText(bytes), pdf };
}

describe.each(COMBOS)('Word brief: $template, $lang, $mode', (combo) => {
  let r: Rendered;
  beforeAll(async () => {
    r = await render(combo);
  });
  const xml = (name: string) => r.parts.get(name) ?? '';

  it('holds the PDF\'s headings, names, requests and key facts in the PDF\'s order, read two ways', () => {
    const list = anchors(r.result.document);
    expect(list.length).toBeGreaterThan(4);
    expect(outOfOrder(r.pdf, list)).toEqual([]);
    expect(outOfOrder(r.body, list)).toEqual([]);
    expect(outOfOrder(r.reader, list)).toEqual([]);
    const { cases } = casesFor(combo.template);
    // Requests as the case stores them, wherever the PDF prints them (a case brief always does).
    const requests = cases.flatMap((c) => c.requests.map((q) => squash(q.text))).filter((q) => squash(r.pdf).includes(q));
    if (combo.template === 'case') expect(requests.length).toBeGreaterThan(0);
    for (const q of requests) expect(squash(r.body)).toContain(q);
  });

  it('prints every run of the document body, and no text of its own', () => {
    const flat = squash(r.body);
    const missing = bodyRuns(r.result.document).filter((t) => !flat.includes(t));
    expect(missing).toEqual([]);
    // The app's reader and the regular expressions agree on the body, letter for letter (the reader
    // also spaces a note's cross-reference number off the word before it).
    const letters = (t: string) => t.replace(/\s+/g, '');
    expect(letters(r.reader.split('\n').slice(0, r.body.split('\n').length).join('\n'))).toBe(letters(r.body));
  });

  it('carries the footnotes as Word footnotes, a repeated source as a cross-reference to its note', () => {
    const doc = r.result.document;
    const notesXml = xml('word/footnotes.xml');
    const noteTexts = xmlParagraphs(notesXml).map(squash).join('\n');
    for (const f of doc.footnotes) expect(noteTexts).toContain(runText(f.full));
    expect(count(notesXml, /<w:footnote w:id="[1-9]\d*"/g)).toBe(doc.footnotes.length);
    const main = xml('word/document.xml');
    expect(count(main, /<w:footnoteReference w:id="\d+"\/>/g)).toBe(doc.footnotes.length);
    expect(count(main, /w:instr="NOTEREF _RefNote\d+ \\f \\h"/g)).toBe(citations(doc) - doc.footnotes.length);
    if (combo.template === 'case') {
      expect(doc.footnotes.length).toBeGreaterThan(0);
      expect(citations(doc)).toBeGreaterThan(doc.footnotes.length);
    }
  });

  it('numbers pages in the footer with Word fields and runs the title in the header; stamps only an internal brief', () => {
    const f = r.result.document.furniture;
    const footer = [...r.parts].filter(([k]) => /^word\/footer\d*\.xml$/.test(k)).map(([, v]) => v).join('');
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    for (const words of f.pageLabel.split(/\{page\}|\{total\}/).map(squash).filter((w) => w !== '')) expect(squash(xmlParagraphs(footer).join(' '))).toContain(words);
    const header = squash(xmlParagraphs([...r.parts].filter(([k]) => /^word\/header\d*\.xml$/.test(k)).map(([, v]) => v).join('')).join(' '));
    expect(header).toContain(squash(f.title));
    const stamp = ['CONFIDENTIAL', 'КОНФИДЕНЦИАЛЬНО'];
    if (combo.mode === 'internal') {
      expect(f.stamp?.length).toBeGreaterThan(0);
      for (const word of f.stamp!) expect(header).toContain(word);
    } else {
      for (const word of stamp) expect(header + squash(r.body)).not.toContain(word);
    }
  });

  it('names no tool in a brief to send, properties included, and carries the document\'s title, subject and author', () => {
    const meta = r.result.document.meta;
    const core = xml('docProps/core.xml');
    expect(core).toContain(`<dc:title>${meta.title.replace(/&/g, '&amp;')}</dc:title>`);
    expect(core).toContain(`<dc:subject>${meta.subject.replace(/&/g, '&amp;')}</dc:subject>`);
    expect(core).not.toContain('Un-named');
    if (combo.mode === 'public') {
      for (const [name, text] of r.parts) expect(text, name).not.toContain('Casefile');
    } else {
      expect(core).toContain('<dc:creator>Casefile</dc:creator>');
    }
  });

  it('uses Word\'s Title and Heading styles, the brief\'s language, DejaVu Sans and the PDF\'s A4 page', () => {
    const main = xml('word/document.xml');
    const styles = xml('word/styles.xml');
    expect(main).toContain('<w:pStyle w:val="Title"/>');
    expect(main).toContain('<w:pStyle w:val="Heading1"/>');
    // Word's built-in heading, and an outline level, so the navigation pane and a table of contents list it.
    expect(styles).toMatch(/w:styleId="Heading1"><w:name w:val="[Hh]eading 1"\/>[^]*?<w:outlineLvl w:val="0"\/>/);
    expect(styles).toContain(`<w:lang w:val="${LANG_TAG[combo.lang]}"/>`);
    expect(main).toContain(`<w:lang w:val="${LANG_TAG[combo.lang]}"/>`);
    expect(main).not.toMatch(new RegExp(`<w:lang w:val="(?!${LANG_TAG[combo.lang]}")`));
    expect(styles).toContain('w:ascii="DejaVu Sans"');
    expect(/<w:pPrDefault><w:pPr>([^]*?)<\/w:pPr>/.exec(styles)![1]).toContain('<w:widowControl/>');
    expect(main).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = /<w:pgMar ([^>]*)\/>/.exec(main)![1]!;
    for (const [side, tw] of [['top', 1480], ['bottom', 1160], ['left', 1120], ['right', 1120]] as const) expect(margins).toContain(`w:${side}="${tw}"`);
    // No font file goes with the brief.
    expect([...r.parts.keys()].filter((k) => /\.(ttf|odttf|otf)$/i.test(k))).toEqual([]);
  });

  it('repeats table header rows, shades the key-facts labels and keeps groups with keep-with-next', () => {
    const main = xml('word/document.xml');
    const tables = r.result.document.nodes.flatMap(function flat(n: Node): Node[] { return n.type === 'keep' ? n.children.flatMap(flat) : [n]; }).filter((n) => n.type === 'table');
    if (tables.some((t) => t.type === 'table' && !t.opts.noHeader)) expect(main).toContain('<w:tblHeader/>');
    if (tables.some((t) => t.type === 'table' && t.opts.labelColumn)) expect(main).toMatch(/<w:shd [^>]*w:fill="F3F5F8"/);
    expect(main).toContain('<w:keepNext/>');
    if (r.result.document.nodes.some((n) => n.type === 'keep')) expect(main).toContain('<w:keepLines/>');
    if (combo.mode === 'internal') expect(main).toMatch(/<w:pBdr><w:top w:val="single" w:color="B00020"/);
  });
});

describe('Word brief: lists, fill-in lines, author', () => {
  it('numbers the requests as a numbered list and bullets other lists', async () => {
    const r = await render({ template: 'case', lang: 'en', mode: 'public' }, { preparedBy: 'Айгүл Серікова' });
    const main = r.parts.get('word/document.xml')!;
    const numbering = r.parts.get('word/numbering.xml')!;
    const { cases } = casesFor('case');
    const first = cases[0]!.requests[0]!.text;
    const para = [...main.matchAll(/<w:p(?:\s[^>]*[^/])?>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]!).find((p) => p.includes(first))!;
    const numId = /<w:numId w:val="(\d+)"\/>/.exec(para)![1]!;
    const abstractId = new RegExp(`<w:num w:numId="${numId}"[^>]*><w:abstractNumId w:val="(\\d+)"/`).exec(numbering)![1]!;
    const abstract = new RegExp(`<w:abstractNum [^>]*w:abstractNumId="${abstractId}"[\\s\\S]*?</w:abstractNum>`).exec(numbering)![0];
    expect(abstract).toContain('<w:numFmt w:val="decimal"/>');
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
    expect(r.parts.get('docProps/core.xml')).toContain('<dc:creator>Айгүл Серікова</dc:creator>');
  });

  it('gives fill-in lines (an underscore tab leader) under each label', async () => {
    // No template prints boxes to fill in by hand in a brief to send any more (the WGAD's section VI is the
    // organisation profile), but the node stays in the model for a template that needs one.
    const w = new DocBuilder();
    w.heading('Signed');
    for (const label of ['Name', 'Organisation', 'Date', 'Signature']) w.fillIn(label);
    const doc: BriefDocument = {
      meta: { title: 'Fill-in', subject: 'test', keywords: [], lang: 'ru', mode: 'internal', generatedAt: GENERATED_AT, author: 'Test' },
      furniture: { title: 'Fill-in', right: '', pageLabel: 'Page {page} of {total}' },
      nodes: w.nodes,
      footnotes: w.footnotes,
    };
    const buffer = await renderDocx(doc);
    const main = unzipRaw(buffer).get('word/document.xml')!.toString('utf8');
    expect(main).toMatch(/<w:tab w:val="right" w:leader="underscore" w:pos="9666"\/>|<w:tab w:val="right" w:pos="9666" w:leader="underscore"\/>/);
    const body = await docxText(buffer);
    for (const label of ['Name', 'Organisation', 'Date', 'Signature']) expect(body).toContain(`${label}  `);
  });
});

describe('Word brief: text XML cannot hold', () => {
  it('leaves control characters out and keeps a tab as spaces, as the PDF does, so Word can open the file', async () => {
    const c = { ...casesFor('case').cases[0]!, summary: 'A bell\u0007 here,\u000b a form feed\u000c there and a\ttab.' };
    const file = outPath('control-characters.docx');
    await renderBrief([c], file, { template: 'case', format: 'docx', generatedAt: GENERATED_AT });
    const main = unzipRaw(readFileSync(file)).get('word/document.xml')!.toString('utf8');
    expect(main).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xmlParagraphs(main)).toContain('A bell here, a form feed there and a    tab.');
  });
});

describe('Word brief: the redaction proof', () => {
  it('refuses a public Word brief whose summary repeats the lawyer, and leaves no file behind', async () => {
    const c = confidentialCase({ summary: `Марат Жұмабаев is defended by ${MARK.lawyer}, who was threatened.` });
    const file = outPath('refused-lawyer.docx');
    writeFileSync(file, 'an earlier export');
    const attempt = renderBrief([c], file, { template: 'case', format: 'docx', generatedAt: GENERATED_AT });
    await expect(attempt).rejects.toBeInstanceOf(ServiceError);
    await expect(attempt).rejects.toMatchObject({ code: 'bad_input', message: expect.stringContaining('lawyer') });
    expect(existsSync(file)).toBe(false);
  });

  it('writes the same case as an internal Word brief, the lawyer and the stamp in it', async () => {
    const c = confidentialCase({ summary: `Defended by ${MARK.lawyer}.` });
    const file = outPath('internal-lawyer.docx');
    const r = await renderBrief([c], file, { template: 'case', mode: 'internal', format: 'docx', generatedAt: GENERATED_AT });
    const text = await docxText(readFileSync(file));
    expect(r.data.equals(readFileSync(file))).toBe(true);
    expect(text).toContain(MARK.lawyer);
    expect(text).toContain('CONFIDENTIAL');
    // What the proof would read from this file names the fields that must not reach a brief to send.
    const found = findLeaks(text, secretsOf(c)).map((leak) => leak.path.join('.'));
    expect(found).toEqual(expect.arrayContaining(['lawyer', 'person.contact']));
  });
});

describe('briefs.render with format docx', () => {
  it('returns a Word document named .docx, its pages counted by the PDF layout, and leaves nothing in the data folder', async () => {
    const { dir, cleanup } = await tempDir();
    const store = await CaseStore.open(dir);
    try {
      const c = await store.create(CaseDraft.parse(fullPrisonerDraft()));
      const dispatch = createDispatcher(createHandlers(store));
      const res = await dispatch('briefs.render', { ids: [c.id], format: 'docx', lang: 'ru', mode: 'public' });
      if (!res.ok) throw new Error(res.error.message);
      const bytes = Buffer.from(res.value.dataBase64, 'base64');
      expect(res.value.format).toBe('docx');
      expect(res.value.fileName).toMatch(/^kasym-tokaev-case-ru-\d{4}-\d{2}-\d{2}\.docx$/);
      expect(res.value.bytes).toBe(bytes.length);
      expect(res.value.pages).toBeGreaterThan(0);
      const parts = unzipRaw(bytes);
      expect(parts.get('word/document.xml')!.toString('utf8')).toContain('<w:pStyle w:val="Heading1"/>');
      expect(await docxText(bytes)).toContain(c.title);
      expect(existsSync(path.join(dir, 'tmp'))).toBe(false); // rendered in memory
    } finally {
      await store.close();
      await cleanup();
    }
  });
});

describe('docxText reads a DOCX as any reader would', () => {
  const types = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

  it('reads runs, tabs (not tab stops), breaks, entities, footnotes, headers and properties of a hand-made DOCX', async () => {
    const zip = zipStored({
      '[Content_Types].xml': types,
      'word/document.xml': `<w:document ${w}><w:body><w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="9000"/></w:tabs></w:pPr>`
        + '<w:r><w:t>Name</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">Әбішев &amp; Co</w:t></w:r><w:r><w:br/><w:t>second</w:t></w:r>'
        + '<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p><w:p><w:r><w:t>next</w:t></w:r></w:p></w:body></w:document>',
      'word/footnotes.xml': `<w:footnotes ${w}><w:footnote w:id="1"><w:p><w:r><w:t>Source: Азаттық</w:t></w:r></w:p></w:footnote></w:footnotes>`,
      'word/header1.xml': `<w:hdr ${w}><w:p><w:r><w:t>Running title</w:t></w:r></w:p></w:hdr>`,
      'word/comments.xml': `<w:comments ${w}><w:comment w:id="0"><w:p><w:r><w:t>a reviewer's note</w:t></w:r></w:p></w:comment></w:comments>`,
      'docProps/core.xml': '<cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:title>Бриф</dc:title><dc:creator>Айгүл</dc:creator></cp:coreProperties>',
    });
    const parts = await readDocx(zip);
    expect(parts.body).toBe('Name Әбішев & Co\nsecond \nnext\n');
    expect(parts.footnotes).toBe("Source: Азаттық\na reviewer's note\n");
    expect(parts.furniture).toBe('Running title\n');
    expect(parts.properties).toBe('Бриф\nАйгүл');
    expect(await docxText(zip)).toContain('Айгүл');
  });

  it('refuses bytes that are not a ZIP, and a ZIP that is not a Word document, as bad input', async () => {
    await expect(docxText(Buffer.from('%PDF-1.7 not a zip'))).rejects.toMatchObject({ code: 'bad_input', message: expect.stringContaining('not a ZIP') });
    await expect(docxText(zipStored({ 'notes.txt': 'hello' }))).rejects.toMatchObject({ code: 'bad_input', message: expect.stringContaining('[Content_Types].xml') });
    await expect(docxText(zipStored({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }))).rejects.toMatchObject({ code: 'bad_input', message: expect.stringContaining('Word') });
    await expect(docxText(zipStored({ '[Content_Types].xml': types }))).rejects.toMatchObject({ code: 'bad_input', message: expect.stringContaining('word/document.xml') });
  });
});

/** LibreOffice, when this machine happens to have it (it is not installed for the tests). */
const soffice = ['soffice', 'libreoffice'].find((cmd) => {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});

describe.skipIf(!soffice)('Word brief opened by LibreOffice', () => {
  it('converts to a PDF holding the brief\'s headings in order', async () => {
    const r = await render({ template: 'wgad', lang: 'kk', mode: 'public' });
    const dir = mkdtempSync(path.join(path.dirname(outPath('x')), 'soffice-'));
    const src = path.join(dir, 'wgad.docx');
    writeFileSync(src, r.result.data);
    execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, src], { stdio: 'ignore', timeout: 120_000 });
    const text = (await extractPdfText(path.join(dir, 'wgad.pdf'))).text;
    expect(outOfOrder(text, r.result.document.nodes.flatMap((n) => (n.type === 'heading' ? [squash(n.text)] : [])))).toEqual([]);
  });
});
