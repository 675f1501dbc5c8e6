import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CaseDraft } from '../../../shared/model';
import { listSnapshots, readSnapshot } from '../../../electron/services/backup';
import { createDispatcher } from '../../../electron/services/dispatch';
import { Session } from '../../../electron/services/session';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';

// The app's schedule, driven through the Session alone: a snapshot at start
// (after unlocking, for an encrypted folder) and one a day while it runs. The
// daily check is an hourly interval: only setInterval is faked here, so the
// test moves it on by hand while the disk, the store and the snapshot stay real;
// the Session's injected clock says what day it is.

const HOUR = 3_600_000;
const PASS = 'Құпия сөз — the schedule';

let dir: string;
let cleanup: () => Promise<void>;
let warnings: string[];

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('casefile-session-snapshots-'));
  const store = await CaseStore.open(dir);
  await store.create(CaseDraft.parse(prisonerDraft({ title: 'Дело Ғ. — scheduled' })));
  await store.close();
  warnings = [];
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
});
afterEach(async () => {
  vi.useRealTimers();
  await cleanup();
});

/** Waits (real time) until `check` holds: the start snapshot runs in the background after the search index is built. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}; warnings: ${warnings.join('; ')}`);
}

const reasons = async () => (await listSnapshots(dir)).map((s) => s.reason).sort();

describe('scheduled snapshots', () => {
  it('one at start, none more within the day, one once the day has passed', async () => {
    let now = Date.now();
    const session = await Session.start(dir, { background: true, clock: () => now, onWarning: (m) => warnings.push(m) });
    try {
      await until(async () => (await reasons()).includes('start'), 'the start snapshot');
      expect(await reasons()).toEqual(['start']);
      const start = (await listSnapshots(dir))[0]!;
      expect((await readSnapshot(dir, start.name, null)).entries.some((e) => e.path.startsWith('cases/'))).toBe(true);

      // An hour on: the hourly check runs, but the newest scheduled snapshot is not a day old.
      now += HOUR;
      await vi.advanceTimersByTimeAsync(HOUR);
      await new Promise((r) => setTimeout(r, 200));
      expect(await reasons()).toEqual(['start']);

      // A day and an hour after the start snapshot: the next hourly check takes the daily one.
      now = Date.parse(start.createdAt) + 25 * HOUR;
      await vi.advanceTimersByTimeAsync(HOUR);
      // Both were written today by the real clock (it names them), and the rotation keeps the newest of a day. The
      // rotation runs once the daily snapshot is written, so it is waited for too: the start snapshot then goes.
      await until(async () => (await reasons()).join() === 'daily', 'the daily snapshot, and the rotation after it');
      expect(await reasons()).toEqual(['daily']);
      expect(warnings).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('an encrypted folder takes its start snapshot only once unlocked, sealed; a locked session takes none', async () => {
    {
      const s = await Session.start(dir, { scrypt: FAST_KDF });
      expect((await createDispatcher(s.handlers)('vault.encrypt', { passphrase: PASS })).ok).toBe(true);
      await s.close();
    }
    const before = await reasons();
    expect(before).toEqual(['before-encrypt']);
    let now = Date.now();
    const session = await Session.start(dir, { background: true, clock: () => now, onWarning: (m) => warnings.push(m) });
    try {
      expect(session.status().locked).toBe(true);
      // Locked: neither the start nor an hourly check can read the folder, and none tries.
      now += 30 * HOUR;
      await vi.advanceTimersByTimeAsync(HOUR);
      await new Promise((r) => setTimeout(r, 200));
      expect(await reasons()).toEqual(before);
      await session.unlock(PASS);
      await until(async () => (await reasons()).includes('start'), 'the start snapshot after unlocking');
      const start = (await listSnapshots(dir)).find((s) => s.reason === 'start')!;
      await expect(readSnapshot(dir, start.name, null)).rejects.toThrow(/encrypted/);
      expect(warnings).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('the command line (no background) takes none', async () => {
    const session = await Session.start(dir, {});
    try {
      await vi.advanceTimersByTimeAsync(48 * HOUR);
      await new Promise((r) => setTimeout(r, 200));
      expect(await reasons()).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
