// Anchoring annotations to source text. Pure: no node:, no DOM; the main process
// and the renderer both use it.
//
// A target (W3C TextQuoteSelector + TextPositionSelector) records the quoted words,
// up to 32 characters of context on each side, and the offsets where they were. The
// quote is the truth and the position a hint. When the text has changed we look for
// the words again, in three stages of falling certainty:
//
//   position  the offsets still hold exactly the quote, and no other occurrence of
//             the quote has better context;
//   quote     the quote occurs verbatim, not as part of a longer word or number
//             ("2 years" is not found in "12 years"). Found once, a quote under 16
//             characters must have some of its context with it; found more than
//             once, the context read approximately on both sides together chooses
//             (anchorContext.ts), an equal tie goes to the position or is an orphan;
//   fuzzy     whitespace folded and a few edits (≤ 15 %) allowed in the quote; the
//             context, matched approximately, ranks the candidates and must agree
//             when the quote is under 40 characters; a near tie is an orphan.
//
// A fuzzy candidate is then snapped to whole words (a quote that began at a word
// boundary never comes back starting mid-word, as "quitted" in "acquitted") and
// judged word by word (anchorWords.ts):
//
//   anchored  it differs from the quote only in whitespace: the same words;
//   changed   it differs by typo-level edits only (a changed word within one edit,
//             two from ten letters; punctuation): probably the same passage, but its
//             words are not the ones the lawyer annotated, so the user must review
//             it. The stored quote is never rewritten to the new words for it;
//   orphaned  a number was added, removed or changed (a date, a term, an article, an
//             amount), or a word was replaced, added or removed: not the same facts.
//
// Every stage refuses rather than guesses: when the evidence does not single out
// one place the annotation is orphaned with a reason the user can read. A false
// orphan costs the user a re-selection; a wrong anchor silently attaches a lawyer's
// note to words it was never about.

import type { AnnotationTarget } from '../model/parts';
import { findApproxMatches } from './anchorApprox';
import { agreement, chooseAmongRepeats, chooseFuzzy, MAX_SCORED_OCCURRENCES, type FuzzyMatch } from './anchorContext';
import { foldedForm, foldWhitespace, isFoldableSpace, type FoldedText } from './anchorFold';
import { quoteEdges, snapAndJudge, splitsPair, splitsWord } from './anchorWords';

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

/** Why an annotation could not be anchored, for a caller that words it in its own language. */
export const ORPHAN_CAUSES = ['no-quote', 'blank-quote', 'ambiguous', 'gone', 'context', 'numbers', 'words', 'imprecise'] as const;
export type OrphanCause = (typeof ORPHAN_CAUSES)[number];

export type AnchorResult =
  | { status: 'anchored'; start: number; end: number; method: AnchorMethod }
  /** Found by the fuzzy stage with typo-level changes to its words: the user must review it. */
  | { status: 'changed'; start: number; end: number }
  | { status: 'orphaned'; reason: string; cause: OrphanCause; /** When the numbers changed: those of the quote, and those found. */ numbers?: NumbersChanged };

export type NumbersChanged = { was: string[]; now: string[] };

/** Characters of context stored on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/** Below this many code units a quote found once is not trusted without its context. */
const SHORT_QUOTE = 16;
/** From this many code units an approximate match of the quote is evidence on its own. */
const SELF_EVIDENT_QUOTE = 40;
/** Quotes shorter than this are matched exactly (after whitespace folding) or not at all. */
const MIN_FUZZY_QUOTE = 8;
/** Edits allowed inside the quote, as a share of its (folded) length. */
const MAX_QUOTE_ERROR_RATE = 0.15;

// ---------------------------------------------------------------------------
// Making targets

/**
 * A target for text[start, end). An offset that falls inside a surrogate pair is
 * widened to take the whole character; the context is cut short rather than split
 * one, so prefix and suffix are always well-formed strings.
 */
export function makeTarget(text: string, start: number, end: number): AnnotationTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`makeTarget: expected 0 ≤ start < end ≤ ${text.length}, got ${start}..${end}`);
  }
  if (splitsPair(text, start)) start--;
  if (splitsPair(text, end)) end++;
  let prefixFrom = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsPair(text, prefixFrom)) prefixFrom++;
  let suffixTo = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsPair(text, suffixTo)) suffixTo--;
  const prefix = text.slice(prefixFrom, start);
  const suffix = text.slice(end, suffixTo);
  return {
    quote: {
      exact: text.slice(start, end),
      ...(prefix ? { prefix } : {}),
      ...(suffix ? { suffix } : {}),
    },
    position: { start, end },
  };
}

// ---------------------------------------------------------------------------
// Anchoring

/** A text prepared once for many anchors (the folded form is built on first need). */
type Doc = { text: string; folded?: FoldedText };

type Wanted = {
  exact: string;
  prefix: string;
  suffix: string;
  /** The old position, when it is a usable pair of offsets. */
  hint?: { start: number; end: number };
};

const anchored = (start: number, end: number, method: AnchorMethod): AnchorResult => ({ status: 'anchored', start, end, method });
const orphaned = (reason: string, cause: OrphanCause, numbers?: NumbersChanged): AnchorResult => ({
  status: 'orphaned',
  reason,
  cause,
  ...(numbers ? { numbers } : {}),
});

/** Re-finds the target's words in text, or says why they cannot be found with confidence. */
export function anchor(text: string, target: AnnotationTarget): AnchorResult {
  return anchorIn({ text }, target);
}

function anchorIn(doc: Doc, target: AnnotationTarget): AnchorResult {
  const exact = target.quote.exact;
  if (!exact) return orphaned('The annotation has no quoted words to look for.', 'no-quote');
  const pos = target.position;
  const wanted: Wanted = {
    exact,
    prefix: target.quote.prefix ?? '',
    suffix: target.quote.suffix ?? '',
    ...(pos && pos.start <= pos.end ? { hint: pos } : {}),
  };
  const verbatim = anchorVerbatim(doc, wanted);
  if (verbatim === 'try-fuzzy') return anchorFuzzy(doc, wanted, false);
  if (verbatim === 'try-fuzzy-repeated') return anchorFuzzy(doc, wanted, true);
  return verbatim;
}

// --- stages (a) and (b): the quote verbatim ---------------------------------

function nearest<T extends { start: number }>(items: readonly T[], hint: number): T {
  let best = items[0]!;
  for (const item of items) if (Math.abs(item.start - hint) < Math.abs(best.start - hint)) best = item;
  return best;
}

function nearestOffset(offsets: readonly number[], hint: number): number {
  let best = offsets[0]!;
  for (const o of offsets) if (Math.abs(o - hint) < Math.abs(best - hint)) best = o;
  return best;
}

function times(n: number): string {
  return n === 2 ? 'twice' : `${n} times`;
}

/**
 * The quote found verbatim, or which fuzzy search to try: 'try-fuzzy-repeated' when
 * it occurs more than once and no occurrence's context is close enough, so the fuzzy
 * stage must not fall back on those occurrences for their length alone.
 */
function anchorVerbatim(doc: Doc, w: Wanted): AnchorResult | 'try-fuzzy' | 'try-fuzzy-repeated' {
  const { text } = doc;
  const { exact, hint } = w;
  const len = exact.length;
  const contextLength = w.prefix.length + w.suffix.length;
  const methodFor = (start: number): AnchorMethod => (hint && hint.start === start && hint.end === start + len ? 'position' : 'quote');

  // (a) The common case costs no search: the offsets hold the quote and all of its
  // context, so no other occurrence can agree better.
  if (hint && hint.end - hint.start === len && text.startsWith(exact, hint.start)) {
    if (agreement(text, hint.start, hint.end, w.prefix, w.suffix).intact) return anchored(hint.start, hint.end, 'position');
  }

  // (b) Every occurrence. One alone is trusted by how much of its context still
  // agrees character for character; among several, the context read approximately
  // on both sides chooses (anchorContext.ts), and the position only settles ties.
  // An occurrence inside a longer word or number is other words ("2 years" in "12
  // years"), unless the quote itself was cut from inside a word. Only context can
  // tell that, so a quote without it (an import) is taken wherever it occurs.
  const edges = quoteEdges(exact, w.prefix, w.suffix);
  // Offsets only: a one-letter quote may occur a million times.
  const found: number[] = [];
  // A quote with context on one side only sat at the text's start or end: that side was a
  // boundary too, so an occurrence running into a longer word there is other words.
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
    if (contextLength > 0 && edges.start && splitsWord(text, i)) continue;
    if (contextLength > 0 && edges.end && splitsWord(text, i + len)) continue;
    found.push(i);
  }
  if (found.length === 0) return 'try-fuzzy';

  const pick = (start: number) => anchored(start, start + len, methodFor(start));

  if (found.length === 1) {
    const only = found[0]!;
    if (contextLength === 0 || len >= SHORT_QUOTE || agreement(text, only, only + len, w.prefix, w.suffix).corroborated) return pick(only);
    return 'try-fuzzy'; // a short quote whose context changed: let the fuzzy stage weigh it
  }

  if (contextLength === 0) {
    if (hint) return pick(nearestOffset(found, hint.start));
    return orphaned(
      `The quoted words occur ${times(found.length)} in the text, and the annotation keeps neither surrounding words nor a position to tell which one it meant.`,
      'ambiguous',
    );
  }
  const choice = chooseAmongRepeats(() => (doc.folded ??= foldWhitespace(text)), len, found, (i) => agreement(text, i, i + len, w.prefix, w.suffix), {
    prefix: w.prefix,
    suffix: w.suffix,
    ...(hint ? { hint: hint.start } : {}),
    prefixReachedStart: hint !== undefined && hint.start === w.prefix.length,
    suffixReachedEnd: hint !== undefined && w.suffix.length < CONTEXT_LENGTH,
  });
  switch (choice.kind) {
    case 'chosen':
      return pick(choice.start);
    case 'not-close':
      return 'try-fuzzy-repeated';
    case 'tied':
      return orphaned(
        choice.sameContext
          ? `The quoted words occur ${times(choice.count)} with the same surrounding words, and nothing tells which one the annotation meant.`
          : `The quoted words occur ${times(choice.count)} with surrounding words that differ from the annotation's equally, and nothing tells which one it meant.`,
        'ambiguous',
      );
    case 'near-tie':
      return orphaned(
        `The quoted words occur ${times(found.length)}, and the words around ${choice.count} of them match the annotation's about equally well; nothing tells which one it meant.`,
        'ambiguous',
      );
    case 'too-many':
      return orphaned(
        `The quoted words occur ${times(choice.count)}, more than the ${MAX_SCORED_OCCURRENCES.toLocaleString('en')} that are compared by their surroundings, and none has exactly the surrounding words the annotation kept; select the passage again to re-attach the note.`,
        'ambiguous',
      );
  }
}

// --- stage (c): folded whitespace, small edits, approximate context ---------------

function trimToWords(text: string, start: number, end: number, exact: string): [number, number] {
  // Folding maps a space back to a whole whitespace run; keep the run only where the
  // quote itself began or ended with whitespace.
  if (!isFoldableSpace(exact.charCodeAt(0))) while (start < end && isFoldableSpace(text.charCodeAt(start))) start++;
  if (!isFoldableSpace(exact.charCodeAt(exact.length - 1))) while (end > start && isFoldableSpace(text.charCodeAt(end - 1))) end--;
  // An edge inside an emoji is left for snapAndJudge, which weighs both whole-character readings.
  return [start, end];
}

/**
 * `repeated`: the quote occurs verbatim more than once and none of those occurrences
 * has context close enough; one of them may not be taken for its length alone.
 */
function anchorFuzzy(doc: Doc, w: Wanted, repeated: boolean): AnchorResult {
  const folded = (doc.folded ??= foldWhitespace(doc.text));
  const quote = foldedForm(w.exact);
  const prefix = foldedForm(w.prefix);
  const suffix = foldedForm(w.suffix);
  if (quote.trim() === '') return orphaned('The quoted text is only whitespace, which cannot be found again once the text has changed.', 'blank-quote');

  const maxErrors = quote.length >= MIN_FUZZY_QUOTE ? Math.floor(quote.length * MAX_QUOTE_ERROR_RATE) : 0;
  const matches = findApproxMatches(folded.text, quote, maxErrors, MAX_SCORED_OCCURRENCES);
  if (matches.length === 0) {
    return orphaned(
      maxErrors > 0
        ? 'The quoted words are no longer in the text, not even with small changes; the passage was probably deleted or rewritten.'
        : 'The quoted words are no longer in the text; the passage was probably deleted or rewritten.',
      'gone',
    );
  }

  if (matches.length > MAX_SCORED_OCCURRENCES) {
    // Scoring every candidate's context, and keeping the near-equal ones apart, would
    // grow with the square of their number; this many are a pattern, not a passage.
    return orphaned(
      `Words like the quote were found in more than ${MAX_SCORED_OCCURRENCES.toLocaleString('en')} places, too many to compare by their surroundings; select the passage again to re-attach the note.`,
      'ambiguous',
    );
  }

  const contextLength = prefix.length + suffix.length;
  const choice = chooseFuzzy(
    folded.text,
    matches,
    prefix,
    suffix,
    // Whether the stored context reached the edges of the old text: the position says so
    // for the prefix; a suffix shorter than we store was cut by the end of the text.
    { prefixReachedStart: w.hint !== undefined && w.hint.start === w.prefix.length, suffixReachedEnd: w.hint !== undefined && w.suffix.length < CONTEXT_LENGTH },
    (m) => {
      // A repeat of a quote found verbatim is a choice among equals: only its context may vouch for it.
      if (repeated && m.errors === 0) return false;
      // Only the whitespace changed: as trustworthy as a verbatim match of the same length.
      return quote.length >= SELF_EVIDENT_QUOTE || (m.errors === 0 && (contextLength === 0 || quote.length >= SHORT_QUOTE));
    },
  );
  if (choice.kind === 'no-context') {
    return orphaned(
      'Words like the quote are still in the text, but the words around them have changed too much to be sure they are the same passage.',
      'context',
    );
  }
  if (choice.kind === 'unconfirmed') {
    return orphaned('Words like the quote were found, but in a place whose surroundings do not confirm it is the same passage.', 'context');
  }
  if (choice.kind === 'ambiguous' || (choice.equals.length > 1 && !w.hint)) {
    const count = choice.kind === 'ambiguous' ? choice.count : choice.equals.length;
    return orphaned(
      `The quoted words were found in ${count} places that match about equally well, and nothing tells which one the annotation meant.`,
      'ambiguous',
    );
  }
  const toOriginal = (c: FuzzyMatch): [number, number] =>
    trimToWords(doc.text, folded.starts[c.start]!, folded.ends[c.end - 1]!, w.exact);
  const hint = w.hint?.start ?? 0;
  const chosen = nearest(choice.equals.map((c) => ({ c, start: toOriginal(c)[0] })), hint).c;
  const [start, end] = toOriginal(chosen);
  const judged = end > start ? snapAndJudge(doc.text, start, end, w, quote, maxErrors) : undefined;
  if (!judged) return orphaned('The quoted words could not be located precisely in the changed text.', 'imprecise');
  const { verdict } = judged;
  switch (verdict.kind) {
    case 'same':
      return anchored(judged.start, judged.end, 'fuzzy');
    case 'changed':
      return { status: 'changed', start: judged.start, end: judged.end };
    case 'numbers':
      return orphaned(
        `The passage seems to be still there, but its numbers changed (${listOr(verdict.was)} → ${listOr(verdict.now)}); a note on a date, a term, an article or an amount is not moved onto different ones.`,
        'numbers',
        { was: verdict.was, now: verdict.now },
      );
    case 'words':
      return orphaned(
        'Words like the quote are still in the text, but some of its words were replaced, added or removed, not just corrected; the note is not moved onto different words.',
        'words',
      );
  }
}

function listOr(numbers: readonly string[]): string {
  return numbers.length === 0 ? 'none' : numbers.join(', ');
}

// ---------------------------------------------------------------------------
// Many annotations, and refreshing a target after a move

export type ReanchorEntry = {
  id: string;
  result: AnchorResult;
  /** The target as updateTarget stores it. */
  target: AnnotationTarget;
};

/**
 * Anchors every annotation that has a target (notes on the whole case or source have
 * none and are skipped), folding the text once for all of them.
 */
export function reanchorAll(
  text: string,
  annotations: readonly { id: string; target?: AnnotationTarget | undefined }[],
): ReanchorEntry[] {
  const doc: Doc = { text };
  const out: ReanchorEntry[] = [];
  for (const a of annotations) {
    if (!a.target) continue;
    const result = anchorIn(doc, a.target);
    out.push({ id: a.id, result, target: updateTarget(text, a.target, result) });
  }
  return out;
}

/**
 * The target as it should be stored after anchoring. An anchored one is taken afresh
 * from where the words are now: exact, context and position (its words are the same,
 * up to whitespace). A changed one keeps the words the user annotated and their
 * context, and only its position follows the passage; so it stays changed until the
 * user accepts the new wording. An orphaned target is returned as it was, so the words
 * the user once marked are never lost.
 */
export function updateTarget(text: string, target: AnnotationTarget, result: AnchorResult): AnnotationTarget {
  if (result.status === 'orphaned') return target;
  if (result.status === 'changed') {
    const p = target.position;
    return p && p.start === result.start && p.end === result.end ? target : { ...target, position: { start: result.start, end: result.end } };
  }
  // The page and the region locate the words in the original file, which re-anchoring in the text does not move.
  const fresh = makeTarget(text, result.start, result.end);
  return { ...fresh, ...(target.page !== undefined ? { page: target.page } : {}), ...(target.region !== undefined ? { region: target.region } : {}) };
}
