// People and bodies across cases: extraction, matching, the index over an open store, the corrections file.
export { appearancesOf } from './extract';
export { isCourtName, spellingKey, typeOfRole } from './matching';
export { namesAfterRoleWords } from './roleWords';
export { peopleIndexOf, PeopleIndex } from './peopleIndex';
export { PeopleFile, readCuration } from './curation';
export { actorsOfCases, getPerson, listPeople, mergePeople, splitPerson } from './operations';
export { groupActors, resolverFor, summaryOf, type Actor } from './aggregate';
