import type { ActorSummary, Appearance } from '../../../shared/people';
import type { SearchField } from '../../../shared/model/search';
import { comparePartialDates } from '../../../shared/text/partialDate';

// What the People and bodies view shows, in what order, worked out apart from React so
// it can be tested: the list's order, a page's cases grouped with what the actor did in
// each, and how an appearance's place in a case becomes a landing for the case view.

type Compare = (a: string, b: string) => number;

/** Most cases first (the recurring ones are what the view is for), then by name in the user's language. */
export function sortActors(list: readonly ActorSummary[], compare: Compare): ActorSummary[] {
  return [...list].sort((a, b) => b.caseCount - a.caseCount || compare(a.name, b.name) || compare(a.key, b.key));
}

/** The most rows the list draws: the core is asked for one more, to know whether there are others. */
export const SHOWN_MAX = 500;

/** What the list shows of an answer asked with `limit: max + 1`: at most `max` rows, sorted, and whether more were left out. */
export function shownActors(answer: readonly ActorSummary[], compare: Compare, max = SHOWN_MAX): { rows: ActorSummary[]; more: boolean } {
  return { rows: sortActors(answer.slice(0, max), compare), more: answer.length > max };
}

/** The spellings other than the one shown as the name, in the core's order (most frequent first). */
export function otherSpellings(actor: Pick<ActorSummary, 'name' | 'spellings'>): string[] {
  return actor.spellings.filter((s) => s !== actor.name);
}

export type CaseGroup = {
  caseId: string;
  caseTitle: string;
  caseKind: Appearance['caseKind'];
  /** What the actor did in this case, oldest first; undated after the dated, in the core's order. */
  appearances: Appearance[];
  /** Every appearance in this case is confidential. */
  confidentialOnly: boolean;
};

function byDate(a: Appearance, b: Appearance): number {
  if (a.date && b.date) return comparePartialDates(a.date, b.date);
  return a.date ? -1 : b.date ? 1 : 0;
}

/**
 * A page's cases: one group per case, oldest appearance first; cases ordered by their
 * earliest dated appearance, undated cases last, then by title. The sort is stable, so
 * dates that cannot be compared (2021-02 beside 2021-02-01) keep the core's order.
 */
export function groupByCase(appearances: readonly Appearance[], compare: Compare): CaseGroup[] {
  const groups = new Map<string, CaseGroup>();
  for (const a of appearances) {
    let g = groups.get(a.caseId);
    if (!g) {
      g = { caseId: a.caseId, caseTitle: a.caseTitle, caseKind: a.caseKind, appearances: [], confidentialOnly: true };
      groups.set(a.caseId, g);
    }
    g.appearances.push(a);
    if (!a.confidential) g.confidentialOnly = false;
  }
  const out = [...groups.values()];
  for (const g of out) g.appearances.sort(byDate);
  return out.sort((x, y) => byDate(x.appearances[0]!, y.appearances[0]!) || compare(x.caseTitle, y.caseTitle));
}

/** The roles an actor had across a page's appearances, each once, in the enum's order. */
export function rolesOf(appearances: readonly Appearance[], order: readonly Appearance['role'][]): Appearance['role'][] {
  const seen = new Set(appearances.map((a) => a.role));
  return order.filter((r) => seen.has(r));
}

/** Whether these spellings can be split off: at least one chosen, and at least one left behind. */
export function canSplit(spellings: readonly string[], chosen: ReadonlySet<string>): boolean {
  const picked = spellings.filter((s) => chosen.has(s)).length;
  return picked > 0 && picked < spellings.length;
}

/** The names a merge may show: each selected actor's name, then their other spellings, each once. */
export function mergeNameChoices(actors: readonly Pick<ActorSummary, 'name' | 'spellings'>[]): string[] {
  const out: string[] = [];
  for (const a of actors) if (!out.includes(a.name)) out.push(a.name);
  for (const a of actors) for (const s of a.spellings) if (!out.includes(s)) out.push(s);
  return out;
}

/** A JSON path (["decisions", 2, "body"]) in the form the case view's landing reads (`decisions[2].body`). */
export function landingPathOf(path: readonly (string | number)[]): string | null {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') {
      if (!out || !Number.isInteger(step) || step < 0) return null;
      out += `[${step}]`;
    } else {
      if (!/^[A-Za-z]+$/.test(step)) return null;
      out += out ? `.${step}` : step;
    }
  }
  return out || null;
}

/** The search field a path belongs to: where the case view looks when the exact place is gone. */
export function searchFieldOf(path: readonly (string | number)[]): SearchField {
  switch (path[0]) {
    case 'measure':
    case 'appeal':
    case 'impact':
      return 'measure';
    case 'events':
      return 'events';
    case 'charges':
      return 'charges';
    case 'summary':
      return 'summary';
    case 'title':
      return 'title';
    default:
      return 'details';
  }
}

/**
 * Where a spelling is written in a field's text, as [start, end) in UTF-16 code units:
 * as written, else ignoring case; the whole field when the text no longer holds it
 * (edited since the index was read), null when there is no text to land in.
 */
export function spellingRange(text: unknown, spelling: string): { start: number; end: number } | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  if (spelling) {
    const exact = text.indexOf(spelling);
    if (exact !== -1) return { start: exact, end: exact + spelling.length };
    // Lower-casing keeps the length of Cyrillic and Latin letters; where it does not, the offsets would not hold.
    const lower = text.toLocaleLowerCase();
    const at = lower.length === text.length ? lower.indexOf(spelling.toLocaleLowerCase()) : -1;
    if (at !== -1) return { start: at, end: at + spelling.length };
  }
  return { start: 0, end: text.length };
}
