import { AlignmentType, BorderStyle, Document, Footer, Header, Packer, PageNumber, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { BriefLang } from '../../../../shared/model/brief';
import type { BriefDocument, Furniture } from '../doc/model';
import { THEME } from '../doc/theme';
import { blocks, type BlockCtx } from './blocks';
import { Notes, xmlSafe } from './runs';
import { briefNumbering, briefStyles, halfPoints, hex, languageOf, PAGE, TEXT_WIDTH, twips } from './styles';

// The Word writer: the same document the PDF writer lays out, as an editable DOCX.
// Word (or LibreOffice) makes the pages; the brief gives it the PDF's page, face,
// sizes and keep rules, real headings, lists, tables and footnotes.

type Piece = { text: string; style?: 'bold'; size: number; color: string };

function furnitureRun(p: Piece, lang: BriefLang): TextRun {
  return new TextRun({ text: xmlSafe(p.text), bold: p.style === 'bold', size: halfPoints(p.size), color: hex(p.color), language: languageOf(lang) });
}

/** The running title on the left, an internal brief's "generated on" on the right, over a rule; the stamp above on an internal brief. */
function header(f: Furniture, lang: BriefLang): Header {
  const stamp = f.stamp && f.stamp.length > 0
    ? [new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: twips(4), line: 240 },
      children: [new TextRun({
        text: xmlSafe(f.stamp.join(' / ')),
        bold: true,
        size: halfPoints(THEME.small + 0.5),
        color: hex(THEME.stamp),
        border: { style: BorderStyle.SINGLE, size: 8, color: hex(THEME.stamp)!, space: 2 },
        language: languageOf(lang),
      })],
    })]
    : [];
  const running = new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
    border: { bottom: { style: BorderStyle.SINGLE, size: 3, color: hex(THEME.rule)!, space: 2 } },
    spacing: { after: 0, line: 240 },
    children: [
      furnitureRun({ text: f.title, style: 'bold', size: THEME.tiny + 0.5, color: THEME.accent }, lang),
      ...(f.right ? [new TextRun({ children: [new Tab()] }), furnitureRun({ text: f.right, size: THEME.tiny, color: THEME.muted }, lang)] : []),
    ],
  });
  return new Header({ children: [...stamp, running] });
}

/** "Page {page} of {total}" with Word's PAGE and NUMPAGES fields in the places of the two numbers. */
function footer(f: Furniture, lang: BriefLang): Footer {
  const children: (string | (typeof PageNumber)[keyof typeof PageNumber])[] = [];
  for (const part of f.pageLabel.split(/(\{page\}|\{total\})/)) {
    if (part === '{page}') children.push(PageNumber.CURRENT);
    else if (part === '{total}') children.push(PageNumber.TOTAL_PAGES);
    else if (part !== '') children.push(xmlSafe(part));
  }
  return new Footer({
    children: [new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ children, size: halfPoints(THEME.small), color: hex(THEME.muted), language: languageOf(lang) })],
    })],
  });
}

/** The brief as a DOCX: its bytes. Fonts are named, not embedded (DejaVu Sans, or Word's substitute). */
export async function renderDocx(doc: BriefDocument): Promise<Buffer> {
  const { meta, furniture } = doc;
  const notes = new Notes(doc, meta.lang);
  const ctx: BlockCtx = { lang: meta.lang, notes, lists: 0 };
  // The body first: the footnotes a document carries are the ones its body cites.
  const children = blocks(ctx, doc.nodes);
  const stamped = (furniture.stamp?.length ?? 0) > 0;
  const document = new Document({
    title: xmlSafe(meta.title),
    subject: xmlSafe(meta.subject),
    keywords: xmlSafe(meta.keywords.join(', ')),
    // The author the PDF names; never the library's placeholder, which docx writes when none is given.
    creator: xmlSafe(meta.author),
    lastModifiedBy: xmlSafe(meta.author),
    styles: briefStyles(meta.lang),
    numbering: briefNumbering(),
    footnotes: notes.footnotes(),
    sections: [{
      properties: {
        page: {
          size: { width: PAGE.width, height: PAGE.height },
          // Header and footer where the PDF draws them: the title 30 pt above the text (the stamp 16 pt higher), the page label 22 pt below.
          margin: { ...PAGE.margin, header: twips(stamped ? 26 : 40), footer: twips(28) },
        },
      },
      headers: { default: header(furniture, meta.lang) },
      footers: { default: footer(furniture, meta.lang) },
      children,
    }],
  });
  return Packer.toBuffer(document);
}
