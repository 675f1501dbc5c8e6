import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/services/dispatch';
import { Session } from '../../../electron/services/session';
import { forwardEvents, registerContract } from '../../../electron/shell/ipc';
import { CANCEL_CHANNEL, EVENTS_CHANNEL } from '../../../shared/events';
import type { CaseFile } from '../../../shared/model';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { FAST_KDF } from '../../helpers/cryptoFolder';

// The desktop shell's half of events and cancellation, against fakes of Electron's
// objects (the binary cannot run here) and a real session.

type Handler = (event: unknown, ...args: unknown[]) => unknown;
const appFrame = { url: 'app://casefile/index.html', parent: null };

async function withSession(run: (session: Session) => Promise<void>): Promise<void> {
  const { dir, cleanup } = await tempDir();
  const session = await Session.start(path.join(dir, 'data'));
  try {
    await run(session);
  } finally {
    await session.close();
    await cleanup();
  }
}

describe('events to the window', () => {
  it('sends each saved change to the window on the event channel, none once closed or stopped', () =>
    withSession(async (session) => {
      const sent: unknown[][] = [];
      let destroyed = false;
      const stop = forwardEvents(session.events, { isDestroyed: () => destroyed, send: (...args: unknown[]) => void sent.push(args) });
      const dispatch = createDispatcher(session.handlers);
      const created = (await dispatch('cases.create', { case: prisonerDraft() })) as { ok: true; value: CaseFile };
      expect(sent).toEqual([[EVENTS_CHANNEL, { type: 'cases.changed', data: { id: created.value.id, rev: 1, cause: 'create' } }]]);
      destroyed = true;
      await dispatch('cases.trash', { id: created.value.id });
      expect(sent).toHaveLength(1);
      destroyed = false;
      stop();
      await dispatch('cases.restore', { id: created.value.id });
      expect(sent).toHaveLength(1);
    }));
});

describe('the lock', () => {
  it('locking an encrypted folder tells the window folder.locked, after the store has closed', async () => {
    const { dir, cleanup } = await tempDir();
    const session = await Session.start(path.join(dir, 'data'), { scrypt: FAST_KDF });
    try {
      const dispatch = createDispatcher(session.handlers);
      expect((await dispatch('vault.encrypt', { passphrase: 'correct horse battery staple' })).ok).toBe(true);
      const sent: unknown[][] = [];
      forwardEvents(session.events, { isDestroyed: () => false, send: (...args: unknown[]) => void sent.push(args) });
      expect((await dispatch('vault.lock', {})).ok).toBe(true);
      expect(sent).toEqual([[EVENTS_CHANNEL, { type: 'folder.locked', data: {} }]]);
      expect(session.store).toBeNull();
    } finally {
      await session.close();
      await cleanup();
    }
  });
});

describe('cancel over IPC', () => {
  it('a cancel with the call number stops that call of that page only; another frame cannot cancel it', () =>
    withSession(async (session) => {
      const dispatch = createDispatcher(session.handlers);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push(((await dispatch('cases.create', { case: prisonerDraft({ title: `Case ${i}` }) })) as { ok: true; value: CaseFile }).value.id);
      const handlers = new Map<string, Handler>();
      const on = new Map<string, Handler>();
      registerContract({ handle: (c: string, h: Handler) => void handlers.set(c, h), on: (c: string, h: Handler) => void on.set(c, h) } as never, dispatch);
      expect([...on.keys()]).toEqual([CANCEL_CHANNEL]);
      const seen: number[] = [];
      const page = { isDestroyed: () => false, send: (_channel: string, _id: unknown, progress: { done: number }) => {
        seen.push(progress.done);
        // The page cancels once the brief has laid out its first case: first a stranger tries, then the page itself.
        if (progress.done === 1) {
          on.get(CANCEL_CHANNEL)!({ senderFrame: { url: 'https://evil.example/', parent: null }, sender: page }, 5);
          on.get(CANCEL_CHANNEL)!({ senderFrame: appFrame, sender: {} }, 5);
          on.get(CANCEL_CHANNEL)!({ senderFrame: appFrame, sender: page }, 4);
        }
        if (progress.done === 2) on.get(CANCEL_CHANNEL)!({ senderFrame: appFrame, sender: page }, 5);
      } };
      const result = await handlers.get('briefs.render')!({ senderFrame: appFrame, sender: page }, { ids, template: 'multi' }, 5);
      expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      // Only the page's own cancel of call 5 stopped it: the three before it left the render going.
      expect(seen).toEqual([0, 1, 2]);
      // The same call, never cancelled, renders whole.
      const quiet = { isDestroyed: () => false, send: () => undefined };
      expect(await handlers.get('briefs.render')!({ senderFrame: appFrame, sender: quiet }, { ids, template: 'multi' }, 6)).toMatchObject({ ok: true });
    }));
});
