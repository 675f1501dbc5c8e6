import { normalizePrefix, searchTerms, tokenize } from '../../../shared/text/normalize';

/** One word of a query: the normalised forms it may take in the index (any one
 *  matches), how loosely to match them, and `swaps`: the forms of the word as
 *  typed with two adjacent letters swapped back, each one edit away. */
export type QueryTerm = { forms: string[]; prefix: boolean; fuzzy: number | false; swaps: string[] };

// A 500-character query is a pasted paragraph, not a search; past this many words
// each one adds cost and almost no precision.
const MAX_TERMS = 24;
const FUZZY = 0.2;
const MIN_FUZZY_LENGTH = 4;
const MIN_PREFIX_LENGTH = 2;

// Past this length a word is pasted, not typed: no swap forms.
const MAX_SWAP_LENGTH = 24;

const isNumber = (term: string) => /^\p{N}+$/u.test(term);

/**
 * A swap of two letters is one slip at the keyboard, but the spelling folds can
 * make it two edits of the normal form ("Tokayve": the y now stands before a
 * consonant and folds to i, so "tokaive" is two edits from "tokaev"). So the
 * swaps are undone on the word as typed, before folding; each result is matched
 * exactly, as one edit.
 */
function swapForms(word: string, forms: readonly string[]): string[] {
  const letters = [...word];
  if (letters.length > MAX_SWAP_LENGTH) return [];
  const out = new Set<string>();
  for (let i = 0; i + 1 < letters.length; i++) {
    if (letters[i] === letters[i + 1]) continue;
    const swapped = [...letters];
    [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
    const form = searchTerms(swapped.join(''))[0];
    if (form !== undefined && !forms.includes(form)) out.add(form);
  }
  return [...out];
}
const hasDigit = (term: string) => /\p{N}/u.test(term);

/**
 * Splits a query into terms. Numbers match exactly: article 174 is neither 175 nor
 * 1740, and no word with a digit in it ("SIZO-1", a registration number) gets a
 * typo allowance. Short words skip fuzzy matching: at three letters one edit
 * reaches half the vocabulary. The last word also matches as it reads mid-typing.
 */
export function parseQuery(query: string): QueryTerm[] {
  const words = tokenize(query);
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  words.forEach((word, i) => {
    const forms = [...searchTerms(word)];
    const main = forms[0];
    if (main === undefined || seen.has(main) || terms.length >= MAX_TERMS) return;
    seen.add(main);
    const last = i === words.length - 1;
    if (last) {
      const typing = normalizePrefix(word);
      if (typing && !forms.includes(typing)) forms.push(typing);
    }
    const numeric = isNumber(main);
    const fuzzy = main.length >= MIN_FUZZY_LENGTH && !hasDigit(main) ? FUZZY : false;
    terms.push({
      forms,
      prefix: main.length >= MIN_PREFIX_LENGTH && !numeric,
      fuzzy,
      swaps: fuzzy === false ? [] : swapForms(word, forms),
    });
  });
  return terms;
}
