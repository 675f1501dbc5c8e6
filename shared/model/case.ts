import { z } from 'zod';
import { CountryCode, DateTime, Id, Money, Months, NewCaseId, PartialDate, Rev, StoredMoney, StoredMonths, StoredRev, StoredTerm, Term, Text } from './scalars';
import {
  AdvocacyAction, AdvocacyActionDraft, Analysis, Annotation, AnnotationDraft, Briefing, Consent,
  Deadline, DeadlineDraft, Event, EventDraft, Request, RequestDraft, Source, SourceDraft,
} from './parts';
import { IsoCountryCode } from './countries';

export const CaseKind = z.enum(['political_prisoner', 'ngo_suspension']);
export type CaseKind = z.infer<typeof CaseKind>;
export const CaseStatus = z.enum(['active', 'monitoring', 'resolved', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;
export const Priority = z.enum(['urgent', 'high', 'normal', 'low']);
export type Priority = z.infer<typeof Priority>;

// --- kind-specific pieces -------------------------------------------------

/** A birth date as known: "c. 1967" is `{ date: "1967", approximate: true }`. */
export const Born = z.strictObject({ date: PartialDate, approximate: z.boolean().optional() });

export const IdDocument = z.strictObject({
  type: Text,
  number: Text,
  issuedBy: z.string().optional(),
  issuedOn: PartialDate.optional(),
});

export const Person = z.strictObject({
  name: Text,
  familyName: z.string().optional(),
  givenNames: z.string().optional(),
  aliases: z.array(z.string()).default([]),
  born: Born.optional(),
  gender: z.enum(['female', 'male', 'other', 'unknown']).optional(),
  nationality: z.array(IsoCountryCode).default([]),
  occupation: z.string().optional(),
  affiliation: z.string().optional(),
  // contact, address and idDocument are always confidential (MODEL.md, Confidentiality).
  contact: z.string().optional(),
  address: z.string().optional(),
  idDocument: IdDocument.optional(),
});

export const WarrantShown = z.enum(['yes', 'no', 'unknown']);
export const Arrest = z.strictObject({
  date: PartialDate.optional(),
  place: z.string().optional(),
  /** The forces or agency that made the arrest. */
  by: z.string().optional(),
  warrantShown: WarrantShown.optional(),
  warrantIssuedBy: z.string().optional(),
  /** What the person was told. */
  reasonsGiven: z.string().optional(),
  legalBasis: z.string().optional(),
});

export const DetentionStatus = z.enum([
  'pre_trial', 'house_arrest', 'administrative_arrest', 'imprisoned', 'restricted_freedom', 'forced_treatment',
  'incommunicado', 'fined', 'released', 'exile', 'unknown',
]);
export const Detention = z.strictObject({
  status: DetentionStatus,
  place: z.string().optional(),
  heldBy: z.string().optional(),
  since: PartialDate.optional(),
  releasedOn: PartialDate.optional(),
  expectedRelease: PartialDate.optional(),
  /** What may be said publicly about conditions, health included. */
  conditions: z.string().optional(),
  /** Diagnoses and medical details: always confidential. */
  health: z.string().optional(),
});

export const ChargeOutcome = z.enum(['pending', 'convicted', 'acquitted', 'dropped', 'requalified']);
/** `article` is absent when not known — never a placeholder word. */
export const Charge = z.strictObject({ article: Text.optional(), code: Text, summary: z.string().optional(), outcome: ChargeOutcome.optional() });

export const PenaltyType = z.enum([
  'prison', 'administrative_arrest', 'restricted_freedom', 'suspended', 'fine', 'activity_ban', 'travel_ban', 'forced_treatment', 'none',
]);
export const DecisionStage = z.enum([
  'verdict', 'appeal', 'cassation', 'supervisory_review', 'reduction', 'commutation', 'pardon', 'amnesty',
  'early_release', 'early_release_denied', 'other',
]);

/** The numeric fields of a case: bounded in drafts, as they always were in stored cases (see scalars). */
type Numbers = { months: typeof Months; money: typeof Money; term: typeof Term };
const DRAFT_NUMBERS: Numbers = { months: Months, money: Money, term: Term };
const STORED_NUMBERS: Numbers = { months: StoredMonths, money: StoredMoney, term: StoredTerm };

const penaltyOf = (n: Numbers) => z.strictObject({ type: PenaltyType, term: n.term.optional(), fine: n.money.optional() });
export const Penalty = penaltyOf(DRAFT_NUMBERS);
export type Penalty = z.infer<typeof Penalty>;

const decisionShape = (n: Numbers) => ({
  date: PartialDate.optional(),
  stage: DecisionStage,
  /** The court or authority. */
  body: z.string().optional(),
  penalty: penaltyOf(n).optional(),
  /** Free text: "term cut by eight months", "granted; prosecutor appealed". */
  outcome: z.string().optional(),
  confidential: z.boolean().optional(),
});
export const DecisionDraft = z.strictObject({ id: Id.optional(), ...decisionShape(DRAFT_NUMBERS) });
export const Decision = z.strictObject({ id: Id, ...decisionShape(STORED_NUMBERS) });
export type Decision = z.infer<typeof Decision>;

export const Recognition = z.strictObject({
  by: Text,
  label: z.enum(['political_prisoner', 'prisoner_of_conscience', 'other']),
  date: PartialDate.optional(),
});

export const Organization = z.strictObject({
  name: Text,
  aliases: z.array(z.string()).default([]),
  legalForm: z.string().optional(),
  registrationNumber: z.string().optional(),
  founded: PartialDate.optional(),
  focus: z.string().optional(),
  city: z.string().optional(),
  members: z.int().min(0, { error: 'expected a number of members: a whole number from 0' }).optional(),
});

export const MeasureType = z.enum(['suspension', 'fine', 'liquidation', 'inspection', 'registration_denied', 'other']);
export const MeasureStatus = z.enum(['in_force', 'appealed', 'overturned', 'upheld', 'expired']);
const measureOf = (n: Numbers) =>
  z.strictObject({
    type: MeasureType,
    authority: Text,
    legalBasis: z.string().optional(),
    /** The aim the authorities give for it ("protecting public order"), for the ICCPR 22(2) tests. */
    aimClaimed: z.string().optional(),
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
  /** Always confidential (MODEL.md, Confidentiality). */
  consent: Consent.optional(),
  briefing: Briefing.optional(),
};

const draftParts = {
  events: z.array(EventDraft).default([]),
  sources: z.array(SourceDraft).default([]),
  annotations: z.array(AnnotationDraft).default([]),
  deadlines: z.array(DeadlineDraft).default([]),
  advocacy: z.array(AdvocacyActionDraft).default([]),
  requests: z.array(RequestDraft).default([]),
};

const storedParts = {
  events: z.array(Event),
  sources: z.array(Source),
  annotations: z.array(Annotation),
  deadlines: z.array(Deadline),
  advocacy: z.array(AdvocacyAction),
  requests: z.array(Request),
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

const prisonerFields = <D extends typeof Decision | typeof DecisionDraft>(decision: D) => ({
  kind: z.literal('political_prisoner'),
  person: Person,
  arrest: Arrest.optional(),
  detention: Detention.default({ status: 'unknown' }),
  charges: z.array(Charge).default([]),
  /** Oldest first; the penalty in force is the latest decision that sets one. */
  decisions: z.array(decision).default([]),
  recognitions: z.array(Recognition).default([]),
  lawyer: z.string().optional(), // confidential by default
});

const ngoFields = (n: Numbers) => ({
  kind: z.literal('ngo_suspension'),
  organization: Organization,
  measure: measureOf(n),
  appeal: Appeal.optional(),
  /** What the measure did to the organisation, its staff and the people it serves. */
  impact: z.string().optional(),
});

// Only the bad-discriminator issue gets this message: a case that is not an object at all
// (null, an array, a number) keeps zod's "expected object, received …".
const kindError = { error: (issue: { code?: string }) => (issue.code === 'invalid_type' ? undefined : 'expected kind "political_prisoner" or "ngo_suspension"') };

const draftOf = (id: typeof Id) =>
  z.discriminatedUnion(
    'kind',
    [
      z.strictObject({ ...draftMeta(id), ...core, ...draftParts, ...prisonerFields(DecisionDraft) }),
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

export const PrisonerCase = z.strictObject({ ...storedMeta, ...core, ...storedParts, ...prisonerFields(Decision) });
export const NgoCase = z.strictObject({ ...storedMeta, ...core, ...storedParts, ...ngoFields(STORED_NUMBERS) });

/** A case as the store keeps it: every id, checksum and timestamp present. */
export const CaseFile = z.discriminatedUnion('kind', [PrisonerCase, NgoCase], kindError);
export type CaseFile = z.infer<typeof CaseFile>;
export type PrisonerCase = z.infer<typeof PrisonerCase>;
export type NgoCase = z.infer<typeof NgoCase>;
