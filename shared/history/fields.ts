// Every field of a MODEL.md v2 case the history names, by the part of the case it
// belongs to, with the kind of value it holds (so the renderer writes a date as a
// date and an enum through its label). A field's name is the locale message
// `history.field.<part>.<field>`; a field not listed here is described only as
// "other details changed", never by its path.

export type ValueKind =
  | 'text'
  | 'date'
  | 'dateTime'
  | 'number'
  | 'bool'
  | 'country'
  | 'countries'
  | 'strings'
  | 'wgad'
  | 'sourceRef'
  | 'sourceRefs'
  | 'term'
  | 'money'
  | 'penalty'
  | 'born'
  | 'target'
  | 'file'
  | { label: string };

/** The parts of a case that are objects of their own (not lists of items). */
const PARTS = ['person', 'idDocument', 'arrest', 'detention', 'organization', 'measure', 'appeal', 'analysis', 'consent', 'briefing', 'urgentAction', 'summaries'] as const;
/** Lists whose items have ids (the log names them by id). */
export const ITEM_LISTS = ['events', 'sources', 'annotations', 'deadlines', 'advocacy', 'requests', 'decisions'] as const;
/** Lists of objects without ids (the log records the whole list). */
export const PLAIN_LISTS = ['charges', 'recognitions'] as const;

export type ItemList = (typeof ITEM_LISTS)[number];
export type PlainList = (typeof PLAIN_LISTS)[number];
export type Part = 'case' | (typeof PARTS)[number] | ItemList | PlainList;

const label = (group: string) => ({ label: group });

export const FIELDS: Record<Part, Record<string, ValueKind>> = {
  case: {
    kind: label('kind'), title: 'text', status: label('status'), priority: label('priority'), country: 'country', region: 'text',
    summary: 'text', tags: 'strings', lawyer: 'text', impact: 'text',
  },
  person: {
    name: 'text', familyName: 'text', givenNames: 'text', aliases: 'strings', born: 'born', gender: label('gender'), nationality: 'countries',
    occupation: 'text', affiliation: 'text', contact: 'text', address: 'text',
  },
  idDocument: { type: 'text', number: 'text', issuedBy: 'text', issuedOn: 'date' },
  arrest: { date: 'date', place: 'text', by: 'text', warrantShown: label('warrantShown'), warrantIssuedBy: 'text', reasonsGiven: 'text', legalBasis: 'text' },
  detention: {
    status: label('detention'), place: 'text', heldBy: 'text', since: 'date', releasedOn: 'date', expectedRelease: 'date', conditions: 'text', health: 'text',
  },
  organization: { name: 'text', aliases: 'strings', legalForm: 'text', registrationNumber: 'text', founded: 'date', focus: 'text', city: 'text', members: 'number' },
  measure: {
    type: label('measure'), authority: 'text', legalBasis: 'text', aimClaimed: 'text', start: 'date', end: 'date', durationMonths: 'number', fine: 'money',
    status: label('measureStatus'),
  },
  appeal: { court: 'text', filed: 'date', outcome: 'text' },
  analysis: { wgadCategories: 'wgad', rightsViolated: 'strings', argument: 'text' },
  consent: { status: label('consent'), by: 'text', date: 'date', scope: 'text' },
  briefing: {},
  urgentAction: { number: 'text', issuedOn: 'date', sendBefore: 'date', writeIn: 'text' },
  summaries: { en: 'text', ru: 'text', kk: 'text' },
  events: { date: 'date', type: label('event'), title: 'text', description: 'text', sourceIds: 'sourceRefs', confidential: 'bool' },
  sources: {
    title: 'text', kind: label('source'), url: 'text', publisher: 'text', publishedOn: 'date', language: 'text', text: 'text', confidential: 'bool', file: 'file',
  },
  annotations: { sourceId: 'sourceRef', target: 'target', body: 'text', tags: 'strings', confidential: 'bool', publicComment: 'bool' },
  deadlines: { date: 'date', title: 'text', done: 'bool', confidential: 'bool' },
  advocacy: {
    target: 'text', kind: label('advocacyKind'), date: 'date', reference: 'text', status: label('advocacyStatus'), nextFollowUp: 'date', notes: 'text',
    confidential: 'bool',
  },
  requests: { text: 'text', addressee: 'text', confidential: 'bool' },
  decisions: { date: 'date', stage: label('decisionStage'), body: 'text', penalty: 'penalty', outcome: 'text', confidential: 'bool' },
  charges: { article: 'text', code: 'text', summary: 'text', outcome: label('chargeOutcome') },
  recognitions: { by: 'text', label: label('recognition'), date: 'date' },
};

/** Fields that are parts of their own, nested in another part. */
export const NESTED_PARTS: Partial<Record<Part, Record<string, Part>>> = {
  person: { idDocument: 'idDocument' },
  briefing: { urgentAction: 'urgentAction', summaries: 'summaries' },
};

export function fieldKind(part: Part, field: string): ValueKind | undefined {
  return Object.hasOwn(FIELDS[part], field) ? FIELDS[part][field] : undefined;
}

/** The locale key of a field's name. */
export const fieldKey = (part: Part, field: string) => `history.field.${part}.${field}`;
