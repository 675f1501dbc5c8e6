import type { CaseFile } from '../../../shared/model';
import type { BriefLang } from '../../../shared/model/brief';

// A brief in Russian or Kazakh that names "Kenzhebek Abishev" in Latin letters reads
// as a draft; the case usually holds the name in every script as an alias. The brief
// prints the name in its own script when the case has it, and keeps the name as
// written among the other spellings, so nothing the user recorded is lost.

const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

function fits(name: string, lang: BriefLang): boolean {
  return lang === 'en' ? LATIN.test(name) && !CYRILLIC.test(name) : CYRILLIC.test(name);
}

/** How well a spelling suits the language: Kazakh letters for kk, none for ru (a Russian spelling), any for en. */
function rank(name: string, lang: BriefLang): number {
  if (!fits(name, lang)) return 0;
  if (lang === 'kk') return KAZAKH_LETTERS.test(name) ? 2 : 1;
  if (lang === 'ru') return KAZAKH_LETTERS.test(name) ? 1 : 2;
  return 1;
}

/**
 * The spelling a brief in `lang` prints: the name as written when it suits, else the best
 * alias in the brief's script. A Kazakh brief also prefers a spelling with Kazakh letters
 * to a Russian one («Кенжебек Әбішев», not «Кенжебек Абишев»); a Russian brief keeps a
 * Cyrillic name as written.
 */
export function nameInScript(name: string, aliases: readonly string[], lang: BriefLang): string {
  const own = rank(name, lang);
  if (own > 0 && (lang !== 'kk' || own === 2)) return name;
  let best = name;
  let bestRank = own;
  for (const alias of aliases) {
    const r = rank(alias, lang);
    if (r > bestRank) {
      best = alias;
      bestRank = r;
    }
  }
  return best;
}

/** The summary the advocate gave for this language, else the case's own. */
export function summaryFor(c: CaseFile, lang: BriefLang): string {
  return c.briefing?.summaries?.[lang]?.trim() || c.summary;
}

/** The case as a brief in `lang` names and summarises it (see above); every other field as stored. */
export function caseInLanguage<C extends CaseFile>(c: C, lang: BriefLang): C {
  const summary = summaryFor(c, lang);
  const swap = (name: string, aliases: readonly string[]) => {
    const chosen = nameInScript(name, aliases, lang);
    return chosen === name ? { name, aliases: [...aliases] } : { name: chosen, aliases: [name, ...aliases.filter((a) => a !== chosen)] };
  };
  if (c.kind === 'political_prisoner') return { ...c, summary, person: { ...c.person, ...swap(c.person.name, c.person.aliases) } };
  return { ...c, summary, organization: { ...c.organization, ...swap(c.organization.name, c.organization.aliases) } };
}
