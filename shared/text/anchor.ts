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
//             ("2 years" is not found in "12 years"); its context says which
//             occurrence (the position breaks exact ties), and a quote under 16
//             characters must have some of its context with it;
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
import { anchoredDistances, contextDistance, findApproxMatches } from './anchorApprox';
import { foldedForm, foldWhitespace, isFoldableSpace, type FoldedText } from './anchorFold';
import { compareWording, quoteEdges, splitsWord, wordEndAfter, wordStartBefore, type Verdict } from './anchorWords';

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
/** A fuzzy candidate needs a lead of more than this many edits over any rival. */
const FUZZY_MARGIN = 1;

// ---------------------------------------------------------------------------
// Making targets

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when offset i falls between the two halves of a surrogate pair. */
function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHighSurrogate(text.charCodeAt(i - 1)) && isLowSurrogate(text.charCodeAt(i));
}

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
  const verbatim = anchorVerbatim(doc.text, wanted);
  if (verbatim !== 'try-fuzzy') return verbatim;
  return anchorFuzzy(doc, wanted);
}

// --- stages (a) and (b): the quote verbatim ---------------------------------

type Agreement = {
  /** Characters of the stored context that still stand next to the occurrence. */
  score: number;
  /** Enough of the context agrees to trust the occurrence. */
  corroborated: boolean;
};

/**
 * The context score that makes an occurrence trustworthy: a quarter of the stored
 * context, at least 4 characters (two or three are matched by chance: a space and a
 * letter), and never more than there is.
 */
function corroborating(contextLength: number): number {
  return Math.min(contextLength, Math.max(4, Math.ceil(contextLength / 4)));
}

/** A side of context this long that agrees in full corroborates on its own (it was cut short by the edge of the text). */
const MIN_INTACT_SIDE = 4;

/** How much of the stored context, read outwards from the quote, agrees with the text around [start, end). */
function agreement(text: string, start: number, end: number, w: Wanted): Agreement {
  let p = 0;
  const pl = w.prefix.length;
  while (p < pl && p < start && w.prefix.charCodeAt(pl - 1 - p) === text.charCodeAt(start - 1 - p)) p++;
  let s = 0;
  const sl = w.suffix.length;
  while (s < sl && end + s < text.length && w.suffix.charCodeAt(s) === text.charCodeAt(end + s)) s++;
  const sideIntact = (pl >= MIN_INTACT_SIDE && p === pl) || (sl >= MIN_INTACT_SIDE && s === sl);
  return { score: p + s, corroborated: p + s >= corroborating(pl + sl) || sideIntact };
}

function nearest<T extends { start: number }>(items: readonly T[], hint: number): T {
  let best = items[0]!;
  for (const item of items) if (Math.abs(item.start - hint) < Math.abs(best.start - hint)) best = item;
  return best;
}

function times(n: number): string {
  return n === 2 ? 'twice' : `${n} times`;
}

function anchorVerbatim(text: string, w: Wanted): AnchorResult | 'try-fuzzy' {
  const { exact, hint } = w;
  const len = exact.length;
  const contextLength = w.prefix.length + w.suffix.length;
  const methodFor = (start: number): AnchorMethod => (hint && hint.start === start && hint.end === start + len ? 'position' : 'quote');

  // (a) The common case costs no search: the offsets hold the quote and all of its
  // context, so no other occurrence can agree better.
  if (hint && hint.end - hint.start === len && text.startsWith(exact, hint.start)) {
    if (agreement(text, hint.start, hint.end, w).score === contextLength) return anchored(hint.start, hint.end, 'position');
  }

  // (b) Every occurrence, ranked by how much of the context still agrees. The
  // position, when it holds the quote, is one of them and wins ties (methodFor).
  // An occurrence inside a longer word or number is other words ("2 years" in "12
  // years"), unless the quote itself was cut from inside a word. Only context can
  // tell that, so a quote without it (an import) is taken wherever it occurs.
  const edges = quoteEdges(exact, w.prefix, w.suffix);
  const found: ({ start: number } & Agreement)[] = [];
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
    if (w.prefix && edges.start && splitsWord(text, i)) continue;
    if (w.suffix && edges.end && splitsWord(text, i + len)) continue;
    found.push({ start: i, ...agreement(text, i, i + len, w) });
  }
  if (found.length === 0) return 'try-fuzzy';

  const pick = (start: number) => anchored(start, start + len, methodFor(start));

  if (found.length === 1) {
    const only = found[0]!;
    if (contextLength === 0 || len >= SHORT_QUOTE || only.corroborated) return pick(only.start);
    return 'try-fuzzy'; // a short quote whose context changed: let the fuzzy stage weigh it
  }

  let best = 0;
  for (const f of found) best = Math.max(best, f.score); // no spread: a one-letter quote may occur 100 000 times
  const tied = found.filter((f) => f.score === best);
  if (contextLength === 0) {
    if (hint) return pick(nearest(tied, hint.start).start);
    return orphaned(
      `The quoted words occur ${times(found.length)} in the text, and the annotation keeps neither surrounding words nor a position to tell which one it meant.`,
      'ambiguous',
    );
  }
  if (tied.every((f) => f.corroborated)) {
    if (tied.length === 1) return pick(tied[0]!.start);
    if (hint) return pick(nearest(tied, hint.start).start);
    return orphaned(`The quoted words occur ${times(tied.length)} with the same surrounding words, and nothing tells which one the annotation meant.`, 'ambiguous');
  }
  return 'try-fuzzy';
}

// --- stage (c): folded whitespace, small edits, approximate context ---------------

type Candidate = { start: number; end: number; errors: number; cost: number; eligible: boolean };

/** What a fuzzy candidate's surroundings say: edits against each side of the stored context. */
type Surroundings = {
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

function trimToWords(text: string, start: number, end: number, exact: string): [number, number] {
  // Folding maps a space back to a whole whitespace run; keep the run only where the
  // quote itself began or ended with whitespace.
  if (!isFoldableSpace(exact.charCodeAt(0))) while (start < end && isFoldableSpace(text.charCodeAt(start))) start++;
  if (!isFoldableSpace(exact.charCodeAt(exact.length - 1))) while (end > start && isFoldableSpace(text.charCodeAt(end - 1))) end--;
  // An approximate edge can fall inside an emoji. Take the whole emoji when the quote
  // itself begins (ends) with one; otherwise the half was an edit, so leave it out.
  if (splitsPair(text, start)) start += isHighSurrogate(exact.charCodeAt(0)) ? -1 : 1;
  if (splitsPair(text, end)) end += isLowSurrogate(exact.charCodeAt(exact.length - 1)) ? 1 : -1;
  return [start, end];
}

function anchorFuzzy(doc: Doc, w: Wanted): AnchorResult {
  const folded = (doc.folded ??= foldWhitespace(doc.text));
  const quote = foldedForm(w.exact);
  const prefix = foldedForm(w.prefix);
  const suffix = foldedForm(w.suffix);
  if (quote.trim() === '') return orphaned('The quoted text is only whitespace, which cannot be found again once the text has changed.', 'blank-quote');

  const maxErrors = quote.length >= MIN_FUZZY_QUOTE ? Math.floor(quote.length * MAX_QUOTE_ERROR_RATE) : 0;
  const matches = findApproxMatches(folded.text, quote, maxErrors);
  if (matches.length === 0) {
    return orphaned(
      maxErrors > 0
        ? 'The quoted words are no longer in the text, not even with small changes; the passage was probably deleted or rewritten.'
        : 'The quoted words are no longer in the text; the passage was probably deleted or rewritten.',
      'gone',
    );
  }

  const contextLength = prefix.length + suffix.length;
  // Whether the stored context reached the edges of the old text: the position says so
  // for the prefix; a suffix shorter than we store was cut by the end of the text.
  const prefixReachedStart = w.hint !== undefined && w.hint.start === w.prefix.length;
  const suffixReachedEnd = w.hint !== undefined && w.suffix.length < CONTEXT_LENGTH;
  const candidates: Candidate[] = matches.map((m) => {
    const pe = contextDistance(folded.text, m.start, prefix, 'before');
    const se = contextDistance(folded.text, m.end, suffix, 'after');
    const agrees = contextAgrees({
      prefixLen: prefix.length,
      prefixErrors: pe,
      suffixLen: suffix.length,
      suffixErrors: se,
      prefixAtEdge: prefixReachedStart && m.start === prefix.length,
      suffixAtEdge: suffixReachedEnd && m.end + suffix.length === folded.text.length,
    });
    const eligible =
      quote.length >= SELF_EVIDENT_QUOTE ||
      agrees ||
      // Only the whitespace changed: as trustworthy as a verbatim match of the same length.
      (m.errors === 0 && (contextLength === 0 || quote.length >= SHORT_QUOTE));
    return { ...m, cost: m.errors + pe + se, eligible };
  });

  candidates.sort((a, b) => a.cost - b.cost || a.start - b.start);
  const firstEligible = candidates.find((c) => c.eligible);
  if (!firstEligible) {
    return orphaned(
      'Words like the quote are still in the text, but the words around them have changed too much to be sure they are the same passage.',
      'context',
    );
  }
  // Everything about as good as the best trustworthy candidate, ineligible ones included:
  // a near-equal place that merely lacks context still makes the choice a guess. A
  // candidate overlapping a better one is the same passage seen twice, not a rival.
  const near: Candidate[] = [];
  for (const c of candidates) {
    if (c.cost > firstEligible.cost + FUZZY_MARGIN) break;
    if (!near.some((d) => c.start < d.end && d.start < c.end)) near.push(c);
  }
  const best = near[0]!;
  if (!best.eligible) {
    return orphaned('Words like the quote were found, but in a place whose surroundings do not confirm it is the same passage.', 'context');
  }
  const rivals = near.slice(1);

  const toOriginal = (c: Candidate): [number, number] =>
    trimToWords(doc.text, folded.starts[c.start]!, folded.ends[c.end - 1]!, w.exact);

  let chosen = best;
  if (rivals.length > 0) {
    const equal = rivals.every((r) => r.cost === best.cost && r.eligible);
    if (!equal || !w.hint) {
      return orphaned(
        `The quoted words were found in ${rivals.length + 1} places that match about equally well, and nothing tells which one the annotation meant.`,
        'ambiguous',
      );
    }
    const hint = w.hint.start;
    const placed = [best, ...rivals].map((c) => ({ c, start: toOriginal(c)[0] }));
    chosen = nearest(placed, hint).c;
  }
  const [start, end] = toOriginal(chosen);
  const judged = end > start ? judgeWords(doc.text, start, end, w, quote, maxErrors) : undefined;
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

const RANK: Record<Verdict['kind'], number> = { same: 0, changed: 1, numbers: 2, words: 3 };

/**
 * Snaps a fuzzy candidate to whole words and judges its wording. An edge that falls
 * inside a word (where the quote's did not) may go outward, taking the whole word, or
 * inward, leaving the fragment out; whichever reads closer to the quote wins, outward
 * on a tie. A snapped span must still be within the quote's edit budget: taking a
 * whole word must not let in more change than the match itself was allowed.
 * Undefined when no snapped span is left.
 */
function judgeWords(
  text: string,
  start: number,
  end: number,
  w: Wanted,
  foldedQuote: string,
  maxErrors: number,
): { start: number; end: number; verdict: Verdict } | undefined {
  const edges = quoteEdges(w.exact, w.prefix, w.suffix);
  const skipSpaceForward = (i: number) => {
    while (i < text.length && isFoldableSpace(text.charCodeAt(i))) i++;
    return i;
  };
  const skipSpaceBack = (i: number) => {
    while (i > 0 && isFoldableSpace(text.charCodeAt(i - 1))) i--;
    return i;
  };
  const starts = edges.start && splitsWord(text, start) ? [wordStartBefore(text, start), skipSpaceForward(wordEndAfter(text, start))] : [start];
  const ends = edges.end && splitsWord(text, end) ? [wordEndAfter(text, end), skipSpaceBack(wordStartBefore(text, end))] : [end];
  let best: { start: number; end: number; verdict: Verdict } | undefined;
  const score = (v: Verdict) => RANK[v.kind] * 1e6 + (v.kind === 'changed' ? v.edits : 0);
  for (const s of starts) {
    for (const e of ends) {
      if (e <= s) continue;
      const span = text.slice(s, e);
      // The match itself is within the budget; only a snapped span needs measuring again.
      const folded = s === start && e === end ? '' : foldedForm(span);
      const withinBudget = folded === '' || anchoredDistances(folded, foldedQuote, 0, folded.length)[folded.length]! <= maxErrors;
      // Over the budget it is not a typo-level match, though a changed number is still the better reason to give.
      const wording = compareWording(w.exact, span);
      const verdict: Verdict = withinBudget || wording.kind === 'numbers' ? wording : { kind: 'words' };
      if (!best || score(verdict) < score(best.verdict)) best = { start: s, end: e, verdict };
    }
  }
  return best;
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
  return makeTarget(text, result.start, result.end);
}
