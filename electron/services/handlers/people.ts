import { getPerson, listPeople, mergePeople, splitPerson } from '../people';
import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

// People and bodies across cases: the index over every case (people/), and the team's merges and splits.

export function peopleHandlers(folder: Folder): DomainHandlers<'people.list' | 'people.get' | 'people.merge' | 'people.split'> {
  return {
    'people.list': (input, context) => listPeople(folder.open().store, input, context),
    'people.get': (input, context) => getPerson(folder.open().store, input.key, input.includeConfidential === true, context),
    'people.merge': (input) => mergePeople(folder.open().store, input.keys, input.name),
    'people.split': (input) => splitPerson(folder.open().store, input.key, input.spellings),
  };
}
