import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft, type CaseFile } from '../../../shared/model';
import type { CoreEvent } from '../../../shared/events';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { createDispatcher } from '../../../electron/services/dispatch';
import { Session } from '../../../electron/services/session';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { makeCaseConflict } from '../../helpers/syncConflicts';

// Through the contract and the session, as the window reaches them: the conflict is
// listed, settled, and the window hears `conflicts.changed` (and the case's change).

let root: string;
let cleanup: () => Promise<void>;
let dir: string;
let id: string;

beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir('casefile-conflicts-events-'));
  dir = path.join(root, 'a');
  const store = await CaseStore.open(dir);
  id = (await store.create(CaseDraft.parse(prisonerDraft({ title: 'Событие' })))).id;
  await store.close();
});
afterEach(() => cleanup());

describe('conflicts through the session', () => {
  it('settling a conflict tells the window conflicts.changed with none left, and the case changed', async () => {
    const { file } = await makeCaseConflict(dir, id, { here: (c: CaseFile) => ({ ...c, title: 'A' }), there: (c: CaseFile) => ({ ...c, title: 'B' }) });
    const session = await Session.start(dir);
    try {
      const dispatch = createDispatcher(session.handlers);
      const listed = await dispatch('conflicts.list', {});
      expect(listed).toMatchObject({ ok: true, value: [{ file, caseId: id, title: 'A' }] });
      const heard: CoreEvent[] = [];
      session.events.listen((e) => heard.push(e));
      const refused = await dispatch('conflicts.resolve', { file, keep: 'merge', picks: { 'no.such.field': 'copy' } });
      expect(refused).toMatchObject({ ok: false, error: { code: 'bad_input' } });
      expect(heard).toEqual([]);
      const settled = await dispatch('conflicts.resolve', { file, keep: 'copy' });
      expect(settled).toMatchObject({ ok: true, value: { file, keep: 'copy', caseId: id, rev: 3 } });
      expect(heard).toEqual([
        { type: 'cases.changed', data: { id, rev: 3, cause: 'update' } },
        { type: 'conflicts.changed', data: { count: 0 } },
      ]);
      expect(await dispatch('conflicts.list', {})).toEqual({ ok: true, value: [] });
      expect(await dispatch('cases.get', { id })).toMatchObject({ ok: true, value: { title: 'B', rev: 3 } });
    } finally {
      await session.close();
    }
  });

  it('a snapshot does not keep a conflict copy: restoring one taken before the conflict was settled does not raise it again', async () => {
    const { file } = await makeCaseConflict(dir, id, { here: (c: CaseFile) => ({ ...c, title: 'A' }), there: (c: CaseFile) => ({ ...c, title: 'B' }) });
    const session = await Session.start(dir);
    try {
      const dispatch = createDispatcher(session.handlers);
      const snap = await dispatch('backups.create', {});
      expect(snap.ok).toBe(true);
      expect(await dispatch('conflicts.resolve', { file, keep: 'current' })).toMatchObject({ ok: true });
      const restored = await dispatch('backups.restore', { name: (snap as { ok: true; value: { name: string } }).value.name });
      expect(restored).toMatchObject({ ok: true });
      expect(await dispatch('conflicts.list', {})).toEqual({ ok: true, value: [] });
      expect(await dispatch('cases.get', { id })).toMatchObject({ ok: true, value: { title: 'A', rev: 2 } });
    } finally {
      await session.close();
    }
  });
});
