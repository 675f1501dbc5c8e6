import { z } from 'zod';
import { CaseKind, DecisionStage, DetentionStatus, MeasureStatus, MeasureType, Penalty } from './model/case';
import { EventType } from './model/parts';
import { Id, PartialDate } from './model/scalars';

// The people and bodies that recur across cases — courts, judges, prosecutors,
// investigators, arresting agencies, places of detention, authorities that act against
// NGOs, lawyers, bodies that recognised a prisoner — read from the fields that name them
// (a decision's body, the arrest's agency, a measure's authority…) and from role words in
// the timeline ("судья Иванов", "judge Ivanov", "тергеуші …"). Spellings are matched with
// the search normaliser (Тоқаев = Токаев = Tokayev); the team corrects the matching by hand
// (merge, split), kept in the folder so every device sees the same index.

export const ActorRole = z.enum([
  'court',
  'judge',
  'prosecutor',
  'investigator',
  'arresting_agency',
  'detention_place',
  'authority',
  'lawyer',
  'recognising_body',
  'other',
]);
export type ActorRole = z.infer<typeof ActorRole>;

/** A person (judge, prosecutor, lawyer…) or a body (court, agency, authority…). */
export const ActorType = z.enum(['person', 'body']);
export type ActorType = z.infer<typeof ActorType>;

/**
 * An actor's key: `n:<normalised spelling>` while matched automatically, `g:<group id>`
 * once merged or split by hand. Opaque to the window; stable until the next merge/split.
 */
export const ActorKey = z.string().min(3).max(400).regex(/^[ng]:/, { error: 'expected an actor key from people.list' });
export type ActorKey = z.infer<typeof ActorKey>;

/**
 * What the actor did, as data the window and the command line put in their own words
 * (a decision's stage and penalty, a measure's type…), never a sentence in one language.
 */
export const AppearanceAct = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('decision'), stage: DecisionStage, penalty: Penalty.optional() }),
  z.strictObject({ kind: z.literal('arrest') }),
  z.strictObject({ kind: z.literal('warrant') }),
  z.strictObject({ kind: z.literal('detention'), status: DetentionStatus }),
  z.strictObject({ kind: z.literal('recognition'), label: z.enum(['political_prisoner', 'prisoner_of_conscience', 'other']) }),
  z.strictObject({ kind: z.literal('lawyer') }),
  z.strictObject({ kind: z.literal('measure'), type: MeasureType, status: MeasureStatus }),
  z.strictObject({ kind: z.literal('appeal') }),
  z.strictObject({ kind: z.literal('event'), type: EventType }),
]);
export type AppearanceAct = z.infer<typeof AppearanceAct>;

/** One thing an actor did in one case, with where it is written. */
export const Appearance = z.strictObject({
  caseId: Id,
  caseTitle: z.string(),
  caseKind: CaseKind,
  role: ActorRole,
  /** The spelling as written in this case. */
  spelling: z.string(),
  act: AppearanceAct,
  /** The case's own words about it, when it has some: a decision's or appeal's outcome, an event's title ('' when none). */
  what: z.string(),
  date: PartialDate.optional(),
  /** Where in the case it is written, as a JSON path (["decisions", 2, "body"]). */
  path: z.array(z.union([z.string(), z.number()])),
  /** From a confidential field or part (the lawyer, a confidential decision or event): never in a public brief. */
  confidential: z.boolean(),
});
export type Appearance = z.infer<typeof Appearance>;

export const ActorSummary = z.strictObject({
  key: ActorKey,
  /** The spelling written most often (ties: the first met). */
  name: z.string(),
  type: ActorType,
  /** Every spelling matched to this actor, most frequent first. */
  spellings: z.array(z.string()),
  roles: z.array(ActorRole),
  caseCount: z.int(),
  appearanceCount: z.int(),
  /** Every appearance is confidential: hidden from lists unless asked. */
  confidentialOnly: z.boolean(),
  /** Merged or split by hand. */
  curated: z.boolean(),
});
export type ActorSummary = z.infer<typeof ActorSummary>;

export const ActorDetail = ActorSummary.extend({ appearances: z.array(Appearance) });
export type ActorDetail = z.infer<typeof ActorDetail>;

export const PeopleQuery = z
  .strictObject({
    /** Matched with the search normaliser against every spelling. */
    text: z.string().max(200).optional(),
    role: ActorRole.optional(),
    type: ActorType.optional(),
    /** Cases seen in at least this many cases (2 = recurring). */
    minCases: z.int().min(1).max(1_000_000).optional(),
    /** Include actors seen only in confidential fields (the lawyer…). */
    includeConfidential: z.boolean().optional(),
    limit: z.int().min(1).max(10_000).optional(),
  })
  .default({});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

export const ActorRef = z.strictObject({ key: ActorKey, includeConfidential: z.boolean().optional() });

/** Merge two or more actors into one; `name` is how it is shown (default: the first's name). */
export const MergeActorsInput = z.strictObject({
  keys: z.array(ActorKey).min(2).max(100),
  name: z.string().trim().min(1).max(300).optional(),
});

/** Take the given spellings out of an actor into an actor of their own. */
export const SplitActorInput = z.strictObject({
  key: ActorKey,
  spellings: z.array(z.string().min(1).max(300)).min(1).max(100),
});

/** The actors after a split: what is left, and the new one. */
export const SplitResult = z.strictObject({ kept: ActorSummary, split: ActorSummary });
