import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { OPERATION_NAMES } from '../../../shared/operations';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { createHandlers, type Handlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';

let store: CaseStore;
let dispatch: Dispatch;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  const t = await tempDir();
  cleanup = t.cleanup;
  store = await CaseStore.open(t.dir);
  dispatch = createDispatcher(createHandlers(store));
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

describe('the contract', () => {
  it('names exactly the operations the preload exposes', () => {
    expect(Object.keys(contract).sort()).toEqual([...OPERATION_NAMES].sort());
  });
});

describe('the dispatcher', () => {
  it('validates input and returns typed results, never throwing', async () => {
    const created = await dispatch('cases.create', { case: prisonerDraft() });
    expect(created.ok).toBe(true);
    const bad = await dispatch('cases.create', { case: { ...prisonerDraft(), priority: 'mega' } });
    expect(bad).toEqual({
      ok: false,
      error: { code: 'bad_input', message: expect.stringContaining('nothing was changed'), issues: [{ path: ['case', 'priority'], message: expect.stringContaining('expected one of') }] },
    });
    expect(await dispatch('cases.get', 42)).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await dispatch('nope.op' as never, {})).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });

  it('turns a stale rev into a conflict that carries the version on disk', async () => {
    const r = await dispatch('cases.create', { case: prisonerDraft() });
    if (!r.ok) throw new Error(r.error.message);
    await dispatch('cases.update', { id: r.value.id, baseRev: 1, case: { ...prisonerDraft(), summary: 'first' } });
    const stale = await dispatch('cases.update', { id: r.value.id, baseRev: 1, case: { ...prisonerDraft(), summary: 'second' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', current: { rev: 2, summary: 'first' } } });
  });

  it('refuses output that breaks the contract, as an internal error', async () => {
    const broken: Handlers = { ...createHandlers(store), 'cases.list': () => [{ id: 'x' }] as never };
    const errors: string[] = [];
    const d = createDispatcher(broken, { onInternalError: (op) => errors.push(op) });
    expect(await d('cases.list', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(errors).toEqual(['cases.list']);
  });

  it('reports an unexpected exception as an internal error with its message', async () => {
    const broken: Handlers = {
      ...createHandlers(store),
      'app.info': () => {
        throw new TypeError('boom');
      },
    };
    expect(await createDispatcher(broken)('app.info', {})).toEqual({ ok: false, error: { code: 'internal', message: 'app.info failed unexpectedly: boom' } });
  });

  it('accepts a missing input for operations that take none', async () => {
    expect(await dispatch('app.info', undefined)).toMatchObject({ ok: true, value: { name: 'Casefile', caseCount: 0 } });
    expect(await dispatch('cases.list', undefined)).toEqual({ ok: true, value: [] });
  });
});
