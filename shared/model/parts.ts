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
  date: PartialDate,
  type: EventType,
  title: Text,
  description: z.string().optional(),
  sourceIds: z.array(Id).optional(),
  confidential: z.boolean().optional(),
});
export const Event = EventDraft.extend({ id: Id });
export type Event = z.infer<typeof Event>;

export const SourceKind = z.enum(['article', 'court_document', 'statement', 'interview', 'other']);

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
});
export const Source = SourceDraft.extend({ id: Id, sha256: Sha256 });
export type Source = z.infer<typeof Source>;

/** As stored before offsets were bounded (see scalars): kept readable. */
const StoredOffset = z.int().nonnegative();
const Offset = z
  .int()
  .min(0, { error: 'expected an offset: a whole number from 0' })
  .max(MAX_TEXT_OFFSET, { error: `expected an offset of at most ${MAX_TEXT_OFFSET} (no text is longer)` });

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
  notes: z.string().optional(),
});
export const AdvocacyAction = AdvocacyActionDraft.extend({ id: Id });
export type AdvocacyAction = z.infer<typeof AdvocacyAction>;

export const WgadCategory = z.enum(['I', 'II', 'III', 'IV', 'V']);

export const Analysis = z.strictObject({
  wgadCategories: z.array(WgadCategory).default([]),
  rightsViolated: z.array(z.string()).default([]),
  argument: z.string().optional(),
});
export type Analysis = z.infer<typeof Analysis>;
