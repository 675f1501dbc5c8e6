import { forEachWord, searchTerms } from '../../../shared/text/normalize';

export type Snippet = { snippet: string; highlights: [number, number][] };

export const SNIPPET_LENGTH = 160;
const ELLIPSIS = '…';
// Beyond this many matches in one text the best window is already among them.
const MAX_MATCHES = 200;

type Match = { start: number; end: number; term: string };

/** Words of `text` whose search form is one of `terms`: normalised matches mapped
 *  back onto offsets of the original text. */
function findMatches(text: string, terms: ReadonlySet<string>): Match[] {
  const found: Match[] = [];
  // Each word is folded through the normaliser's memo: the same words recur from hit to
  // hit and query to query, and a lookup costs less than testing a word's possible first
  // letters first, as this did (three-quarters of the words of a long text passed it).
  forEachWord(text, (start, end) => {
    const term = searchTerms(text.slice(start, end)).find((t) => terms.has(t));
    if (term !== undefined) found.push({ start, end, term });
    return found.length < MAX_MATCHES;
  });
  return found;
}

type Window = { from: number; to: number; distinct: number; count: number };

/** The run of matches fitting in one snippet that covers the most distinct terms. */
function bestWindow(matches: Match[]): Window | null {
  let best: Window | null = null;
  for (let i = 0; i < matches.length; i++) {
    const first = matches[i]!;
    const seen = new Set<string>();
    let to = i;
    for (let j = i; j < matches.length && matches[j]!.end - first.start <= SNIPPET_LENGTH; j++) {
      seen.add(matches[j]!.term);
      to = j;
    }
    if (!best || seen.size > best.distinct || (seen.size === best.distinct && to - i + 1 > best.count)) {
      best = { from: i, to, distinct: seen.size, count: to - i + 1 };
    }
  }
  return best;
}

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Cuts ~SNIPPET_LENGTH characters around [a, b), on word boundaries when it can. */
function cut(text: string, a: number, b: number): { start: number; end: number } {
  const room = Math.max(0, SNIPPET_LENGTH - (b - a));
  let start = Math.max(0, a - Math.floor(room / 3));
  let end = Math.min(text.length, start + Math.max(SNIPPET_LENGTH, b - a));
  start = Math.max(0, Math.min(start, end - SNIPPET_LENGTH));
  if (start > 0 && !isSpace(text[start - 1])) {
    const space = text.slice(start, a).search(/\s/);
    if (space >= 0) start += space + 1;
  }
  if (end < text.length && !isSpace(text[end])) {
    const tail = text.slice(b, end);
    const space = Math.max(tail.lastIndexOf(' '), tail.lastIndexOf('\n'));
    if (space >= 0) end = b + space;
  }
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start++;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end--;
  return { start, end };
}

function render(text: string, start: number, end: number, matches: Match[]): Snippet {
  const lead = start > 0 ? ELLIPSIS : '';
  const body = text.slice(start, end).replace(/\s/g, ' '); // one for one: offsets hold
  const trimmed = body.trimEnd();
  const snippet = lead + trimmed + (end < text.length ? ELLIPSIS : '');
  const shift = lead.length - start;
  const highlights = matches
    .filter((m) => m.start >= start && m.end <= start + trimmed.length)
    .map((m): [number, number] => [m.start + shift, m.end + shift]);
  return { snippet, highlights };
}

/**
 * A snippet of the part of a field where `terms` (normalised index terms) match
 * best, with the ranges of the matched words. Null when no word matches (the
 * text changed since it was indexed).
 */
export function makeSnippet(parts: readonly string[], terms: ReadonlySet<string>): Snippet | null {
  return makeSnippetAt(parts, terms)?.snippet ?? null;
}

/** makeSnippet, also saying which of the parts it quotes and where in it the quoted matches run ([start, end)). */
export function makeSnippetAt(parts: readonly string[], terms: ReadonlySet<string>): { snippet: Snippet; part: number; start: number; end: number } | null {
  let best: { part: number; text: string; matches: Match[]; window: Window } | null = null;
  for (const [part, text] of parts.entries()) {
    const matches = findMatches(text, terms);
    const window = bestWindow(matches);
    if (!window) continue;
    if (!best || window.distinct > best.window.distinct || (window.distinct === best.window.distinct && window.count > best.window.count)) {
      best = { part, text, matches, window };
    }
    if (best.window.distinct === terms.size) break; // cannot do better than every term
  }
  if (!best) return null;
  const a = best.matches[best.window.from]!.start;
  const b = best.matches[best.window.to]!.end;
  const { start, end } = cut(best.text, a, b);
  return { snippet: render(best.text, start, end, best.matches), part: best.part, start: a, end: b };
}

/** The opening of a text, for a hit whose match cannot be placed. */
export function openingSnippet(text: string): Snippet {
  if (text.length <= SNIPPET_LENGTH) return { snippet: text.replace(/\s/g, ' '), highlights: [] };
  const { end } = cut(text, 0, 0);
  return render(text, 0, end, []);
}
