import { z } from 'zod';

/** Which document a brief renders; each template says which case kinds it fits. */
export const BriefTemplate = z.enum(['case', 'wgad', 'urgent-action', 'ngo', 'multi']);
export type BriefTemplate = z.infer<typeof BriefTemplate>;

/** The language of the labels; the case text is printed as written, whatever its script. */
export const BriefLang = z.enum(['en', 'ru']);
export type BriefLang = z.infer<typeof BriefLang>;

/** `public` leaves out everything confidential and proves it; `internal` keeps all and stamps every page. */
export const BriefMode = z.enum(['public', 'internal']);
export type BriefMode = z.infer<typeof BriefMode>;

/** The templates with an evidence section; the others quote no annotation. */
export const QUOTING_TEMPLATES: readonly BriefTemplate[] = ['case', 'wgad', 'ngo'];

/** Who prepared a brief: printed under its title and made the PDF's Author. */
export const PreparedBy = z.string().trim().min(1).max(200);

export const BriefOptions = z.strictObject({
  template: BriefTemplate,
  lang: BriefLang.default('en'),
  mode: BriefMode.default('public'),
  /** When present, only annotations carrying at least one of these tags are printed (an empty list prints none). */
  annotationTags: z.array(z.string()).optional(),
});
export type BriefOptions = z.infer<typeof BriefOptions>;
export type BriefOptionsInput = z.input<typeof BriefOptions>;
