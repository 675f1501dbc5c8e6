import { z } from 'zod';

/** Which document a brief renders; each template says which case kinds it fits. */
export const BriefTemplate = z.enum(['case', 'wgad', 'urgent-action', 'ngo', 'multi']);
export type BriefTemplate = z.infer<typeof BriefTemplate>;

/** The language of the labels; the case text is printed as written, except names, which print in the brief's script when the case has an alias in it. */
export const BriefLang = z.enum(['en', 'ru', 'kk']);
export type BriefLang = z.infer<typeof BriefLang>;

/**
 * MODEL.md, Confidentiality: `public` for anyone; `submission` for a UN mechanism (public plus who submits and on
 * whose behalf: lawyer, contact, address, identity document, consent, health); `internal` keeps all and stamps every
 * page. Public and submission output is proven clean by reading the written file back.
 */
export const BriefMode = z.enum(['public', 'submission', 'internal']);
export type BriefMode = z.infer<typeof BriefMode>;

/** The file a brief is written as: a PDF to send, or a Word document to edit. */
export const BriefFormat = z.enum(['pdf', 'docx']);
export type BriefFormat = z.infer<typeof BriefFormat>;

/** The templates with an evidence section; the others quote no annotation. */
export const QUOTING_TEMPLATES: readonly BriefTemplate[] = ['case', 'wgad', 'ngo'];

/**
 * What a brief does with the original files behind its sources (its annex lists them whatever this says):
 * `none` sends none; `attach` embeds them in the PDF as file attachments; `zip` packs the brief and them into
 * one ZIP (`files/<name>`), for e-mail — the only way for a Word brief.
 */
export const BriefOriginals = z.enum(['none', 'attach', 'zip']);
export type BriefOriginals = z.infer<typeof BriefOriginals>;

/** The templates with an annex of originals; only they may carry them. */
export const ORIGINALS_TEMPLATES: readonly BriefTemplate[] = ['case', 'wgad', 'ngo'];

/** Who prepared a brief: printed under its title and made the PDF's Author. */
export const PreparedBy = z.string().trim().min(1).max(200);

export const BriefOptions = z.strictObject({
  template: BriefTemplate,
  lang: BriefLang.default('en'),
  mode: BriefMode.default('public'),
  format: BriefFormat.default('pdf'),
  /** When present, only annotations carrying at least one of these tags are printed (an empty list prints none). */
  annotationTags: z.array(z.string()).optional(),
  originals: BriefOriginals.default('none'),
  /** The multi-case brief's "Caseload" section of charts, each with its numbers as a table; absent: on (other templates have none). */
  charts: z.boolean().optional(),
});
export type BriefOptions = z.infer<typeof BriefOptions>;
export type BriefOptionsInput = z.input<typeof BriefOptions>;
