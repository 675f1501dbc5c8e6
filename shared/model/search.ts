import { z } from 'zod';
import { CaseKind, CaseStatus, Priority } from './case';
import { Id } from './scalars';

/**
 * The part of a case a search hit matched, best first. `charges` is the
 * prisoner's articles; `measure` the authority and legal basis of an NGO measure;
 * `details` the short facts around them (region, tags, places, courts, deadlines,
 * advocacy, analysis).
 */
export const SearchField = z.enum([
  'names', 'title', 'charges', 'measure', 'summary', 'events', 'annotations', 'sources', 'details',
]);
export type SearchField = z.infer<typeof SearchField>;

/** A [start, end) range in UTF-16 code units of the snippet. */
const Range = z
  .tuple([z.int().nonnegative(), z.int().nonnegative()])
  .refine(([start, end]) => end > start, { error: 'expected end > start' });

/**
 * Where the quoted match lives in the case, so opening the hit can land on it.
 * `path` names the text as the history does: `summary`, `person.aliases[1]`,
 * `decisions[id=…].court`, `sources[id=…].text`, `annotations[id=…].body`;
 * `start`/`end` are the matched words in that text, in UTF-16 code units.
 */
export const SearchAt = z.strictObject({
  path: z.string().min(1).max(200),
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
});
export type SearchAt = z.infer<typeof SearchAt>;

/** One case that matched: the best field, and a short piece of its original text. */
export const SearchHit = z.strictObject({
  id: Id,
  title: z.string(),
  kind: CaseKind,
  score: z.number(),
  field: SearchField,
  /** ~160 characters of the original (not normalised) text around the match. */
  snippet: z.string(),
  /** The matched words in `snippet`, in order. */
  highlights: z.array(Range),
  /** Present when the snippet quotes an annotation, event or source marked confidential. */
  confidential: z.literal(true).optional(),
  /** Where the quoted words are; absent when the hit was completed without the case (a short field). */
  at: SearchAt.optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchQuery = z.strictObject({
  query: z.string().min(1).max(500),
  limit: z.int().min(1).max(500).default(50),
  kind: CaseKind.optional(),
  status: CaseStatus.optional(),
  priority: Priority.optional(),
  tag: z.string().optional(),
});
export type SearchQuery = z.infer<typeof SearchQuery>;
export type SearchQueryInput = z.input<typeof SearchQuery>;
