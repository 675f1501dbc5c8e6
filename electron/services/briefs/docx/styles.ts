import { AlignmentType, BorderStyle, LevelFormat, type INumberingOptions, type IParagraphStylePropertiesOptions, type IStylesOptions } from 'docx';
import type { BriefLang } from '../../../../shared/model/brief';
import { THEME } from '../doc/theme';

// The Word brief's look, taken from the PDF's theme so both read as one document:
// the same face, sizes, colours and margins, expressed in Word's units.

/** The face the PDF embeds; Word substitutes its own where DejaVu is not installed (it is not embedded). */
const FONT = 'DejaVu Sans';

/** w:lang per brief language: a full tag, so Word picks the right spelling and hyphenation dictionaries. */
const LANGUAGE: Record<BriefLang, string> = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' };

export function languageOf(lang: BriefLang): { value: string } {
  return { value: LANGUAGE[lang] };
}

/** Points to twentieths of a point (twips), Word's unit for spacing, indents and page geometry. */
export const twips = (pt: number): number => Math.round(pt * 20);
/** Points to half-points, Word's unit for font sizes. */
export const halfPoints = (pt: number): number => Math.max(1, Math.round(pt * 2));

/** "#1f3a5f" → "1F3A5F"; anything else is left to the style. */
export function hex(color: string | undefined): string | undefined {
  const m = color === undefined ? null : /^#?([0-9a-f]{6})$/i.exec(color);
  return m ? m[1]!.toUpperCase() : undefined;
}

/** A4 with the PDF's margins (openDocument): 74 pt top, 58 pt bottom, 56 pt each side. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: twips(74), bottom: twips(58), left: twips(56), right: twips(56) },
} as const;
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/** The PDF's line pitch is 1.36 em; DejaVu's own line is ~1.16 em, so Word's "auto" multiple is their ratio. */
const LINE = Math.round((240 * THEME.leading) / 1.164);

/** Word finds headings for its navigation pane and tables of contents by their outline level (0 = level 1). */
const heading = (level: 1 | 2 | 3, size: number, before: number, after: number) => ({
  run: { font: FONT, size: halfPoints(size), bold: true, color: hex(THEME.accent) },
  paragraph: { spacing: { before: twips(before), after: twips(after), line: 240 }, keepNext: true, keepLines: true, outlineLevel: level - 1 },
});

/**
 * Every paragraph's defaults. Widow control is on in Word's own Normal template, not in the format: a
 * document that does not ask for it gets single lines stranded at the top or foot of a page. docx's
 * style type lacks the property its writer supports, hence the wider type.
 */
const BODY: IParagraphStylePropertiesOptions & { widowControl: boolean } = { spacing: { after: twips(4), line: LINE }, widowControl: true };

export function briefStyles(lang: BriefLang): IStylesOptions {
  const language = languageOf(lang);
  const h1 = heading(1, THEME.h1, 10, 6);
  return {
    default: {
      document: {
        run: { font: FONT, size: halfPoints(THEME.body), color: hex(THEME.text), language },
        paragraph: BODY,
      },
      title: {
        run: { font: FONT, size: halfPoints(17), bold: true, color: hex(THEME.accent), language },
        paragraph: { spacing: { after: twips(4), line: 240 }, keepNext: true },
      },
      // The PDF rules a line under each H1; Word draws it as the style's bottom border.
      heading1: { ...h1, paragraph: { ...h1.paragraph, border: { bottom: { style: BorderStyle.SINGLE, size: 5, color: hex(THEME.accent), space: 1 } } } },
      heading2: heading(2, THEME.h2, 6, 3),
      heading3: heading(3, THEME.h3, 6, 3),
      footnoteText: { run: { font: FONT, size: halfPoints(THEME.small), language }, paragraph: { spacing: { after: 0, line: 240 } } },
    },
    paragraphStyles: [
      {
        id: 'Quote',
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        paragraph: { indent: { left: twips(10) }, spacing: { after: twips(8) }, keepLines: true },
      },
    ],
  };
}

export const BULLETS = 'brief-bullets';
export const NUMBERS = 'brief-numbers';

/** One bulleted and one numbered list definition; each list of the brief is its own instance, so numbers restart. */
export function briefNumbering(): INumberingOptions {
  const indent = { left: twips(12), hanging: twips(11) };
  return {
    config: [
      {
        reference: BULLETS,
        levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent }, run: { color: hex(THEME.accent) } } }],
      },
      {
        reference: NUMBERS,
        levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent }, run: { color: hex(THEME.accent) } } }],
      },
    ],
  };
}
