import { Bookmark, FootnoteReferenceRun, Paragraph, SimpleField, TextRun, type ParagraphChild } from 'docx';
import type { BriefLang } from '../../../../shared/model/brief';
import type { BriefDocument, FontStyle, Run } from '../doc/model';
import { cleanText } from '../layout/text';
import { halfPoints, hex, languageOf } from './styles';

/** What a paragraph gives its runs unless a run says otherwise. */
export type RunDefaults = { style?: FontStyle | undefined; size?: number | undefined; color?: string | undefined };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as XML may hold it: the PDF's clean-up (tabs, soft hyphens, control characters), plus
 * no lone surrogate and no U+FFFE/FFFF, which would make the whole file unreadable to Word.
 */
export function xmlSafe(text: string): string {
  return cleanText(text).replace(LONE_SURROGATE, '\uFFFD').replace(/[\uFFFE\uFFFF]/g, '');
}

/**
 * A cross-reference to a footnote already printed: Word's own NOTEREF field (as
 * Insert → Cross-reference writes it), showing the note's number in the footnote
 * reference style, so a second citation of a source points at its one full note.
 */
class NoteRef extends SimpleField {
  constructor(bookmark: string, shown: number) {
    super(`NOTEREF ${bookmark} \\f \\h`);
    this.root.push(new TextRun({ text: String(shown), style: 'FootnoteReference' }));
  }
}

/**
 * Turns the model's footnote numbers into Word footnotes: the first citation of a
 * note is a real footnote reference (Word numbers and places it at the foot of
 * its page), a later one a cross-reference to it, as the PDF prints a later
 * citation as a pointer to the full note.
 */
export class Notes {
  /** Model note number → the number Word shows for it (the order of first citation). */
  private readonly shown = new Map<number, number>();

  constructor(
    private readonly doc: BriefDocument,
    private readonly lang: BriefLang,
  ) {}

  cite(n: number): ParagraphChild {
    if (!this.doc.footnotes[n - 1]) throw new Error(`a run cites footnote ${n}, which the document does not have`);
    const bookmark = `_RefNote${n}`;
    const shown = this.shown.get(n);
    if (shown !== undefined) return new NoteRef(bookmark, shown);
    this.shown.set(n, this.shown.size + 1);
    return new Bookmark({ id: bookmark, children: [new FootnoteReferenceRun(n)] });
  }

  /** The footnotes cited in the body, by the ids their references use. */
  footnotes(): Record<string, { children: Paragraph[] }> {
    const out: Record<string, { children: Paragraph[] }> = {};
    for (const n of this.shown.keys()) {
      const full = this.doc.footnotes[n - 1]!.full;
      // Word puts the note's number first; a space keeps it off the first word, as Word's own notes do.
      const runs = full.length > 0 ? [{ ...full[0]!, text: ` ${full[0]!.text}` }, ...full.slice(1)] : [];
      out[String(n)] = { children: [new Paragraph({ style: 'FootnoteText', children: runsToChildren(runs, {}, this.lang) })] };
    }
    return out;
  }
}

function textRuns(r: Run, d: RunDefaults, lang: BriefLang, first: boolean): TextRun[] {
  // No face given: the paragraph's style decides (a heading is bold by its style, not by its runs).
  const style = r.style ?? d.style;
  const size = r.size ?? d.size;
  const color = hex(r.color ?? d.color);
  const props = {
    ...(style ? { bold: style === 'bold' || style === 'boldItalic', italics: style === 'italic' || style === 'boldItalic' } : {}),
    ...(size !== undefined ? { size: halfPoints(size) } : {}),
    ...(color ? { color } : {}),
    language: languageOf(lang),
  };
  // Each run starts a line, and a line break in stored text is one, as the PDF prints them (layout/text.ts wrapRuns).
  return xmlSafe(r.text).split('\n').map((text, i) => new TextRun({ ...props, text, ...(i > 0 || !first ? { break: 1 } : {}) }));
}

/** A paragraph's runs, one line each (as the PDF sets them), each followed by its footnote references when `notes` is given (body text; notes have none). */
export function runsToChildren(runs: readonly Run[], d: RunDefaults, lang: BriefLang, notes?: Notes): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  runs.forEach((r, i) => {
    out.push(...textRuns(r, d, lang, i === 0));
    if (notes) for (const n of r.notes ?? []) out.push(notes.cite(n));
  });
  return out;
}
