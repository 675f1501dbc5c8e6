import { describe, expect, it } from 'vitest';
import { KEEP_BEFORE_CHANGE, KEEP_DAILY, KEEP_WEEKLY, parseSnapshotName, snapshotsToKeep } from '../../../electron/services/backup';
import type { SnapshotInfo, SnapshotReason } from '../../../shared/model';

const stamp = (d: Date) => d.toISOString().replace(/[-:.]/g, '');
function snap(iso: string, reason: SnapshotReason): Pick<SnapshotInfo, 'name' | 'createdAt' | 'reason'> {
  const name = `${stamp(new Date(iso))}--${reason}--3c0t.casefile-snapshot`;
  const parsed = parseSnapshotName(name)!;
  return { name, createdAt: parsed.createdAt, reason: parsed.reason };
}

describe('snapshot names', () => {
  it('carry when, why and how many, and refuse anything else', () => {
    expect(parseSnapshotName('20261122T201556123Z--manual--12c3t.casefile-snapshot')).toEqual({
      name: '20261122T201556123Z--manual--12c3t.casefile-snapshot',
      createdAt: '2026-11-22T20:15:56.123Z',
      reason: 'manual',
      cases: 12,
      trashed: 3,
    });
    expect(parseSnapshotName('20261122T201556123Z--manual--12c3t-2.casefile-snapshot')?.cases).toBe(12);
    for (const bad of ['../20261122T201556123Z--manual--1c0t.casefile-snapshot', '20261122T201556123Z--whim--1c0t.casefile-snapshot', 'notes.txt', '.20261122T201556123Z--manual--1c0t.casefile-snapshot.1.tmp']) {
      expect(parseSnapshotName(bad), bad).toBeNull();
    }
  });
});

describe('rotation', () => {
  it(`keeps the newest of each of the last ${KEEP_DAILY} days, of each of the last ${KEEP_WEEKLY} weeks, and the last ${KEEP_BEFORE_CHANGE} taken before a change`, () => {
    const all: Array<Pick<SnapshotInfo, 'name' | 'createdAt' | 'reason'>> = [];
    // Sixty days of a start snapshot in the morning and a daily one in the evening, 2026-09-24 … 2026-11-22.
    for (let day = 0; day < 60; day++) {
      const d = new Date(Date.UTC(2026, 10, 22 - day));
      const iso = d.toISOString().slice(0, 10);
      all.push(snap(`${iso}T08:00:00.000Z`, 'start'), snap(`${iso}T20:00:00.000Z`, 'daily'));
    }
    for (let k = 0; k < 8; k++) all.push(snap(`2026-10-0${k + 1}T12:00:00.000Z`, k % 2 ? 'before-encrypt' : 'before-restore'));
    const keep = snapshotsToKeep(all);

    const days = ['2026-11-22', '2026-11-21', '2026-11-20', '2026-11-19', '2026-11-18', '2026-11-17', '2026-11-16'];
    for (const day of days) expect(keep.has(snap(`${day}T20:00:00.000Z`, 'daily').name), day).toBe(true);
    for (const day of days) expect(keep.has(snap(`${day}T08:00:00.000Z`, 'start').name), `${day} morning`).toBe(false);
    // 2026-11-16 is a Monday: the week of 11-16..11-22 is kept by its Sunday; the three weeks before by their Sundays.
    for (const sunday of ['2026-11-15', '2026-11-08', '2026-11-01']) expect(keep.has(snap(`${sunday}T20:00:00.000Z`, 'daily').name), sunday).toBe(true);
    expect(keep.has(snap('2026-10-25T20:00:00.000Z', 'daily').name)).toBe(false);
    expect(keep.has(snap('2026-11-14T20:00:00.000Z', 'daily').name)).toBe(false);
    // The five newest before-change snapshots: October 4th to 8th.
    for (let k = 3; k < 8; k++) expect(keep.has(all[120 + k]!.name), all[120 + k]!.name).toBe(true);
    for (let k = 0; k < 3; k++) expect(keep.has(all[120 + k]!.name), all[120 + k]!.name).toBe(false);
    expect(keep.size).toBe(KEEP_DAILY + (KEEP_WEEKLY - 1) + KEEP_BEFORE_CHANGE);
  });

  it('keeps everything while there is little', () => {
    const all = [snap('2026-11-22T08:00:00.000Z', 'start'), snap('2026-11-21T08:00:00.000Z', 'manual'), snap('2026-11-20T08:00:00.000Z', 'before-migration')];
    expect(snapshotsToKeep(all)).toEqual(new Set(all.map((s) => s.name)));
  });
});
