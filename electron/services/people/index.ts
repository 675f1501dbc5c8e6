// People and bodies across cases: extraction, matching, the index over an open store, the corrections file.
export { appearancesOf } from './extract';
export { spellingKey } from './matching';
export { namesAfterRoleWords } from './roleWords';
export { EMPTY_CURATION, PeopleFile, readCuration } from './curation';
export { getPerson, listPeople, mergePeople, splitPerson } from './operations';
export { bodyKeyOf, groupActors, summaryOf, type Actor } from './aggregate';
export { caseFactsOf } from './caseFacts';
