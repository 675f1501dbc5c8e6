import type { CaseFile } from '../../../shared/model';
import type { SearchAt, SearchField } from '../../../shared/model/search';
import { SEPARATOR } from './fields';

// Where a quoted match lives in its case, so that opening a hit lands on it. The
// index reads a field as groups of texts (fields.ts) and never keeps where each came
// from: that would cost memory for every case to serve the few that are opened. So
// this lists the same texts again, each with its path, only for a hit being quoted,
// and finds the group whose joined text is the one the snippet was cut from.

type Tagged = readonly [path: string, text: string | undefined];
type Group = Tagged[];

const filled = (group: Tagged[]): [string, string][] => group.filter((t): t is [string, string] => t[1] !== undefined && t[1] !== '');
const each = (path: string, list: readonly string[]): Tagged[] => list.map((text, i) => [`${path}[${i}]`, text]);
const one = (...texts: Tagged[]): Group[] => texts.map((t) => [t]);
const byId = (list: string, id: string) => `${list}[id=${id}]`;

function details(c: CaseFile): Group[] {
  const specific: Tagged[] =
    c.kind === 'political_prisoner'
      ? [
        ['person.occupation', c.person.occupation], ['person.affiliation', c.person.affiliation],
        ['detention.place', c.detention.place], ['detention.heldBy', c.detention.heldBy], ['detention.conditions', c.detention.conditions],
        ['arrest.place', c.arrest?.place], ['arrest.by', c.arrest?.by], ['arrest.warrantIssuedBy', c.arrest?.warrantIssuedBy],
        ['arrest.reasonsGiven', c.arrest?.reasonsGiven], ['arrest.legalBasis', c.arrest?.legalBasis],
        ...c.recognitions.map((r, i): Tagged => [`recognitions[${i}].by`, r.by]),
      ]
      : [
        ['organization.legalForm', c.organization.legalForm], ['organization.focus', c.organization.focus], ['organization.city', c.organization.city],
        ['organization.registrationNumber', c.organization.registrationNumber], ['appeal.court', c.appeal?.court], ['appeal.outcome', c.appeal?.outcome],
        ['impact', c.impact],
      ];
  return [
    ...one(['region', c.region]),
    each('tags', c.tags),
    each('analysis.rightsViolated', c.analysis.rightsViolated),
    ...one(['analysis.argument', c.analysis.argument], ...specific),
    ...(c.kind === 'political_prisoner' ? c.decisions.map((d): Group => [[`${byId('decisions', d.id)}.body`, d.body], [`${byId('decisions', d.id)}.outcome`, d.outcome]]) : []),
    ...c.requests.map((r): Group => [[`${byId('requests', r.id)}.text`, r.text], [`${byId('requests', r.id)}.addressee`, r.addressee]]),
    ...c.deadlines.map((d): Group => [[`${byId('deadlines', d.id)}.title`, d.title]]),
    ...c.advocacy.map((x): Group => {
      const at = byId('advocacy', x.id);
      return [[`${at}.target`, x.target], [`${at}.reference`, x.reference], [`${at}.notes`, x.notes]];
    }),
  ];
}

/** The texts of a field with their paths, grouped as fields.ts groups them (empty texts left out). */
export function taggedGroups(c: CaseFile, field: SearchField): [string, string][][] {
  let list: Group[];
  switch (field) {
    case 'names':
      list = c.kind === 'political_prisoner'
        ? [[['person.name', c.person.name], ...each('person.aliases', c.person.aliases)]]
        : [[['organization.name', c.organization.name], ...each('organization.aliases', c.organization.aliases)]];
      break;
    case 'title': list = one(['title', c.title]); break;
    case 'charges':
      list = c.kind === 'political_prisoner' ? c.charges.map((ch, i): Group => [[`charges[${i}].article`, ch.article], [`charges[${i}].code`, ch.code], [`charges[${i}].summary`, ch.summary]]) : [];
      break;
    case 'measure':
      list = c.kind === 'ngo_suspension' ? [[['measure.authority', c.measure.authority], ['measure.legalBasis', c.measure.legalBasis], ['measure.aimClaimed', c.measure.aimClaimed]]] : [];
      break;
    case 'summary': list = one(['summary', c.summary]); break;
    case 'events': list = c.events.map((e): Group => [[`${byId('events', e.id)}.title`, e.title], [`${byId('events', e.id)}.description`, e.description]]); break;
    case 'annotations':
      list = c.annotations.flatMap((a): Group[] => {
        const at = byId('annotations', a.id);
        return [...one([`${at}.body`, a.body], [`${at}.target.quote.exact`, a.target?.quote.exact]), each(`${at}.tags`, a.tags)];
      });
      break;
    case 'sources':
      list = c.sources.flatMap((s) => one([`${byId('sources', s.id)}.title`, s.title], [`${byId('sources', s.id)}.publisher`, s.publisher], [`${byId('sources', s.id)}.text`, s.text]));
      break;
    case 'details': list = details(c); break;
  }
  return list.map(filled).filter((g) => g.length > 0);
}

/**
 * The text and offsets of a match at [start, end) of `quoted` (one group of `field`,
 * joined as snippets show it). A match running on into the next text of its group is
 * cut at the end of the text it starts in. Undefined when no group of the case is
 * `quoted` (the case changed since).
 */
export function locateMatch(c: CaseFile, field: SearchField, quoted: string, start: number, end: number): SearchAt | undefined {
  const sep = SEPARATOR[field];
  for (const group of taggedGroups(c, field)) {
    // Cheap test first: most groups differ in length.
    let length = sep.length * (group.length - 1);
    for (const [, text] of group) length += text.length;
    if (length !== quoted.length || group.map(([, text]) => text).join(sep) !== quoted) continue;
    let offset = 0;
    for (const [path, text] of group) {
      if (start < offset + text.length) {
        const from = Math.max(0, start - offset);
        return { path, start: from, end: Math.max(from + 1, Math.min(text.length, end - offset)) };
      }
      offset += text.length + sep.length;
    }
    return undefined;
  }
  return undefined;
}
