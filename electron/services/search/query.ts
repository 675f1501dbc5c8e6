import { normalizePrefix, searchTerms, tokenize } from '../../../shared/text/normalize';

/** One word of a query: the normalised forms it may take in the index (any one
 *  matches), and how loosely to match them. */
export type QueryTerm = { forms: string[]; prefix: boolean; fuzzy: number | false };

// A 500-character query is a pasted paragraph, not a search; past this many words
// each one adds cost and almost no precision.
const MAX_TERMS = 24;
const FUZZY = 0.2;
const MIN_FUZZY_LENGTH = 4;
const MIN_PREFIX_LENGTH = 2;

const isNumber = (term: string) => /^\p{N}+$/u.test(term);
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
    terms.push({
      forms,
      prefix: main.length >= MIN_PREFIX_LENGTH && !numeric,
      fuzzy: main.length >= MIN_FUZZY_LENGTH && !hasDigit(main) ? FUZZY : false,
    });
  });
  return terms;
}
