import { api } from '../../api';
import type { Appearance } from '../../../shared/people';
import { navigate } from '../../lib/router';
import { valueAtPath } from '../search/landingPath';
import { requestLanding } from '../search/landingStore';
import { landingPathOf, searchFieldOf, spellingRange } from './peopleModel';

/**
 * Opens the case an appearance is in, landing on the field that names the actor the
 * way a search hit lands on its match (the field focused, the spelling selected). The
 * case is read first for the words' place in the field as it is now; when it cannot be
 * read the case opens all the same and says why itself.
 */
export async function openAppearance(a: Appearance): Promise<void> {
  const path = landingPathOf(a.path);
  const read = path ? await api['cases.get']({ id: a.caseId }) : null;
  if (path && read?.ok) {
    const range = spellingRange(valueAtPath(read.value, path), a.spelling);
    requestLanding({
      id: a.caseId,
      title: a.caseTitle,
      kind: a.caseKind,
      score: 0,
      field: searchFieldOf(a.path),
      snippet: a.spelling,
      highlights: a.spelling ? [[0, a.spelling.length]] : [],
      ...(range ? { at: { path, ...range } } : {}),
    });
  }
  navigate({ name: 'case', id: a.caseId });
}
