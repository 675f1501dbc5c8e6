import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { CaseDraft } from '../../../shared/model';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { listSnapshots } from '../../../electron/services/backup';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';

// Snapshots during the day, on a real folder with an injected clock: the first save of
// each hour takes one (after the save, so it holds that save), later saves in the hour
// take none, and the usual rotation (newest of each day) still applies.

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-hourly-')));
afterEach(() => cleanup());

let clock = Date.parse('2026-12-07T09:05:00.000Z');
const at = (iso: string) => (clock = Date.parse(iso));
const open = (hourly = true) => CaseStore.open(dir, { now: () => new Date(clock), ...(hourly ? { hourlySnapshots: {} } : {}) });
const names = async () => (await listSnapshots(dir)).map((s) => `${s.createdAt} ${s.reason} ${s.cases}`);

/** Waits (a bounded number of polls) until the folder holds `n` snapshots. */
async function snapshotsBecome(n: number): Promise<void> {
  for (let i = 0; i < 500 && (await listSnapshots(dir)).length !== n; i++) await sleep(10);
}

describe('snapshots during the day', () => {
  it('takes one after the first save of an hour, none for later saves in it, another after the hour', async () => {
    // Yesterday's snapshot at start: another day, so the rotation keeps it.
    at('2026-12-06T08:00:00.000Z');
    let store = await open();
    await store.backup('start');
    await store.close();

    at('2026-12-07T09:05:00.000Z');
    store = await open();
    const c = await store.create(CaseDraft.parse(prisonerDraft({ title: 'First of the day' })));
    await snapshotsBecome(2);
    // Taken after the save it follows: it already holds the new case.
    expect(await names()).toEqual(['2026-12-07T09:05:00.000Z hourly 1', '2026-12-06T08:00:00.000Z start 0']);

    at('2026-12-07T09:25:00.000Z');
    const c2 = await store.update(c.id, 1, CaseDraft.parse({ ...c, summary: 'Twenty minutes later.' }));
    at('2026-12-07T10:04:59.000Z');
    await store.update(c.id, c2.rev, CaseDraft.parse({ ...c2, summary: 'Just under the hour.' }));
    await store.close(); // waits for any snapshot in flight
    expect(await names()).toEqual(['2026-12-07T09:05:00.000Z hourly 1', '2026-12-06T08:00:00.000Z start 0']);

    // Past the hour: the next save takes another, and the rotation keeps only the newest of the day.
    at('2026-12-07T10:06:00.000Z');
    store = await open();
    const c3 = await store.get(c.id);
    await store.update(c.id, c3.rev, CaseDraft.parse({ ...c3, summary: 'After the hour.' }));
    await store.create(CaseDraft.parse(prisonerDraft({ title: 'Second case' })));
    await store.close();
    expect(await names()).toEqual(['2026-12-07T10:06:00.000Z hourly 1', '2026-12-06T08:00:00.000Z start 0']);
  });

  it('counts a snapshot taken by hand within the hour as fresh', async () => {
    at('2026-12-07T13:00:00.000Z');
    let store = await open();
    await store.backup('manual');
    at('2026-12-07T13:30:00.000Z');
    const c = await store.create(CaseDraft.parse(prisonerDraft({ title: 'After a manual backup' })));
    await store.close(); // waits for the check in flight
    expect(await names()).toEqual(['2026-12-07T13:00:00.000Z manual 0']);
    at('2026-12-07T14:01:00.000Z');
    store = await open();
    await store.update(c.id, 1, CaseDraft.parse({ ...c, summary: 'Next hour.' }));
    await store.close();
    // The rotation keeps the newest of the day: the hourly one replaces the manual one.
    expect(await names()).toEqual(['2026-12-07T14:01:00.000Z hourly 1']);
  });

  it('is off unless asked for (the CLI and scripts take none)', async () => {
    at('2026-12-07T09:00:00.000Z');
    const store = await open(false);
    await store.create(CaseDraft.parse(prisonerDraft({ title: 'No snapshot' })));
    await store.close();
    expect(await names()).toEqual([]);
  });
});
