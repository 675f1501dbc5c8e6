import { ocrOriginal } from '../ocr/ocrOriginal';
import { SearchService } from '../search/service';
import { setOcrRunner } from '../sources/ocrHook';
import type { CaseStore } from '../folder/caseStore';
import { agendaHandlers } from './agenda';
import { annotationsHandlers } from './annotations';
import { appHandlers } from './app';
import { backupsHandlers } from './backups';
import { briefsHandlers } from './briefs';
import { calendarHandlers } from './calendar';
import { bundlesHandlers } from './bundles';
import { casesHandlers } from './cases';
import { composeHandlers, type Handlers } from './compose';
import { fixedFolder, type Folder } from './folder';
import { historyHandlers } from './history';
import { searchHandlers } from './search';
import { settingsHandlers } from './settings';
import { teamHandlers } from './team';
import { tablesHandlers } from './tables';
import { statsHandlers } from './stats';
import { peopleHandlers } from './people';
import { conflictsHandlers } from './conflicts';
import { sourcesHandlers } from './sources';
import { trashHandlers } from './trash';
import { storeOnlyVault, vaultHandlers, type Vault } from './vault';
import { verifyHandlers } from './verify';

// One module per domain, each serving its own contract operations over what it
// needs; joined here into the one table every door dispatches through.

export type { CallContext } from '../callContext';
export type { Handlers } from './compose';
export type { Folder, OpenFolder } from './folder';
export type { Vault } from './vault';
export { APP_VERSION } from './app';
export { forgetShapedWords, warmBriefsSoon } from '../briefs/warm';

/** The full table over a folder (however it is reached) and whatever can close and reopen it. */
export function handlerTable(folder: Folder, vault: Vault): Handlers {
  // Intake and re-reading find OCR through the hook (sources/ does not load tesseract.js itself).
  setOcrRunner(ocrOriginal);
  return composeHandlers(
    appHandlers(folder),
    casesHandlers(folder),
    trashHandlers(folder),
    historyHandlers(folder),
    bundlesHandlers(folder),
    verifyHandlers(folder),
    sourcesHandlers(folder),
    annotationsHandlers(folder),
    briefsHandlers(folder),
    searchHandlers(folder),
    agendaHandlers(folder),
    calendarHandlers(folder),
    backupsHandlers(folder),
    settingsHandlers(folder),
    teamHandlers(folder),
    tablesHandlers(folder),
    statsHandlers(folder),
    peopleHandlers(folder),
    conflictsHandlers(folder),
    vaultHandlers(vault),
  );
}

export type Services = { handlers: Handlers; search: SearchService };

/** A store opened on its own (tests, tools, the bench): the handlers, and the search service so a caller can warm it. */
export function createServices(store: CaseStore): Services {
  const search = new SearchService(store);
  return { handlers: createHandlers(store, search), search };
}

export function createHandlers(store: CaseStore, search: SearchService = new SearchService(store)): Handlers {
  return handlerTable(fixedFolder(store, search), storeOnlyVault(store));
}
