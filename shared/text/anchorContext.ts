// Choosing among repeats of a quote by the words around them. Pure: no node:, no DOM.
//
// When the exact quote occurs more than once, its stored context (up to 32
// characters on each side) is what tells the occurrences apart. Counting only the
// characters that agree outward from the quote is blind past the first difference:
// words share their endings, so a hyphen added or a letter misspelt in the word
// before the quote leaves every occurrence with the same short run (an orphan), or a
// longer one at an occurrence whose context is further off (a wrong anchor). So
// each occurrence is scored as the fuzzy stage scores a candidate: the edits
// (Levenshtein, whitespace folded) from the stored prefix to the text before it,
// plus those from the stored suffix to the text after it, both sides together.
//
//   chosen     the occurrence with the fewest edits, when its context is close
//              enough to be recognised (contextAgrees, the fuzzy stage's rule) and
//              no other occurrence is as close: an exact context wins over any
//              rival one edit off; an approximate one needs a lead of three edits;
//   tied       several occurrences equally close: the old position, when there is
//              one, picks the nearest (identical boilerplate moved together), else
//              orphaned as ambiguous;
//   near-tie   a rival within two edits of an approximate best: orphaned as
//              ambiguous; a position does not settle it (nor in the fuzzy stage);
//   not-close  no occurrence's context is recognisable: the caller tries the
//              fuzzy stage (the passage itself may have changed, its context
//              intact), which must not fall back on these repeats;
//   too-many   more than MAX_SCORED_OCCURRENCES: none is scored (each costs a
//              small edit-distance run), only an occurrence whose stored context
//              stands beside it character for character can be chosen.
//
// Whitespace where the context meets the quote is not counted: every occurrence
// bounded by words has some, and importers differ on which side keeps it.

import { contextMeter } from './anchorApprox';
import { foldedForm, type FoldedText } from './anchorFold';

/** Occurrences of one quote scored by their context; past this many, none is. */
export const MAX_SCORED_OCCURRENCES = 1000;

/**
 * A rival within this many edits of an approximate best is a near tie. Measured on
 * 30,000 generated edits (a word next to the quote replaced, in texts of a few
 * repeating words): with 1, two notes the character-run reading had placed right
 * went to the wrong occurrence; with 2, none did, and wrong anchors fell from 25 to
 * 8 for 18 more orphans.
 */
const REPEAT_MARGIN = 2;

// ---------------------------------------------------------------------------
// Edits against the stored context

/** What a candidate's surroundings say: edits against each side of the stored context. */
export type Surroundings = {
  prefixLen: number;
  prefixErrors: number;
  suffixLen: number;
  suffixErrors: number;
  /** The stored prefix ran to the start of the text, and still does here. */
  prefixAtEdge: boolean;
  /** The stored suffix ran to the end of the text, and still does here. */
  suffixAtEdge: boolean;
};

/**
 * Whether the words around a candidate are recognisably the stored context: most of
 * it overall, or nearly all of one side (an edit right next to the quote wipes out
 * the other side and should not by itself orphan the note). A side cut short by the
 * edge of the text counts as holding when it still leads exactly to that edge.
 */
function contextAgrees(c: Surroundings): boolean {
  const total = c.prefixLen + c.suffixLen;
  if (total > 0 && c.prefixErrors + c.suffixErrors <= total * 0.4) return true;
  const sideHolds = (n: number, e: number, atEdge: boolean) => (n >= 8 && e <= n * 0.2) || (atEdge && e === 0);
  return sideHolds(c.prefixLen, c.prefixErrors, c.prefixAtEdge) || sideHolds(c.suffixLen, c.suffixErrors, c.suffixAtEdge);
}

// ---------------------------------------------------------------------------
// Character for character: the verbatim stage's first reading

/** What the stored context, read outwards from an exact occurrence, says of it. */
export type Agreement = {
  /** Enough of the context stands beside it unchanged to trust it. */
  corroborated: boolean;
  /** All of it does, on both sides. */
  intact: boolean;
};

/**
 * The number of agreeing characters that makes an occurrence trustworthy: a quarter
 * of the stored context, at least 4 (two or three are matched by chance: a space and
 * a letter), and never more than there is.
 */
function corroborating(contextLength: number): number {
  return Math.min(contextLength, Math.max(4, Math.ceil(contextLength / 4)));
}

/** A side of context this long that agrees in full corroborates on its own (it was cut short by the edge of the text). */
const MIN_INTACT_SIDE = 4;

/** How much of the stored context, read outwards from the quote, agrees with the text around [start, end). */
export function agreement(text: string, start: number, end: number, prefix: string, suffix: string): Agreement {
  let p = 0;
  const pl = prefix.length;
  while (p < pl && p < start && prefix.charCodeAt(pl - 1 - p) === text.charCodeAt(start - 1 - p)) p++;
  let s = 0;
  const sl = suffix.length;
  while (s < sl && end + s < text.length && suffix.charCodeAt(s) === text.charCodeAt(end + s)) s++;
  const sideIntact = (pl >= MIN_INTACT_SIDE && p === pl) || (sl >= MIN_INTACT_SIDE && s === sl);
  return { corroborated: p + s >= corroborating(pl + sl) || sideIntact, intact: p === pl && s === sl };
}

// ---------------------------------------------------------------------------
// Approximately, both sides together: repeats of an exact quote

export type RepeatChoice =
  | { kind: 'chosen'; start: number }
  | { kind: 'tied'; count: number; sameContext: boolean }
  | { kind: 'near-tie'; count: number }
  | { kind: 'not-close' }
  | { kind: 'too-many'; count: number };

type Stored = {
  prefix: string;
  suffix: string;
  /** The position's start, when the target has one. */
  hint?: number;
  /** The stored prefix ran to the start of the old text. */
  prefixReachedStart: boolean;
  /** The stored suffix ran to the end of the old text. */
  suffixReachedEnd: boolean;
};

type Meter = (text: string, at: number) => number;

/**
 * One side of the stored context, folded, measured two ways: as stored, and without
 * the whitespace where it touches the quote. Whitespace at the joint is free: where
 * the stored side has it and the text does not, or the reverse, the cheaper reading
 * counts (", Верховный" is one edit from " Верховный", "nutting" two from " nothing").
 */
type Side = { length: number; joint: boolean; whole: Meter; trimmed: Meter };

function side(context: string, direction: 'before' | 'after'): Side {
  const f = foldedForm(context);
  const joint = direction === 'before' ? f.endsWith(' ') : f.startsWith(' ');
  const trimmed = !joint ? f : direction === 'before' ? f.slice(0, -1) : f.slice(1);
  const trimmedMeter = contextMeter(trimmed, direction);
  return { length: trimmed.length, joint, whole: joint ? contextMeter(f, direction) : trimmedMeter, trimmed: trimmedMeter };
}

/** Edits from one side of the stored context to the folded text at `at`, where `past` is `at` moved over a space at the joint (or `at` when there is none). */
function measure(sd: Side, text: string, at: number, past: number): number {
  const textJoint = past !== at;
  if (sd.joint === textJoint) return sd.trimmed(text, past);
  return Math.min(sd.whole(text, at), sd.trimmed(text, past));
}

/** The first folded unit that stands for original offset `i` or for text after it. */
function foldedIndex(folded: FoldedText, i: number): number {
  let lo = 0;
  let hi = folded.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (folded.starts[mid]! < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Edits from the stored context to the folded text around an occurrence at original [start, end). */
function surroundings(folded: FoldedText, start: number, end: number, before: Side, after: Side, s: Stored): Surroundings {
  const text = folded.text;
  const from = foldedIndex(folded, start);
  const fromPast = from > 0 && text.charCodeAt(from - 1) === 0x20 ? from - 1 : from;
  const to = foldedIndex(folded, end);
  const toPast = to < text.length && text.charCodeAt(to) === 0x20 ? to + 1 : to;
  const prefixErrors = measure(before, text, from, fromPast);
  const suffixErrors = measure(after, text, to, toPast);
  return {
    prefixLen: before.length,
    prefixErrors,
    suffixLen: after.length,
    suffixErrors,
    prefixAtEdge: s.prefixReachedStart && prefixErrors === 0 && fromPast === before.length,
    suffixAtEdge: s.suffixReachedEnd && suffixErrors === 0 && toPast + after.length === text.length,
  };
}

function nearestTo<T extends { start: number }>(items: readonly T[], hint: number): T {
  let best = items[0]!;
  for (const item of items) if (Math.abs(item.start - hint) < Math.abs(best.start - hint)) best = item;
  return best;
}

/** Among equally good occurrences: the one nearest the old position, or a tie to report. */
function settle(items: readonly { start: number }[], s: Stored, sameContext: boolean): RepeatChoice {
  if (items.length === 1) return { kind: 'chosen', start: items[0]!.start };
  if (s.hint !== undefined) return { kind: 'chosen', start: nearestTo(items, s.hint).start };
  return { kind: 'tied', count: items.length, sameContext };
}

/**
 * Which of several exact occurrences (of a quote `length` code units long) the
 * stored context points at, in the text whose folded form `foldedText` gives (built
 * once per text, only when needed). See the header for the rule. Work is bounded: at
 * most MAX_SCORED_OCCURRENCES edit-distance scores, each over a few dozen characters
 * read in place; past that, one linear pass over the occurrences already found.
 */
export function chooseAmongRepeats(
  foldedText: () => FoldedText,
  length: number,
  found: readonly number[],
  agreementAt: (start: number) => Agreement,
  stored: Stored,
): RepeatChoice {
  if (found.length > MAX_SCORED_OCCURRENCES) {
    const intact = found.filter((start) => agreementAt(start).intact).map((start) => ({ start }));
    if (intact.length === 0) return { kind: 'too-many', count: found.length };
    return settle(intact, stored, true);
  }
  const before = side(stored.prefix, 'before');
  const after = side(stored.suffix, 'after');
  const folded = foldedText();
  const scored = found.map((start) => {
    const around = surroundings(folded, start, start + length, before, after, stored);
    const { intact, corroborated } = agreementAt(start);
    return { start, intact, cost: around.prefixErrors + around.suffixErrors, close: corroborated || contextAgrees(around) };
  });
  // Fewest edits first; among equals, a context intact to the character (its line
  // breaks too) before one that matches only once whitespace is folded.
  scored.sort((a, b) => a.cost - b.cost || Number(b.intact) - Number(a.intact) || a.start - b.start);
  const best = scored[0]!;
  if (!best.close) return { kind: 'not-close' };
  if (best.cost === 0) {
    const exact = scored.filter((c) => c.cost === 0 && c.intact === best.intact);
    return settle(exact, stored, true);
  }
  const contenders = scored.filter((c) => c.cost <= best.cost + REPEAT_MARGIN);
  if (contenders.every((c) => c.cost === best.cost)) return settle(contenders, stored, false);
  return { kind: 'near-tie', count: contenders.length };
}

// ---------------------------------------------------------------------------
// Fuzzy candidates: places within a few edits of the quote, in folded text

export type FuzzyMatch = { start: number; end: number; errors: number };
export type Candidate = FuzzyMatch & { cost: number; eligible: boolean };

/** A candidate needs a lead of more than this many edits over any rival. */
const FUZZY_MARGIN = 1;

export type FuzzyChoice =
  /** One candidate, or several equal ones for the caller's position to choose among. */
  | { kind: 'chosen'; equals: Candidate[] }
  | { kind: 'no-context' }
  | { kind: 'unconfirmed' }
  | { kind: 'ambiguous'; count: number };

/**
 * Ranks fuzzy candidates by quote errors plus context edits. A candidate is eligible
 * when its context agrees or `trustedAlone` says its match vouches for itself; the
 * best eligible one must lead every rival, ineligible ones included (a near-equal
 * place that merely lacks context still makes the choice a guess), by more than
 * FUZZY_MARGIN, unless the rivals are its exact equals (left to the position). A
 * candidate overlapping a better one is the same passage seen twice, not a rival.
 */
export function chooseFuzzy(
  text: string,
  matches: readonly FuzzyMatch[],
  prefix: string,
  suffix: string,
  edges: { prefixReachedStart: boolean; suffixReachedEnd: boolean },
  trustedAlone: (m: FuzzyMatch) => boolean,
): FuzzyChoice {
  const before = contextMeter(prefix, 'before');
  const after = contextMeter(suffix, 'after');
  const candidates: Candidate[] = matches.map((m) => {
    const pe = before(text, m.start);
    const se = after(text, m.end);
    const agrees = contextAgrees({
      prefixLen: prefix.length,
      prefixErrors: pe,
      suffixLen: suffix.length,
      suffixErrors: se,
      prefixAtEdge: edges.prefixReachedStart && m.start === prefix.length,
      suffixAtEdge: edges.suffixReachedEnd && m.end + suffix.length === text.length,
    });
    return { ...m, cost: m.errors + pe + se, eligible: agrees || trustedAlone(m) };
  });
  candidates.sort((a, b) => a.cost - b.cost || a.start - b.start);
  const firstEligible = candidates.find((c) => c.eligible);
  if (!firstEligible) return { kind: 'no-context' };
  const near: Candidate[] = [];
  for (const c of candidates) {
    if (c.cost > firstEligible.cost + FUZZY_MARGIN) break;
    if (!near.some((d) => c.start < d.end && d.start < c.end)) near.push(c);
  }
  const best = near[0]!;
  if (!best.eligible) return { kind: 'unconfirmed' };
  if (near.every((r) => r.cost === best.cost && r.eligible)) return { kind: 'chosen', equals: near };
  return { kind: 'ambiguous', count: near.length };
}
