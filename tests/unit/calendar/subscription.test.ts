import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachCalendarFeed } from '../../../electron/services/calendar';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { Session } from '../../../electron/services/session';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { readIcs } from './readIcs';

let dir: string;
let cleanup: () => Promise<void>;
let session: Session;
let dispatch: Dispatch;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('casefile-subscription-'));
  // As the app opens a folder: the session wires the store's change feed to the calendar.
  session = await Session.start(path.join(dir, 'data'));
  dispatch = createDispatcher(session.handlers);
});
afterEach(async () => {
  await session.close();
  await cleanup();
});

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('the calendar subscription file', () => {
  it('is written when a folder is picked and rewritten after a save that adds a deadline', async () => {
    const out = path.join(dir, 'Calendars');
    await mkdir(out);
    const created = await ok(dispatch('cases.create', { case: prisonerDraft({ deadlines: [{ id: 'appeal', date: '2026-12-20', title: 'Appeal', done: false }] }) }));
    const state = await ok(dispatch('calendar.setSettings', { folder: out, lang: 'ru' }));
    const file = path.join(out, 'casefile-deadlines.ics');
    expect(state).toMatchObject({ folder: out, file, lang: 'ru', withTitles: false });
    expect(readIcs(await readFile(file, 'utf8')).map((e) => [e.start, e.summary])).toEqual([['2026-12-20', 'Срок Casefile']]);

    const { id: _id, rev: _rev, createdAt: _c, updatedAt: _u, ...draft } = created;
    await ok(dispatch('cases.update', { id: created.id, baseRev: created.rev, case: { ...draft, deadlines: [...created.deadlines, { id: 'wgad', date: '2027-01', title: 'WGAD reply', done: false }] } }));
    await attachCalendarFeed(session.store!, () => undefined).settled();
    expect(readIcs(await readFile(file, 'utf8')).map((e) => e.start)).toEqual(['2026-12-20', '2027-01-31']);

    // Kept machine-local, and read back as saved.
    expect(existsSync(path.join(dir, 'data', 'local', 'calendar.json'))).toBe(true);
    expect(await ok(dispatch('calendar.settings', {}))).toMatchObject({ folder: out, file });
  });

  it('refuses a folder that does not exist, naming it, and saves nothing', async () => {
    const missing = path.join(dir, 'nowhere');
    const r = await dispatch('calendar.setSettings', { folder: missing });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('bad_input');
      expect(r.error.message).toContain(missing);
    }
    expect(existsSync(path.join(dir, 'data', 'local', 'calendar.json'))).toBe(false);
    expect(await ok(dispatch('calendar.settings', {}))).not.toHaveProperty('folder');
  });

  it('stops being kept when the folder is cleared (the file stays where it is)', async () => {
    const out = path.join(dir, 'cal');
    await mkdir(out);
    await ok(dispatch('calendar.setSettings', { folder: out }));
    const cleared = await ok(dispatch('calendar.setSettings', { folder: null, notify: false }));
    expect(cleared).not.toHaveProperty('folder');
    expect(cleared.notify).toBe(false);
    const before = await readFile(path.join(out, 'casefile-deadlines.ics'), 'utf8');
    await ok(dispatch('cases.create', { case: prisonerDraft({ deadlines: [{ id: 'x', date: '2026-12-20', title: 'X', done: false }] }) }));
    await attachCalendarFeed(session.store!, () => undefined).settled();
    expect(await readFile(path.join(out, 'casefile-deadlines.ics'), 'utf8')).toBe(before);
  });
});
