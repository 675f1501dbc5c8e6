import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../../shared/operations';
import { createDispatcher } from '../../../electron/services/dispatch';
import { createHandlers, handlerTable } from '../../../electron/services/handlers';
import { composeHandlers, type Handlers } from '../../../electron/services/handlers/compose';
import { agendaHandlers } from '../../../electron/services/handlers/agenda';
import { calendarHandlers } from '../../../electron/services/handlers/calendar';
import { annotationsHandlers } from '../../../electron/services/handlers/annotations';
import { appHandlers } from '../../../electron/services/handlers/app';
import { backupsHandlers } from '../../../electron/services/handlers/backups';
import { briefsHandlers } from '../../../electron/services/handlers/briefs';
import { bundlesHandlers } from '../../../electron/services/handlers/bundles';
import { casesHandlers } from '../../../electron/services/handlers/cases';
import { historyHandlers } from '../../../electron/services/handlers/history';
import { searchHandlers } from '../../../electron/services/handlers/search';
import { settingsHandlers } from '../../../electron/services/handlers/settings';
import { teamHandlers } from '../../../electron/services/handlers/team';
import { statsHandlers } from '../../../electron/services/handlers/stats';
import { peopleHandlers } from '../../../electron/services/handlers/people';
import { tablesHandlers } from '../../../electron/services/handlers/tables';
import { conflictsHandlers } from '../../../electron/services/handlers/conflicts';
import { sourcesHandlers } from '../../../electron/services/handlers/sources';
import { trashHandlers } from '../../../electron/services/handlers/trash';
import { verifyHandlers } from '../../../electron/services/handlers/verify';
import { fixedFolder } from '../../../electron/services/handlers/folder';
import { storeOnlyVault, vaultHandlers } from '../../../electron/services/handlers/vault';
import { SearchService } from '../../../electron/services/search/service';
import { Session } from '../../../electron/services/session';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { tempDir } from '../../helpers/fixtures';

// The one table: per-domain modules joined with a proof that every operation has
// exactly one handler. The compile-time half is checked by `npm run typecheck`
// (the @ts-expect-error lines below fail it if a gap or a double stops being an error).

describe('composeHandlers', () => {
  it('joins the domain modules into a table with one function per operation, at compile time and at run time', async () => {
    const { dir, cleanup } = await tempDir();
    const store = await CaseStore.open(path.join(dir, 'data'));
    try {
      const folder = fixedFolder(store, new SearchService(store));
      const table = handlerTable(folder, storeOnlyVault(store));
      expect(Object.keys(table).sort()).toEqual([...OPERATION_NAMES].sort());
      for (const op of OPERATION_NAMES) expect(typeof table[op], op).toBe('function');

      // @ts-expect-error: a table missing operations does not compile.
      expect(() => composeHandlers(appHandlers(folder))).toThrow(/No handler module serves cases\.list, .*settings\.set, /);
      const vault = storeOnlyVault(store);
      const all = [appHandlers(folder), casesHandlers(folder), trashHandlers(folder), historyHandlers(folder), bundlesHandlers(folder), verifyHandlers(folder), sourcesHandlers(folder), annotationsHandlers(folder), briefsHandlers(folder), searchHandlers(folder), agendaHandlers(folder), backupsHandlers(folder), settingsHandlers(folder), teamHandlers(folder), tablesHandlers(folder), statsHandlers(folder), peopleHandlers(folder), vaultHandlers(vault), conflictsHandlers(folder), calendarHandlers(folder)] as const;
      expect(Object.keys(composeHandlers(...all)).length).toBe(OPERATION_NAMES.length);
      // @ts-expect-error: an operation served twice does not compile, though every one is covered.
      expect(() => composeHandlers(...all, historyHandlers(folder))).toThrow('Two handler modules serve cases.history; each operation has exactly one.');
      // Parts typed wider than their modules (an array built in a loop) the compiler cannot count, so it refuses them; were it forced, the run-time check stands.
      const loose: Partial<Handlers>[] = [...all, { 'search.query': table['search.query'] }];
      // @ts-expect-error: an array of parts proves nothing about coverage.
      expect(() => composeHandlers(...loose)).toThrow('Two handler modules serve search.query; each operation has exactly one.');
    } finally {
      await store.close();
      await cleanup();
    }
  });

  it('a store opened on its own answers the vault honestly: unlocked, and what needs a close and reopen is refused', async () => {
    const { dir, cleanup } = await tempDir();
    const store = await CaseStore.open(path.join(dir, 'data'));
    try {
      const dispatch = createDispatcher(createHandlers(store));
      expect(await dispatch('vault.status', {})).toEqual({ ok: true, value: { encrypted: false, locked: false, idleLockMinutes: 0 } });
      for (const [op, input] of [['vault.lock', {}], ['vault.encrypt', { passphrase: 'correct horse battery' }], ['backups.restore', { name: 'x' }]] as const) {
        expect(await dispatch(op, input)).toEqual({ ok: false, error: { code: 'unsupported', message: `${op} needs the data folder to be closed and reopened, which only the app or the command line can do.` } });
      }
    } finally {
      await store.close();
      await cleanup();
    }
  });

  it('the session serves the same table: the vault from itself, the rest from the store open now, refused while none is', async () => {
    const { dir, cleanup } = await tempDir();
    const session = await Session.start(path.join(dir, 'data'));
    try {
      const handlers: Handlers = session.handlers;
      expect(Object.keys(handlers).sort()).toEqual([...OPERATION_NAMES].sort());
      const dispatch = createDispatcher(handlers);
      expect(await dispatch('cases.list', {})).toEqual({ ok: true, value: [] });
      // A folder that is not encrypted has nothing to lock: the session's own answer, not the store-only refusal.
      expect(await dispatch('vault.lock', {})).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    } finally {
      await session.close();
    }
    // Closed: no store, so every store operation is refused the way a locked folder's are.
    expect(await createDispatcher(session.handlers)('cases.list', {})).toMatchObject({ ok: false, error: { code: 'encrypted' } });
    await cleanup();
  });
});
