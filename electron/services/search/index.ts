export { CaseSearchIndex, type CaseLookup, type IndexOptions, type CaseSearchOptions } from './caseSearchIndex';
export { runSearch } from './runSearch';
export { type QueryTerm } from './query';
export { type Snippet } from './snippet';
