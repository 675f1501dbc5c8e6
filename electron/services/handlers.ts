import type { OperationName, OpOutput, OpParsedInput } from '../../shared/contract';
import { agendaRows, parseIsoDay } from '../../shared/model';
import { localToday } from '../../shared/text/dates';
import { ServiceError } from './errors';
import { loadSampleBundle } from './samples';
import { checkBriefOperation, renderBriefOperation } from './briefs/service';
import { SearchService } from './search/service';
import { readFolderSettings, updateFolderSettings } from './settings/folderSettings';
import { extractSourceIsolated } from './sources/isolated';
import { anchorBundle, anchorCases, readBundleFile } from './isolation/importFile';
import { boundedAnnotationStates } from './isolation/annotationStates';
import type { CaseStore } from './folder/caseStore';
import pkg from '../../package.json' with { type: 'json' };

import type { CallContext } from './callContext';

export type { CallContext } from './callContext';

/** One service function per contract operation; each receives input the dispatcher has already validated. */
export type Handlers = { [K in OperationName]: (input: OpParsedInput<K>, context: CallContext) => Promise<OpOutput<K>> | OpOutput<K> };

export const APP_NAME = 'Casefile';

/** Operations that close and reopen the store, so only a Session (the app, the CLI) can run them. */
export const SESSION_ONLY = ['vault.unlock', 'vault.lock', 'vault.encrypt', 'vault.decrypt', 'vault.changePassphrase', 'vault.setIdleLock', 'backups.restore'] as const;
const sessionOnly = (op: string): never => {
  throw new ServiceError('unsupported', `${op} needs the data folder to be closed and reopened, which only the app or the command line can do.`);
};
export const APP_VERSION: string = pkg.version;

export type Services = { handlers: Handlers; search: SearchService };

/** Everything the doors need: the handlers, and the search service so an app can warm it at start. */
export function createServices(store: CaseStore): Services {
  const search = new SearchService(store);
  return { handlers: createHandlers(store, search), search };
}

type SessionOnly = (typeof SESSION_ONLY)[number];

export function createHandlers(store: CaseStore, search: SearchService = new SearchService(store)): Handlers {
  const refused = Object.fromEntries(SESSION_ONLY.map((op) => [op, () => sessionOnly(op)])) as unknown as Pick<Handlers, SessionOnly>;
  const own: Omit<Handlers, SessionOnly> = {
    'app.info': async () => ({
      name: APP_NAME,
      version: APP_VERSION,
      dataDir: store.dataDir,
      schemaVersion: store.schemaVersion,
      encrypted: store.encrypted,
      caseCount: store.count(),
      trashCount: (await store.listTrash()).length,
      quarantined: await store.listQuarantine(),
      unconfirmedSaves: [...store.unconfirmedSaves],
      tampered: [...store.tampered],
    }),
    'cases.list': (query) => store.list(query),
    'cases.get': ({ id }) => store.get(id),
    // Annotations are placed (finalizeCase) with the import's bounds: a case holding quotes that cost minutes to look for cannot freeze a save.
    'cases.create': async ({ case: draft }) => store.create((await anchorCases([draft]))[0]!),
    'cases.update': async ({ id, baseRev, case: draft }) => store.update(id, baseRev, (await anchorCases([draft]))[0]!),
    'cases.trash': ({ id }) => store.trash(id),
    'cases.restore': ({ id }) => store.restore(id),
    'trash.list': () => store.listTrash(),
    'bundle.import': async ({ bundle, file, onConflict }, { signal }) => {
      const given = bundle ?? (await readBundleFile(file!.fileName, Buffer.from(file!.dataBase64, 'base64'), signal));
      return store.importBundle(await anchorBundle(given, signal), onConflict);
    },
    'bundle.export': ({ ids, history }) => store.exportBundle(ids, { history }),
    'store.verify': () => store.verify(),
    'sources.extract': ({ fileName, dataBase64 }, { signal }) => extractSourceIsolated(fileName, Buffer.from(dataBase64, 'base64'), signal),
    'annotations.list': async ({ id }, { signal }) => boundedAnnotationStates(await store.get(id), signal),
    'briefs.render': (input, context) => renderBriefOperation(store, input, context),
    'briefs.check': (input) => checkBriefOperation(store, input),
    'search.query': (query) => search.query(query),
    'agenda.list': async ({ today }) => agendaRows(await store.openItems(), (today && parseIsoDay(today)) || localToday()),
    'app.sampleBundle': () => loadSampleBundle(),
    'cases.history': ({ id }) => store.history(id),
    'backups.list': () => store.listBackups(),
    'backups.create': (_input, context) => store.backup('manual', context.onProgress),
    'backups.copyOut': ({ dir }, context) => store.copyBackupsOut(dir, context.onProgress),
    'backups.recover': async ({ file }) => {
      const { case: c, snapshot } = await store.recoverQuarantined(file);
      return { id: c.id, title: c.title, rev: c.rev, snapshot };
    },
    'settings.get': () => readFolderSettings(store),
    'settings.set': (patch) => updateFolderSettings(store, patch),
    // A store opened on its own (tests, tools) is always unlocked; locking, the folder
    // conversions and a restore need the folder closed and reopened, which the Session does.
    'vault.status': () => ({ encrypted: store.encrypted, locked: false, idleLockMinutes: 0 }),
  };
  return { ...own, ...refused };
}
