// A brute-force reading of what search must return, to check the index against:
// no postings, no vocabulary, just every word of every live case.
import { fieldGroups, SEARCH_FIELDS } from '../../../electron/services/search/fields';
import { parseQuery } from '../../../electron/services/search/query';
import type { CaseFile } from '../../../shared/model';
import type { SearchField } from '../../../shared/model/search';
import { searchTerms, tokenize } from '../../../shared/text/normalize';

/** Edit distance where a swap of two adjacent letters is one edit (optimal string alignment), by the full table. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), d[i - 1]![j]! + 1, d[i]![j - 1]! + 1);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

function termsOf(c: CaseFile, fields: readonly SearchField[] = SEARCH_FIELDS): Set<string> {
  const terms = new Set<string>();
  for (const field of fields) {
    for (const group of fieldGroups(c, field)) for (const text of group) for (const w of tokenize(text)) for (const t of searchTerms(w)) terms.add(t);
  }
  return terms;
}

type Word = ReturnType<typeof parseQuery>[number];

const matches = (terms: Set<string>, w: Word) =>
  w.forms.some((form) => {
    const reach = w.fuzzy === false ? 0 : Math.min(2, Math.round(form.length * w.fuzzy));
    for (const t of terms) {
      if (t === form) return true;
      if (w.prefix && t.startsWith(form)) return true;
      if (reach > 0 && editDistance(t, form) <= reach) return true;
    }
    return false;
  }) || w.swaps.some((form) => terms.has(form));

/** Whether some word of the query matches somewhere in one field of a case. */
export function fieldMatches(c: CaseFile, field: SearchField, query: string): boolean {
  const terms = termsOf(c, [field]);
  return parseQuery(query).some((w) => matches(terms, w));
}

/** Ids of the cases a query must find: all words if any case has them all, else any. */
export function expectedIds(cases: Iterable<CaseFile>, query: string): Set<string> {
  const words = parseQuery(query);
  if (words.length === 0) return new Set();
  const counted = [...cases].map((c) => {
    const terms = termsOf(c);
    return { id: c.id, n: words.filter((w) => matches(terms, w)).length };
  });
  const all = counted.filter((x) => x.n === words.length);
  return new Set((all.length > 0 ? all : counted.filter((x) => x.n > 0)).map((x) => x.id));
}
