import { normalizePrefix, normalizeText } from '../../../shared/text/normalize';

// The instant filter uses the app's search normaliser (shared/text/normalize.ts), so
// "Tokayev", "Тоқаев" and "Toqaev" meet, as they do in the search index.

/** The search form of a row's text (its title and every name). */
export const searchFold: (text: string) => string = normalizeText;

/**
 * The filter text as a test on a row's folded text: every word must occur in it. The
 * last word may still be being typed, so its prefix form counts too ("Tokay" → "toka").
 */
export function compileQuery(query: string): (haystack: string) => boolean {
  const words = normalizeText(query).split(' ').filter(Boolean);
  if (words.length === 0) return () => true;
  const groups = words.map((w) => [w]);
  const rawWords = query.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
  const last = rawWords.at(-1);
  if (last !== undefined && /[\p{L}\p{M}\p{N}]$/u.test(query)) {
    const prefix = normalizePrefix(last);
    if (prefix && !groups.at(-1)!.includes(prefix)) groups.at(-1)!.push(prefix);
  }
  return (haystack) => groups.every((forms) => forms.some((f) => haystack.includes(f)));
}
