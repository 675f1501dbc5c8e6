import type { CaseFile, NgoCase, PrisonerCase } from '../../shared/model';

// How a view changes the open case: it hands the session a function from the draft
// to the next draft (the session saves, debounced). Sections of the case, the sources
// and the annotations all edit through it.

export type Edit = (update: (draft: CaseFile) => CaseFile) => void;
export type EditPrisoner = (update: (draft: PrisonerCase) => PrisonerCase) => void;
export type EditNgo = (update: (draft: NgoCase) => NgoCase) => void;

export function insertAt<T>(list: readonly T[], index: number, item: T): T[] {
  const copy = [...list];
  copy.splice(Math.min(index, copy.length), 0, item);
  return copy;
}
