import { normalizeToken, tokenize } from '../../../shared/text/normalize';
import type { ActorRole, ActorType } from '../../../shared/people';

// How spellings meet without a hand: through the search normaliser, word by word
// (Тоқаев = Токаев = Tokayev; «Алматы қалалық соты» and «Almaty City Court» do not
// meet: the words differ, and a merge by hand joins them).

const PERSON_ROLES: ReadonlySet<ActorRole> = new Set(['judge', 'prosecutor', 'investigator', 'lawyer']);

export function typeOfRole(role: ActorRole): ActorType {
  return PERSON_ROLES.has(role) ? 'person' : 'body';
}

/**
 * The automatic key of a spelling: its words in search form. A person's words are
 * sorted, so «Иванов А.Б.» and «A.B. Ivanov» meet; a body's keep their order.
 * Empty when the spelling has no letter or digit.
 */
export function spellingKey(spelling: string, type: ActorType): string {
  const words = tokenize(spelling)
    .map((w) => normalizeToken(w))
    .filter((w) => w !== '');
  if (type === 'person') words.sort();
  return words.join(' ');
}

/** A spelling as kept: trimmed, inner runs of spaces made one. */
export function cleanSpelling(raw: string): string {
  return raw.trim().replace(/\s+/gu, ' ');
}

// A court in en/ru/kk, in either script, compared in search form: «суд», «суда», «Сот»,
// «соты», «сотының», "Medeu audandyk soty", "tribunal".
const COURT_WORDS = new Set(['court', 'courts', 'tribunal', 'суд', 'суда', 'суду', 'судом', 'суде', 'сот', 'соты', 'сотының', 'сотында', 'сотқа'].map((w) => normalizeToken(w)));

/** True when a body's name says it is a court (a decision's body is a court or another authority). */
export function isCourtName(name: string): boolean {
  return tokenize(name).some((w) => COURT_WORDS.has(normalizeToken(w)));
}
