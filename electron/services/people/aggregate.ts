import type { ActorDetail, ActorRole, ActorSummary, ActorType, Appearance } from '../../../shared/people';
import type { PeopleFile } from './curation';
import { cleanSpelling, spellingKey, typeOfRole } from './matching';

// Appearances joined into actors: each spelling goes to the group that names it exactly,
// else to the group that holds its normalised form, else to the actor of its normalised
// form (`n:<form>`). Pure.

export type Actor = {
  key: string;
  groupName?: string;
  curated: boolean;
  appearances: Appearance[];
};

/** Where a spelling belongs under the corrections in force. */
export type Resolver = (spelling: string, role: ActorRole) => string;

function resolverFor(curation: PeopleFile): Resolver {
  const exact = new Map<string, string>();
  const byKey = new Map<string, string>();
  // The first group to claim a spelling or a form keeps it (a conflict copy's groups come after the file's).
  for (const g of curation.groups) {
    for (const s of g.spellings) if (!exact.has(s)) exact.set(s, `g:${g.id}`);
    for (const k of g.keys) if (!byKey.has(k)) byKey.set(k, `g:${g.id}`);
  }
  const memo = new Map<string, string>();
  return (spelling, role) => {
    const type = typeOfRole(role);
    const id = `${type}\u0000${spelling}`;
    const known = memo.get(id);
    if (known !== undefined) return known;
    const form = spellingKey(spelling, type);
    const key = exact.get(spelling) ?? byKey.get(form) ?? `n:${form}`;
    memo.set(id, key);
    return key;
  };
}

/**
 * The actor key of a body named in a field (an NGO measure's authority), under the corrections:
 * two names are the same body when their keys are equal. A name with no letter matches nothing.
 */
export function bodyKeyOf(curation: PeopleFile): (name: string) => string | null {
  const resolve = resolverFor(curation);
  return (name) => {
    const spelling = cleanSpelling(name);
    return /[\p{L}\p{N}]/u.test(spelling) ? resolve(spelling, 'authority') : null;
  };
}

/** Every actor over `appearances`, keyed as the corrections say. */
export function groupActors(appearances: Iterable<Appearance>, curation: PeopleFile): Map<string, Actor> {
  const resolve = resolverFor(curation);
  const names = new Map(curation.groups.map((g) => [`g:${g.id}`, g.name]));
  const actors = new Map<string, Actor>();
  for (const a of appearances) {
    const key = resolve(a.spelling, a.role);
    let actor = actors.get(key);
    if (!actor) {
      const curated = key.startsWith('g:');
      const groupName = names.get(key);
      actor = { key, curated, appearances: [], ...(groupName ? { groupName } : {}) };
      actors.set(key, actor);
    }
    actor.appearances.push(a);
  }
  return actors;
}

function byCount<T>(items: Iterable<T>): T[] {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  // Map keeps first-met order, and sort is stable: ties stay in the order first met.
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([item]) => item);
}

export function summaryOf(actor: Actor): ActorSummary {
  const spellings = byCount(actor.appearances.map((a) => a.spelling));
  const roles = byCount(actor.appearances.map((a) => a.role));
  const type: ActorType = roles.some((r) => typeOfRole(r) === 'person') ? 'person' : 'body';
  return {
    key: actor.key,
    name: actor.groupName ?? spellings[0] ?? '',
    type,
    spellings,
    roles,
    caseCount: new Set(actor.appearances.map((a) => a.caseId)).size,
    appearanceCount: actor.appearances.length,
    confidentialOnly: actor.appearances.every((a) => a.confidential),
    curated: actor.curated,
  };
}

// One collator for every comparison: String.localeCompare makes one per call (slow over thousands).
const collator = new Intl.Collator();

/** Oldest first; undated ones after the dated ones of their case, in the order the case holds them. */
function chronological(a: Appearance, b: Appearance): number {
  if (a.date && b.date && a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.caseId !== b.caseId) return collator.compare(a.caseTitle, b.caseTitle) || (a.caseId < b.caseId ? -1 : 1);
  return Number(!a.date) - Number(!b.date);
}

export function detailOf(actor: Actor): ActorDetail {
  return { ...summaryOf(actor), appearances: [...actor.appearances].sort(chronological) };
}
