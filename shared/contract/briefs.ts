import { z } from 'zod';
import { Id } from '../model/scalars';
import { BriefFormat, BriefLang, BriefMode, BriefOriginals, BriefTemplate, PreparedBy } from '../model/brief';

// The contract's words for briefs: what to render, what the cases lack, what was written.

export const BriefRequest = z.strictObject({
  ids: z.array(Id).min(1).max(10_000),
  /** Absent: `case` for one case, `multi` for several. */
  template: BriefTemplate.optional(),
  lang: BriefLang.default('en'),
  mode: BriefMode.default('public'),
  /** `docx`: a Word document with the same content and order, to edit before sending. */
  format: BriefFormat.default('pdf'),
  /** Only annotations with one of these tags; absent prints all (public ones, in public mode). */
  annotationTags: z.array(z.string()).optional(),
  /** Who prepared the brief (the PDF's Author); absent: "Casefile". */
  preparedBy: PreparedBy.optional(),
  /** The originals behind the sources shown: `attach` (in the PDF), `zip` (brief and files in one ZIP), `none`. */
  originals: BriefOriginals.default('none'),
  /** The multi-case brief's charts of the caseload (with their numbers as tables); absent: on. */
  charts: z.boolean().optional(),
});

/** What the dialog and the CLI ask before rendering: does the template fit, and what does the case lack for it? */
export const BriefCheckRequest = z.strictObject({
  ids: z.array(Id).min(1).max(10_000),
  template: BriefTemplate.optional(),
  mode: BriefMode.default('public'),
  /** The language the messages are written in (the reader's, not necessarily the brief's). */
  lang: BriefLang.default('en'),
  /** The brief's language, when it is not the reader's: a name or summary in another script is a gap for it. Default: `lang`. */
  briefLang: BriefLang.optional(),
});

/** One thing the chosen template asks for and the case does not hold: a warning, never a refusal. */
export const BriefGap = z.strictObject({
  /** Stable, for tests and the UI: "wgad.arrest.place", "submission.consent". */
  code: z.string(),
  /** Where in the case it would be recorded, when one field holds it. */
  path: z.array(z.union([z.string(), z.int()])).optional(),
  message: z.string(),
});
export type BriefGap = z.infer<typeof BriefGap>;

export const BriefCheck = z.strictObject({
  template: BriefTemplate,
  /** Set when the template does not fit the cases (a WGAD communication for someone never detained): rendering is refused with this reason. */
  refused: z.string().optional(),
  gaps: z.array(BriefGap),
});
export type BriefCheck = z.infer<typeof BriefCheck>;

export const RenderedBrief = z.strictObject({
  fileName: z.string(),
  template: BriefTemplate,
  format: BriefFormat,
  /** Pages as laid out in the PDF; a Word document is paginated by Word, so this is the PDF's count for the same content. */
  pages: z.int().min(1),
  bytes: z.int().min(1),
  /** The file's bytes: a PDF or a DOCX, as `format` says. */
  dataBase64: z.base64(),
  /** Annotations in scope the brief could not quote: their passage changed or is gone. */
  annotationsLeftOut: z.int().min(0),
  /** How many original files went with the brief (attached or in the ZIP; `fileName` then ends in .zip for a ZIP). */
  originalsSent: z.int().min(0).optional(),
  /** What the user should know about what left: a photo that keeps its location. */
  warnings: z.array(z.string()).optional(),
});
export type RenderedBrief = z.infer<typeof RenderedBrief>;
