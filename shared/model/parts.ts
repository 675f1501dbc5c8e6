import { z } from 'zod';
import { DateTime, Id, MAX_TEXT_OFFSET, PartialDate, Sha256, Text } from './scalars';

// Each part comes in two forms built from one shape: the *draft* an import or a
// form may send (ids and checksums optional, defaults filled in), and the *stored*
// form the app writes (every id and checksum present). Only the differing keys are
// restated, so the two can never drift apart.

export const EventType = z.enum([
  'arrest', 'charge', 'hearing', 'verdict', 'appeal', 'transfer', 'release',
  'suspension', 'fine', 'inspection', 'statement', 'other',
]);

export const EventDraft = z.strictObject({
  id: Id.optional(),
  /** Absent when no source dates it; the array's order places it (see MODEL.md, Event). */
  date: PartialDate.optional(),
  type: EventType,
  title: Text,
  description: z.string().optional(),
  sourceIds: z.array(Id).optional(),
  confidential: z.boolean().optional(),
});
export const Event = EventDraft.extend({ id: Id });
export type Event = z.infer<typeof Event>;

export const SourceKind = z.enum(['article', 'court_document', 'statement', 'interview', 'photo', 'recording', 'other']);

/** The original a source's text came from; its bytes are stored apart, by their sha256. */
export const SourceFile = z.strictObject({
  sha256: Sha256,
  name: Text,
  mediaType: Text,
  size: z.int().min(0, { error: 'expected a size in bytes: a whole number from 0' }),
  addedAt: DateTime,
  addedBy: z.string().optional(),
  capturedFrom: z.string().optional(),
  capturedAt: DateTime.optional(),
  textBy: z.enum(['embedded', 'ocr', 'typed']).optional(),
  pages: z.int().min(1, { error: 'expected a page count from 1' }).optional(),
});
export type SourceFile = z.infer<typeof SourceFile>;

export const SourceDraft = z.strictObject({
  id: Id.optional(),
  title: Text,
  kind: SourceKind,
  url: z.string().optional(),
  publisher: z.string().optional(),
  publishedOn: PartialDate.optional(),
  language: z.string().optional(),
  text: z.string(),
  sha256: Sha256.optional(),
  confidential: z.boolean().optional(),
  file: SourceFile.optional(),
});
export const Source = SourceDraft.extend({ id: Id, sha256: Sha256 });
export type Source = z.infer<typeof Source>;

/** As stored before offsets were bounded (see scalars): kept readable. */
const StoredOffset = z.int().nonnegative();
const Offset = z
  .int()
  .min(0, { error: 'expected an offset: a whole number from 0' })
  .max(MAX_TEXT_OFFSET, { error: `expected an offset of at most ${MAX_TEXT_OFFSET} (no text is longer)` });

/** A share of a page or image's width or height, 0..1 from its top left corner. */
const Fraction = z.number().min(0, { error: 'expected a fraction from 0 to 1' }).max(1, { error: 'expected a fraction from 0 to 1' });
const Page = z.int().min(1, { error: 'expected a page number from 1' });
const Region = z.strictObject({ page: Page.optional(), x: Fraction, y: Fraction, w: Fraction, h: Fraction });

const targetOf = (offset: typeof Offset) =>
  z.strictObject({
    quote: z.strictObject({
      exact: Text,
      prefix: z.string().optional(),
      suffix: z.string().optional(),
    }),
    position: z
      .strictObject({ start: offset, end: offset })
      .refine((p) => p.end >= p.start, { error: 'expected end ≥ start' })
      .optional(),
    page: Page.optional(),
    region: Region.optional(),
  });
export const AnnotationTarget = targetOf(StoredOffset);
export type AnnotationTarget = z.infer<typeof AnnotationTarget>;

export const AnnotationDraft = z.strictObject({
  id: Id.optional(),
  sourceId: Id.optional(),
  target: targetOf(Offset).optional(),
  body: z.string(),
  tags: z.array(z.string()).default([]),
  confidential: z.boolean().default(false),
  /** The comment (body) may be printed in briefs outside internal mode; off, it is a working note. */
  publicComment: z.boolean().optional(),
  createdAt: DateTime.optional(),
  updatedAt: DateTime.optional(),
});
export const Annotation = AnnotationDraft.extend({ id: Id, target: AnnotationTarget.optional() });
export type Annotation = z.infer<typeof Annotation>;

export const DeadlineDraft = z.strictObject({
  id: Id.optional(),
  date: PartialDate,
  title: Text,
  done: z.boolean().default(false),
  confidential: z.boolean().optional(),
});
export const Deadline = DeadlineDraft.extend({ id: Id });
export type Deadline = z.infer<typeof Deadline>;

export const AdvocacyKind = z.enum(['communication', 'urgent_appeal', 'letter', 'statement', 'meeting', 'other']);
export const AdvocacyStatus = z.enum(['draft', 'sent', 'replied', 'decided', 'closed']);

export const AdvocacyActionDraft = z.strictObject({
  id: Id.optional(),
  target: Text,
  kind: AdvocacyKind,
  date: PartialDate.optional(),
  reference: z.string().optional(),
  status: AdvocacyStatus,
  nextFollowUp: PartialDate.optional(),
  /** Working notes: printed in internal briefs only. */
  notes: z.string().optional(),
  confidential: z.boolean().optional(),
});
export const AdvocacyAction = AdvocacyActionDraft.extend({ id: Id });
export type AdvocacyAction = z.infer<typeof AdvocacyAction>;

/** What the advocate asks a recipient to do, in the advocate's words: briefs print these, never text of their own. */
export const RequestDraft = z.strictObject({
  id: Id.optional(),
  text: Text,
  /** Narrows the request to one recipient ("Prosecutor General of Kazakhstan"). */
  addressee: z.string().optional(),
  confidential: z.boolean().optional(),
});
export const Request = RequestDraft.extend({ id: Id });
export type Request = z.infer<typeof Request>;

export const ConsentStatus = z.enum(['given', 'refused', 'pending', 'not_needed']);
/** The detainee's or family's consent to act on their behalf: always confidential. */
export const Consent = z.strictObject({
  status: ConsentStatus,
  by: z.string().optional(),
  date: PartialDate.optional(),
  scope: z.string().optional(),
});
export type Consent = z.infer<typeof Consent>;

/**
 * What a brief remembers of a case between renderings (a project extension to MODEL.md, named in
 * the README's *Briefs*): the urgent action's number and dates, the languages to write in, and the
 * summary as the advocate translated it for a brief in another language.
 */
export const Briefing = z.strictObject({
  urgentAction: z
    .strictObject({
      /** As the issuing network numbers it: "UA 12/26". */
      number: z.string().max(60).optional(),
      issuedOn: PartialDate.optional(),
      /** "Please send appeals before …". */
      sendBefore: PartialDate.optional(),
      /** The languages appeals may be written in, in words: "Kazakh, Russian, English". */
      writeIn: z.string().max(200).optional(),
    })
    .optional(),
  /** The summary in the brief's language, where the case's own is in another; printed instead of it. */
  summaries: z.strictObject({ en: z.string().optional(), ru: z.string().optional(), kk: z.string().optional() }).optional(),
});
export type Briefing = z.infer<typeof Briefing>;

export const WgadCategory = z.enum(['I', 'II', 'III', 'IV', 'V']);

export const Analysis = z.strictObject({
  wgadCategories: z.array(WgadCategory).default([]),
  rightsViolated: z.array(z.string()).default([]),
  argument: z.string().optional(),
});
export type Analysis = z.infer<typeof Analysis>;
