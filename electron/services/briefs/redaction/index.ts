// What each brief mode may print (view), what it must not (secrets), and the proof
// that a written brief holds none of it (match). See MODEL.md *Confidentiality*.
export { caseForBrief, type Scope } from './view';
export { secretsOf, type Secret, type SecretKind } from './secrets';
export { allowedIn, stringsOf, type Allowed } from './allowed';
export { appearsIn, describeLeak, findLeaks, haystack, publicFieldsContaining, type Found, type Haystack, type Leak } from './match';
