import type { ActorDetail, ActorSummary, PeopleQuery } from '../../../shared/people';
import { normalizePrefix, normalizeText, tokenize } from '../../../shared/text/normalize';
import type { CallContext } from '../callContext';
import { ServiceError } from '../errors';
import type { CaseStoreBase } from '../store/caseStore';
import { detailOf, summaryOf, type Actor } from './aggregate';
import { changeCuration, newGroupId, type PeopleFile, type PeopleGroup } from './curation';
import { spellingKey, typeOfRole } from './matching';
import { peopleIndexOf } from './peopleIndex';

// people.list, people.get, people.merge, people.split over the index of an open store.

const collator = new Intl.Collator();

/** An actor as a caller may see it: without its confidential appearances unless asked. */
function visible(actor: Actor, includeConfidential: boolean): Actor | null {
  if (includeConfidential) return actor;
  const appearances = actor.appearances.filter((a) => !a.confidential);
  return appearances.length === 0 ? null : { ...actor, appearances };
}

/** Each word the caller typed is the start of a word of some spelling, in search form (Тоқаев finds Tokayev). */
function textMatcher(text: string | undefined): (summary: ActorSummary) => boolean {
  const words = tokenize(text ?? '').map((w) => normalizePrefix(w)).filter(Boolean);
  if (words.length === 0) return () => true;
  return (s) =>
    s.spellings.some((spelling) => {
      const forms = normalizeText(spelling).split(' ');
      return words.every((w) => forms.some((f) => f.startsWith(w)));
    });
}

export async function listPeople(store: CaseStoreBase, query: PeopleQuery, context: CallContext = {}): Promise<ActorSummary[]> {
  const { actors } = await peopleIndexOf(store).actors(context);
  const include = query.includeConfidential === true;
  const matches = textMatcher(query.text);
  const out: ActorSummary[] = [];
  for (const actor of actors.values()) {
    const shown = visible(actor, include);
    if (!shown) continue;
    const s = summaryOf(shown);
    if (query.role && !s.roles.includes(query.role)) continue;
    if (query.type && s.type !== query.type) continue;
    if (query.minCases && s.caseCount < query.minCases) continue;
    if (!matches(s)) continue;
    out.push(s);
  }
  out.sort((a, b) => b.caseCount - a.caseCount || b.appearanceCount - a.appearanceCount || collator.compare(a.name, b.name));
  return query.limit ? out.slice(0, query.limit) : out;
}

function notFound(key: string, path: (string | number)[]): ServiceError {
  return new ServiceError('not_found', `No person or body "${key}" in the index: the cases may have changed, or a merge or split on another device gave it a new key. List the people again and pick it there.`, [{ path, message: 'expected an actor key from people.list' }]);
}

export async function getPerson(store: CaseStoreBase, key: string, includeConfidential = false, context: CallContext = {}): Promise<ActorDetail> {
  const { actors } = await peopleIndexOf(store).actors(context);
  const actor = actors.get(key);
  if (!actor) throw notFound(key, ['key']);
  const shown = visible(actor, includeConfidential);
  if (!shown) throw new ServiceError('not_found', `"${key}" is named only in confidential fields (a lawyer, a confidential decision or event); ask with includeConfidential to see it.`, [{ path: ['includeConfidential'], message: 'expected true for an actor named only in confidential fields' }]);
  return detailOf(shown);
}

/** The normalised forms and exact spellings an actor holds now, as a group of the corrections file would. */
function membersOf(actor: Actor, curation: PeopleFile): Pick<PeopleGroup, 'keys' | 'spellings'> {
  const group = actor.key.startsWith('g:') ? curation.groups.find((g) => `g:${g.id}` === actor.key) : undefined;
  if (group) return { keys: group.keys, spellings: group.spellings };
  return { keys: [actor.key.slice(2)], spellings: [] };
}

const unique = <T>(items: Iterable<T>): T[] => [...new Set(items)];

export async function mergePeople(store: CaseStoreBase, keys: readonly string[], name: string | undefined): Promise<ActorSummary> {
  const index = peopleIndexOf(store);
  const { actors } = await index.actors();
  const merged = keys.map((key, i) => {
    const actor = actors.get(key);
    if (!actor) throw notFound(key, ['keys', i]);
    return actor;
  });
  if (new Set(keys).size < 2) throw new ServiceError('bad_input', 'A merge needs two different people or bodies; nothing was changed.', [{ path: ['keys'], message: 'expected at least two different keys' }]);
  const id = newGroupId();
  await changeCuration(store, (current) => {
    const parts = merged.map((a) => membersOf(a, current));
    const group: PeopleGroup = {
      id,
      name: name ?? summaryOf(merged[0]!).name,
      keys: unique(parts.flatMap((p) => p.keys)),
      spellings: unique(parts.flatMap((p) => p.spellings)),
    };
    const gone = new Set(keys.filter((k) => k.startsWith('g:')).map((k) => k.slice(2)));
    return { next: { ...current, groups: [...current.groups.filter((g) => !gone.has(g.id)), group] }, result: undefined };
  });
  const after = (await index.actors()).actors.get(`g:${id}`);
  if (!after) throw new ServiceError('internal', 'The merge was saved but the merged actor is not in the index; list the people again.');
  return summaryOf(after);
}

export async function splitPerson(store: CaseStoreBase, key: string, spellings: readonly string[]): Promise<{ kept: ActorSummary; split: ActorSummary }> {
  const index = peopleIndexOf(store);
  const { actors } = await index.actors();
  const actor = actors.get(key);
  if (!actor) throw notFound(key, ['key']);
  const own = new Set(actor.appearances.map((a) => a.spelling));
  const taken = unique(spellings.map((s) => s.trim().replace(/\s+/gu, ' ')));
  taken.forEach((s, i) => {
    if (!own.has(s)) throw new ServiceError('bad_input', `"${s}" is not a spelling of this person or body; nothing was changed.`, [{ path: ['spellings', i], message: `expected one of: ${[...own].slice(0, 10).join('; ')}` }]);
  });
  if (taken.length >= own.size) throw new ServiceError('bad_input', 'A split must leave at least one spelling where it was; nothing was changed.', [{ path: ['spellings'], message: 'expected fewer spellings than the actor has' }]);
  const splitId = newGroupId();
  const keptId = key.startsWith('g:') ? key.slice(2) : newGroupId();
  const types = new Map(actor.appearances.map((a) => [a.spelling, typeOfRole(a.role)]));
  await changeCuration(store, (current) => {
    const { keys, spellings: exact } = membersOf(actor, current);
    const takenSet = new Set(taken);
    const left = [...own].filter((s) => !takenSet.has(s));
    // A form all of whose spellings leave goes with them; a form shared with a spelling that stays stays.
    const leftForms = new Set(left.map((s) => spellingKey(s, types.get(s) ?? 'body')));
    const goneForms = new Set(taken.map((s) => spellingKey(s, types.get(s) ?? 'body')).filter((k) => !leftForms.has(k)));
    const kept: PeopleGroup = {
      id: keptId,
      ...(actor.groupName ? { name: actor.groupName } : {}),
      keys: keys.filter((k) => !goneForms.has(k)),
      spellings: exact.filter((s) => !takenSet.has(s)),
    };
    const split: PeopleGroup = { id: splitId, keys: [...goneForms], spellings: taken };
    const groups = current.groups.filter((g) => g.id !== keptId);
    return { next: { ...current, groups: [...groups, kept, split] }, result: undefined };
  });
  const after = (await index.actors()).actors;
  const keptActor = after.get(`g:${keptId}`);
  const splitActor = after.get(`g:${splitId}`);
  if (!keptActor || !splitActor) throw new ServiceError('internal', 'The split was saved but its actors are not in the index; list the people again.');
  return { kept: summaryOf(keptActor), split: summaryOf(splitActor) };
}
