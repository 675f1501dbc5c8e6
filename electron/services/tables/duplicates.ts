import type { CaseDraft, CaseSummary } from '../../../shared/model';
import type { TableDuplicate } from '../../../shared/tables';
import { normalizeText } from '../../../shared/text/normalize';
import type { BuiltCase } from './rowsToCases';

// A row's person (or organisation) that the folder holds already, found by the search
// normaliser: Тоқаев, Токаев and Tokayev are one word to it, and word order does not
// count ("Abishev Kenzhebek" is "Кенжебек Әбішев"). A shorter name of two words or more
// inside a longer one matches too (a list without patronymics against a case with them).

type Key = readonly string[];

function nameKey(name: string): Key {
  return [...new Set(normalizeText(name).split(' ').filter((w) => w !== ''))].sort();
}

function sameName(a: Key, b: Key): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === long.length) return short.every((w, k) => w === long[k]);
  return short.length >= 2 && short.every((w) => long.includes(w));
}

function namesOf(d: CaseDraft): string[] {
  return d.kind === 'political_prisoner' ? [d.person.name, ...d.person.aliases] : [d.organization.name, ...d.organization.aliases];
}

/** Each built case that names a stored case of its kind, with the stored cases it names. */
export function findDuplicates(cases: readonly BuiltCase[], stored: readonly CaseSummary[]): TableDuplicate[] {
  const keyed = stored.map((s) => ({ s, keys: s.names.map(nameKey) }));
  const out: TableDuplicate[] = [];
  for (const c of cases) {
    const keys = namesOf(c.draft).map(nameKey);
    const found = keyed.filter(({ s, keys: theirs }) => s.kind === c.draft.kind && keys.some((k) => theirs.some((t) => sameName(k, t))));
    if (found.length > 0) out.push({ row: c.rows[0]!, title: c.draft.title, existing: found.map(({ s }) => ({ id: s.id, title: s.title })) });
  }
  return out;
}
