import { z } from 'zod';
import { CountryCode, DateTime, Id, Money, Months, NewCaseId, PartialDate, Rev, StoredMoney, StoredMonths, StoredRev, Text } from './scalars';
import {
  AdvocacyAction, AdvocacyActionDraft, Analysis, Annotation, AnnotationDraft,
  Deadline, DeadlineDraft, Event, EventDraft, Source, SourceDraft,
} from './parts';

export const CaseKind = z.enum(['political_prisoner', 'ngo_suspension']);
export type CaseKind = z.infer<typeof CaseKind>;
export const CaseStatus = z.enum(['active', 'monitoring', 'resolved', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;
export const Priority = z.enum(['urgent', 'high', 'normal', 'low']);
export type Priority = z.infer<typeof Priority>;

// --- kind-specific pieces -------------------------------------------------

export const Person = z.strictObject({
  name: Text,
  aliases: z.array(z.string()).default([]),
  birthYear: z.int().min(1900).max(2100).optional(),
  gender: z.enum(['female', 'male', 'other', 'unknown']).optional(),
  occupation: z.string().optional(),
  affiliation: z.string().optional(),
  contact: z.string().optional(), // always confidential
});

export const DetentionStatus = z.enum([
  'pre_trial', 'house_arrest', 'imprisoned', 'restricted_freedom', 'fined', 'released', 'exile', 'unknown',
]);
export const Detention = z.strictObject({
  status: DetentionStatus,
  place: z.string().optional(),
  since: PartialDate.optional(),
  expectedRelease: PartialDate.optional(),
});

export const Charge = z.strictObject({ article: Text, code: Text, summary: z.string().optional() });

export const SentenceType = z.enum(['prison', 'restricted_freedom', 'fine', 'suspended', 'activity_ban', 'none']);

/** The numeric fields of a case: bounded in drafts, as they always were in stored cases (see scalars). */
type Numbers = { months: typeof Months; money: typeof Money };
const DRAFT_NUMBERS: Numbers = { months: Months, money: Money };
const STORED_NUMBERS: Numbers = { months: StoredMonths, money: StoredMoney };

const sentenceOf = (n: Numbers) =>
  z.strictObject({
    type: SentenceType,
    months: n.months.optional(),
    fine: n.money.optional(),
    verdictDate: PartialDate.optional(),
    court: z.string().optional(),
  });
export const Sentence = sentenceOf(DRAFT_NUMBERS);

export const Recognition = z.strictObject({
  by: Text,
  label: z.enum(['political_prisoner', 'prisoner_of_conscience', 'other']),
  date: PartialDate.optional(),
});

export const Organization = z.strictObject({
  name: Text,
  aliases: z.array(z.string()).default([]),
  registrationNumber: z.string().optional(),
  focus: z.string().optional(),
  city: z.string().optional(),
});

export const MeasureType = z.enum(['suspension', 'fine', 'liquidation', 'inspection', 'registration_denied', 'other']);
export const MeasureStatus = z.enum(['in_force', 'appealed', 'overturned', 'upheld', 'expired']);
const measureOf = (n: Numbers) =>
  z.strictObject({
    type: MeasureType,
    authority: Text,
    legalBasis: z.string().optional(),
    start: PartialDate.optional(),
    end: PartialDate.optional(),
    durationMonths: n.months.optional(),
    fine: n.money.optional(),
    // The import minimum names only type and authority, so status takes a default.
    status: MeasureStatus.default('in_force'),
  });
export const Measure = measureOf(DRAFT_NUMBERS);

export const Appeal = z.strictObject({
  court: z.string().optional(),
  filed: PartialDate.optional(),
  outcome: z.string().optional(),
});

// --- assembling drafts and stored cases from one set of shapes --------------

const core = {
  title: z.string().min(1, { error: 'expected a title of 1 to 300 characters' }).max(300, { error: 'expected a title of 1 to 300 characters' }),
  status: CaseStatus.default('active'),
  priority: Priority.default('normal'),
  country: CountryCode.optional(),
  region: z.string().optional(),
  summary: z.string().default(''),
  tags: z.array(z.string()).default([]),
  analysis: Analysis.default({ wgadCategories: [], rightsViolated: [] }),
};

const draftParts = {
  events: z.array(EventDraft).default([]),
  sources: z.array(SourceDraft).default([]),
  annotations: z.array(AnnotationDraft).default([]),
  deadlines: z.array(DeadlineDraft).default([]),
  advocacy: z.array(AdvocacyActionDraft).default([]),
};

const storedParts = {
  events: z.array(Event),
  sources: z.array(Source),
  annotations: z.array(Annotation),
  deadlines: z.array(Deadline),
  advocacy: z.array(AdvocacyAction),
};

const draftMeta = (id: typeof Id) => ({
  id: id.optional(),
  rev: Rev.optional(),
  createdAt: DateTime.optional(),
  updatedAt: DateTime.optional(),
});

const storedMeta = {
  id: Id,
  rev: StoredRev,
  createdAt: DateTime,
  updatedAt: DateTime,
};

const prisonerFields = (n: Numbers) => ({
  kind: z.literal('political_prisoner'),
  person: Person,
  detention: Detention.default({ status: 'unknown' }),
  charges: z.array(Charge).default([]),
  sentence: sentenceOf(n).optional(),
  recognitions: z.array(Recognition).default([]),
  lawyer: z.string().optional(), // confidential by default
});

const ngoFields = (n: Numbers) => ({
  kind: z.literal('ngo_suspension'),
  organization: Organization,
  measure: measureOf(n),
  appeal: Appeal.optional(),
});

// Only the bad-discriminator issue gets this message: a case that is not an object at all
// (null, an array, a number) keeps zod's "expected object, received …".
const kindError = { error: (issue: { code?: string }) => (issue.code === 'invalid_type' ? undefined : 'expected kind "political_prisoner" or "ngo_suspension"') };

const draftOf = (id: typeof Id) =>
  z.discriminatedUnion(
    'kind',
    [
      z.strictObject({ ...draftMeta(id), ...core, ...draftParts, ...prisonerFields(DRAFT_NUMBERS) }),
      z.strictObject({ ...draftMeta(id), ...core, ...draftParts, ...ngoFields(DRAFT_NUMBERS) }),
    ],
    kindError,
  );

/** What an import, a form or `cases.create` may carry: only the essentials are required. */
export const CaseDraft = draftOf(Id);
export type CaseDraftInput = z.input<typeof CaseDraft>;
export type CaseDraft = z.infer<typeof CaseDraft>;

/**
 * A draft of a case about to be stored under the id it carries (an import, `cases.create`):
 * the id may not name a Windows device. An edit (`cases.update`) takes any CaseDraft, so a
 * case stored under such an id before the rule stays editable.
 */
export const NewCaseDraft = draftOf(NewCaseId);

export const PrisonerCase = z.strictObject({ ...storedMeta, ...core, ...storedParts, ...prisonerFields(STORED_NUMBERS) });
export const NgoCase = z.strictObject({ ...storedMeta, ...core, ...storedParts, ...ngoFields(STORED_NUMBERS) });

/** A case as the store keeps it: every id, checksum and timestamp present. */
export const CaseFile = z.discriminatedUnion('kind', [PrisonerCase, NgoCase], kindError);
export type CaseFile = z.infer<typeof CaseFile>;
export type PrisonerCase = z.infer<typeof PrisonerCase>;
export type NgoCase = z.infer<typeof NgoCase>;
