export { CaseSearchIndex, type CaseLookup, type IndexOptions, type CaseSearchOptions } from './caseSearchIndex';
export { runSearch } from './runSearch';
export { fieldParts, FIELD_BOOST, SEARCH_FIELDS } from './fields';
export { parseQuery, type QueryTerm } from './query';
export { makeSnippet, SNIPPET_LENGTH, type Snippet } from './snippet';
