import type { CaseFile } from '../../../shared/model';
import type { SearchField } from '../../../shared/model/search';

// What each search field holds. A field is a list of groups; a group is the texts
// shown together in a snippet ("title — description" of one event), so a snippet
// never runs from one event into the next. The index reads the texts one by one
// and never joins them: joining would copy megabytes at build time.

/** Score multipliers: a match in a name says more than one deep in a source text. */
export const FIELD_BOOST: Readonly<Record<SearchField, number>> = {
  names: 4,
  title: 3,
  charges: 2.5,
  measure: 2.5,
  summary: 1.5,
  events: 1.2,
  annotations: 1.2,
  sources: 1,
  details: 1,
};

/** Field order breaks ties when two fields match equally well. */
export const SEARCH_FIELDS = Object.keys(FIELD_BOOST) as SearchField[];

// Words only ever come from the texts, so a separator must hold no letters or digits.
export const SEPARATOR: Readonly<Record<SearchField, string>> = {
  names: ' · ', title: ' ', charges: ' — ', measure: ' — ', summary: ' ', events: ' — ',
  annotations: ' · ', sources: ' ', details: ' · ',
};

type Group = string[];

const present = (...texts: (string | undefined)[]): string[] => texts.filter((t): t is string => t !== undefined && t !== '');
const groups = (...texts: (string | undefined)[]): Group[] => present(...texts).map((t) => [t]);
const nonEmpty = (g: Group[]): Group[] => g.filter((texts) => texts.length > 0);

// Who the case is about: the name and every other spelling in one group, so a
// snippet shows "Tokayev · Тоқаев" together. Contact and lawyer are left out: they
// are confidential by rule and nobody finds a case by a phone number. So are the
// other always-confidential facts of model version 2 — the address, the identity
// document, the health details and the consent — for the same reasons: a search hit
// prints its snippet on screen (and a shared screen is how they would leak), and a
// case is found by its person's name, not by a passport number or a diagnosis.
// (Items the user flags confidential stay searchable, marked: see markedGroups.)
function names(c: CaseFile): Group[] {
  const all = c.kind === 'political_prisoner' ? [c.person.name, ...c.person.aliases] : [c.organization.name, ...c.organization.aliases];
  return nonEmpty([present(...all)]);
}

function details(c: CaseFile): Group[] {
  const a = c.kind === 'political_prisoner' ? c.arrest : undefined;
  const specific =
    c.kind === 'political_prisoner'
      ? [
        c.person.occupation, c.person.affiliation, c.detention.place, c.detention.heldBy, c.detention.conditions,
        a?.place, a?.by, a?.warrantIssuedBy, a?.reasonsGiven, a?.legalBasis, ...c.recognitions.map((r) => r.by),
      ]
      : [c.organization.legalForm, c.organization.focus, c.organization.city, c.organization.registrationNumber, c.appeal?.court, c.appeal?.outcome, c.impact];
  return nonEmpty([
    ...groups(c.region),
    present(...c.tags),
    present(...c.analysis.rightsViolated),
    ...groups(c.analysis.argument, ...specific),
  ]);
}

/** The parts of `details` that come from items with their own confidential switch. */
function markedDetails(c: CaseFile): MarkedGroup[] {
  return [
    ...(c.kind === 'political_prisoner' ? c.decisions.flatMap((d) => marked(d.confidential, nonEmpty([present(d.body, d.outcome)]))) : []),
    ...c.requests.flatMap((r) => marked(r.confidential, [present(r.text, r.addressee)])),
    ...c.deadlines.flatMap((d) => marked(d.confidential, [[d.title]])),
    // Advocacy notes are working notes, not secrets: the lawyer finds them on their own machine.
    ...c.advocacy.flatMap((x) => marked(x.confidential, [present(x.target, x.reference, x.notes)])),
  ];
}

/** A group and whether it comes from a part of the case marked confidential. */
type MarkedGroup = { texts: Group; confidential: boolean };

const open = (list: Group[]): MarkedGroup[] => list.map((texts) => ({ texts, confidential: false }));
const marked = (confidential: boolean | undefined, list: Group[]): MarkedGroup[] => list.map((texts) => ({ texts, confidential: confidential === true }));

// Confidential annotations, events and sources stay searchable (the lawyer must find
// their own notes on their own machine), but a hit quoting one says so.
function markedGroups(c: CaseFile, field: SearchField): MarkedGroup[] {
  switch (field) {
    case 'names': return open(names(c));
    case 'title': return open([[c.title]]);
    case 'charges': return open(c.kind === 'political_prisoner' ? c.charges.map((ch) => present(ch.article, ch.code, ch.summary)) : []);
    case 'measure': return open(c.kind === 'ngo_suspension' ? nonEmpty([present(c.measure.authority, c.measure.legalBasis, c.measure.aimClaimed)]) : []);
    case 'summary': return open(groups(c.summary));
    case 'events': return c.events.flatMap((e) => marked(e.confidential, [present(e.title, e.description)]));
    case 'annotations':
      return c.annotations.flatMap((a) => marked(a.confidential, nonEmpty([...groups(a.body, a.target?.quote.exact), present(...a.tags)])));
    case 'sources': return c.sources.flatMap((s) => marked(s.confidential, groups(s.title, s.publisher, s.text)));
    case 'details': return [...open(details(c)), ...markedDetails(c)];
  }
}

/** The texts of one field of a case, grouped as they display. */
export function fieldGroups(c: CaseFile, field: SearchField): Group[] {
  return markedGroups(c, field).map((g) => g.texts);
}

/** The texts of one field as snippets show them, each group joined, with whether it is confidential. */
export function markedFieldParts(c: CaseFile, field: SearchField): { text: string; confidential: boolean }[] {
  return markedGroups(c, field).map((g) => ({ text: g.texts.join(SEPARATOR[field]), confidential: g.confidential }));
}

/** Fields short enough to keep in memory for snippets; the rest are read from the case when a hit needs them. */
export const SHORT_FIELDS: ReadonlySet<SearchField> = new Set<SearchField>(['names', 'title', 'charges', 'measure']);
