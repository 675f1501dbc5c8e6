import type { OperationName, OpOutput, OpParsedInput, Progress } from '../../shared/contract';
import { agendaRows, annotationStates, parseIsoDay } from '../../shared/model';
import { localToday } from '../../shared/text/dates';
import { loadSampleBundle } from './samples';
import { renderBriefOperation } from './briefs/service';
import { SearchService } from './search/service';
import { extractSourceText } from './sources/extract';
import type { CaseStore } from './store/caseStore';
import pkg from '../../package.json' with { type: 'json' };

/** What a door may offer a call besides its input: a place to show progress. */
export type CallContext = { onProgress?: (progress: Progress) => void };

/** One service function per contract operation; each receives input the dispatcher has already validated. */
export type Handlers = { [K in OperationName]: (input: OpParsedInput<K>, context: CallContext) => Promise<OpOutput<K>> | OpOutput<K> };

export const APP_NAME = 'Casefile';
export const APP_VERSION: string = pkg.version;

export type Services = { handlers: Handlers; search: SearchService };

/** Everything the doors need: the handlers, and the search service so an app can warm it at start. */
export function createServices(store: CaseStore): Services {
  const search = new SearchService(store);
  return { handlers: createHandlers(store, search), search };
}

export function createHandlers(store: CaseStore, search: SearchService = new SearchService(store)): Handlers {
  return {
    'app.info': async () => ({
      name: APP_NAME,
      version: APP_VERSION,
      dataDir: store.dataDir,
      schemaVersion: store.schemaVersion,
      caseCount: store.count(),
      trashCount: (await store.listTrash()).length,
      quarantined: await store.listQuarantine(),
    }),
    'cases.list': (query) => store.list(query),
    'cases.get': ({ id }) => store.get(id),
    'cases.create': ({ case: draft }) => store.create(draft),
    'cases.update': ({ id, baseRev, case: draft }) => store.update(id, baseRev, draft),
    'cases.trash': ({ id }) => store.trash(id),
    'cases.restore': ({ id }) => store.restore(id),
    'trash.list': () => store.listTrash(),
    'bundle.import': ({ bundle, onConflict }) => store.importBundle(bundle, onConflict),
    'bundle.export': ({ ids }) => store.exportBundle(ids),
    'store.verify': () => store.verify(),
    'sources.extract': ({ fileName, dataBase64 }) => extractSourceText(fileName, Buffer.from(dataBase64, 'base64')),
    'annotations.list': async ({ id }) => annotationStates(await store.get(id)),
    'briefs.render': (input, context) => renderBriefOperation(store, input, context),
    'search.query': (query) => search.query(query),
    'agenda.list': ({ today }) => agendaRows(store.list(), (today && parseIsoDay(today)) || localToday()),
    'app.sampleBundle': () => loadSampleBundle(),
  };
}
