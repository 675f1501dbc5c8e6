import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agendaItems, agendaRows, CaseDraft, CaseFile, summarize, type AgendaItem, type CaseDraftInput } from '../../../shared/model';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { SUMMARY_INDEX_FILE } from '../../../electron/services/disk/folderLayout';
import { fileStateOf } from '../../../electron/services/disk/statFiles';
import { loadSummaryIndex, writeSummaryIndex } from '../../../electron/services/store/summaryIndex';
import { cli } from '../../helpers/cli';
import { ngoDraft, prisonerDraft, tempDir } from '../../helpers/fixtures';

const today = { year: 2026, month: 11, day: 22 };

function prisonerWithAgenda(title = 'Agenda case'): CaseDraftInput {
  return prisonerDraft({
    title,
    deadlines: [
      { id: 'd-done', date: '2026-01-10', title: 'Filed long ago', done: true },
      { id: 'd-over', date: '2026-11-20', title: 'Cassation limit' },
      { id: 'd-month', date: '2026-12', title: 'Report to donor' },
      { id: 'd-today', date: '2026-11-22', title: 'Submit the motion' },
    ],
    events: [
      { id: 'e-past', date: '2026-10-01', type: 'hearing', title: 'First hearing' },
      { id: 'e-next', date: '2026-12-03', type: 'hearing', title: 'Appeal hearing' },
      { id: 'e-nov', date: '2026-11', type: 'hearing', title: 'Hearing some day in November' },
      { id: 'e-arrest', date: '2026-12-05', type: 'arrest', title: 'Not a hearing' },
    ],
    advocacy: [
      { id: 'a-open', target: 'UN WGAD', kind: 'communication', status: 'sent', nextFollowUp: '2026-10' },
      { id: 'a-closed', target: 'OSCE', kind: 'letter', status: 'closed', nextFollowUp: '2026-01-01' },
      { id: 'a-none', target: 'EP', kind: 'letter', status: 'sent' },
    ],
  });
}

describe('agendaItems() keeps the open items for the agenda', () => {
  it('takes deadlines not done, every hearing, and the follow-ups of actions not closed', () => {
    const c = CaseFile.parse({ ...CaseDraft.parse(prisonerWithAgenda()), id: 'c1', rev: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
    expect(agendaItems(c)).toEqual([
      { kind: 'deadline', id: 'd-over', date: '2026-11-20', title: 'Cassation limit' },
      { kind: 'deadline', id: 'd-month', date: '2026-12', title: 'Report to donor' },
      { kind: 'deadline', id: 'd-today', date: '2026-11-22', title: 'Submit the motion' },
      { kind: 'hearing', id: 'e-past', date: '2026-10-01', title: 'First hearing' },
      { kind: 'hearing', id: 'e-next', date: '2026-12-03', title: 'Appeal hearing' },
      { kind: 'hearing', id: 'e-nov', date: '2026-11', title: 'Hearing some day in November' },
      { kind: 'followUp', id: 'a-open', date: '2026-10', title: 'UN WGAD' },
    ]);
  });
});

describe('agendaRows', () => {
  const c = { id: 'c1', title: 'Case one', kind: 'political_prisoner' as const, agenda: [] as AgendaItem[] };

  it('drops past hearings, marks overdue items, counts a partial date to the end of its period, overdue first', () => {
    const full = CaseFile.parse({ ...CaseDraft.parse(prisonerWithAgenda()), id: 'c1', rev: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
    const rows = agendaRows([{ ...summarize(full), agenda: agendaItems(full) }], today);
    expect(rows.map((r) => [r.id, r.dueBy, r.daysLeft, r.overdue, r.mayBeDue])).toEqual([
      ['a-open', '2026-10-31', -22, true, false], // "2026-10" was due by the end of October
      ['d-over', '2026-11-20', -2, true, false],
      ['d-today', '2026-11-22', 0, false, false],
      ['e-nov', '2026-11-30', 8, false, true], // a hearing "in November" may still be ahead — or be today
      ['e-next', '2026-12-03', 11, false, false],
      ['d-month', '2026-12-31', 39, false, false], // "2026-12" is due by the end of December, and December has not begun
    ]);
    expect(rows.every((r) => r.caseId === 'c1' && r.caseTitle === 'Agenda case')).toBe(true);
  });

  it('never calls a hearing overdue, and sorts a precise date before a vague one due the same day', () => {
    const rows = agendaRows(
      [
        {
          ...c,
          agenda: [
            { kind: 'deadline', id: 'x1', date: '2026-12', title: 'Vague' },
            { kind: 'deadline', id: 'x2', date: '2026-12-31', title: 'Precise' },
            { kind: 'hearing', id: 'h', date: '2026-11-21', title: 'Yesterday' },
          ],
        },
      ],
      today,
    );
    expect(rows.map((r) => r.id)).toEqual(['x2', 'x1']);
    // A deadline known only to the year may fall due any day once the year has begun; on its last day it is due today.
    const yearly = (day: typeof today) => agendaRows([{ ...c, agenda: [{ kind: 'deadline', id: 'y', date: '2026', title: 'Annual report' }] }], day)[0]!;
    expect(yearly(today)).toMatchObject({ dueBy: '2026-12-31', mayBeDue: true, overdue: false });
    expect(yearly({ year: 2025, month: 12, day: 31 })).toMatchObject({ mayBeDue: false, overdue: false });
    expect(yearly({ year: 2026, month: 12, day: 31 })).toMatchObject({ daysLeft: 0, mayBeDue: false });
    expect(yearly({ year: 2027, month: 1, day: 1 })).toMatchObject({ overdue: true, mayBeDue: false });
    expect(agendaRows([{ ...c, agenda: [{ kind: 'hearing', id: 'h', date: '2026-11-22', title: 'Today' }] }], today)).toMatchObject([{ id: 'h', daysLeft: 0, overdue: false }]);
  });
});

describe('agenda.list through the store', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let store: CaseStore | undefined;
  let dispatch: Dispatch;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    store = await CaseStore.open(dir);
    dispatch = createDispatcher(createHandlers(store));
  });
  afterEach(async () => {
    await store?.close();
    await cleanup();
  });

  it('lists every case’s open items against the given day, and follows edits', async () => {
    const a = await store!.create(CaseDraft.parse(prisonerWithAgenda('Prisoner A')));
    await store!.create(CaseDraft.parse(ngoDraft({ title: 'NGO B', deadlines: [{ date: '2027', title: 'Annual report' }] })));
    const r = await dispatch('agenda.list', { today: '2026-11-22' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.map((x) => `${x.caseTitle}/${x.title}/${x.overdue}`)).toEqual([
      'Prisoner A/UN WGAD/true',
      'Prisoner A/Cassation limit/true',
      'Prisoner A/Submit the motion/false',
      'Prisoner A/Hearing some day in November/false',
      'Prisoner A/Appeal hearing/false',
      'Prisoner A/Report to donor/false',
      'NGO B/Annual report/false',
    ]);

    // Another day, another verdict on what is overdue; nothing stored changes.
    const later = await dispatch('agenda.list', { today: '2027-01-01' });
    if (!later.ok) throw new Error(later.error.message);
    expect(later.value.filter((x) => x.overdue).map((x) => x.id)).toEqual(['a-open', 'd-over', 'd-today', 'd-month']);
    expect(later.value.some((x) => x.kind === 'hearing')).toBe(false);

    // Marking a deadline done takes it off the agenda.
    const draft = CaseDraft.parse({ ...a, deadlines: a.deadlines.map((d) => (d.id === 'd-over' ? { ...d, done: true } : d)) });
    await store!.update(a.id, a.rev, draft);
    const after = await dispatch('agenda.list', { today: '2026-11-22' });
    expect(after.ok && after.value.map((x) => x.id)).not.toContain('d-over');
  });

  it('refuses a day that is not YYYY-MM-DD, and defaults to the server’s today', async () => {
    const bad = await dispatch('agenda.list', { today: '2026-11' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.code).toBe('bad_input');
    await store!.create(CaseDraft.parse(prisonerDraft({ deadlines: [{ date: '1999-01-01', title: 'Long gone' }] })));
    const r = await dispatch('agenda.list', {});
    expect(r.ok && r.value.map((x) => [x.title, x.overdue])).toEqual([['Long gone', true]]);
  });

  it('keeps the agenda in the summary index: a reopened folder lists the same items without reading a case', async () => {
    const a = await store!.create(CaseDraft.parse(prisonerWithAgenda('Indexed')));
    await store!.close();
    // The index vouches for the file as it is; garble the file keeping its state, and only the index can answer.
    const file = path.join(dir, 'cases', `${a.id}.json`);
    const before = await stat(file);
    await writeFile(file, Buffer.alloc(before.size, 0x20));
    const index = await loadSummaryIndex(path.join(dir, SUMMARY_INDEX_FILE));
    index.cases.set(a.id, { ...index.cases.get(a.id)!, ...fileStateOf(await stat(file)) });
    await writeSummaryIndex(path.join(dir, SUMMARY_INDEX_FILE), index);
    store = await CaseStore.open(dir);
    dispatch = createDispatcher(createHandlers(store));
    const r = await dispatch('agenda.list', { today: '2026-11-22' });
    expect(r.ok && r.value.map((x) => x.id)).toEqual(['a-open', 'd-over', 'd-today', 'e-nov', 'e-next', 'd-month']);
    expect(store.quarantinedNow).toEqual([]);
  });
});

describe('casefile agenda', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
  });
  afterEach(() => cleanup());

  it('prints the rows overdue first, or JSON, and says when there is nothing', async () => {
    const dataDir = path.join(dir, 'data');
    expect((await cli(['--data-dir', dataDir, 'agenda'])).stdout).toBe('Nothing on the agenda: no open deadlines, coming hearings or follow-ups.');
    const s = await CaseStore.open(dataDir);
    const c = await s.create(CaseDraft.parse(prisonerWithAgenda('Prisoner A')));
    await s.close();

    const text = await cli(['--data-dir', dataDir, 'agenda', '--today', '2026-11-22']);
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toMatch(/^DATE\s+DUE BY\s+WHEN\s+KIND\s+CASE\s+WHAT$/);
    expect(lines[1]).toMatch(/^2026-10\s+2026-10-31\s+OVERDUE 22d\s+follow-up\s+Prisoner A \(\S+\)\s+UN WGAD$/);
    expect(lines[2]).toMatch(/^2026-11-20\s+2026-11-20\s+OVERDUE 2d\s+deadline\s+.*Cassation limit$/);
    expect(lines[3]).toMatch(/^2026-11-22\s+2026-11-22\s+today\s+deadline\s+.*Submit the motion$/);
    expect(lines[6]).toMatch(/^2026-12\s+2026-12-31\s+in 39d\s+deadline\s+.*Report to donor$/);
    expect(lines.at(-1)).toBe('6 item(s), 2 overdue.');
    expect(text.stdout).toContain(c.id);

    const json = await cli(['--data-dir', dataDir, 'agenda', '--json', '--today', '2026-11-22']);
    const rows = JSON.parse(json.stdout) as Array<{ id: string; overdue: boolean; caseId: string }>;
    expect(rows.map((r) => r.id)).toEqual(['a-open', 'd-over', 'd-today', 'e-nov', 'e-next', 'd-month']);

    const bad = await cli(['--data-dir', dataDir, 'agenda', '--today', 'tomorrow']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--today must be a day as YYYY-MM-DD');
  });
});

describe('app.sampleBundle', () => {
  it('serves the shipped sample cases, all labelled Sample, and they import', async () => {
    const { dir, cleanup } = await tempDir();
    const store = await CaseStore.open(dir);
    try {
      const dispatch = createDispatcher(createHandlers(store));
      const r = await dispatch('app.sampleBundle', {});
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.cases.length).toBeGreaterThanOrEqual(3);
      for (const c of r.value.cases) {
        expect(c.title).toMatch(/^Sample: /);
        expect(c.summary).toMatch(/SAMPLE CASE — fictional/);
        expect(c.tags).toContain('sample');
      }
      const imported = await dispatch('bundle.import', { bundle: r.value, onConflict: 'keep-both' });
      expect(imported.ok && imported.value.results.map((x) => x.action)).toEqual(r.value.cases.map(() => 'created'));
      expect(store.list()).toHaveLength(r.value.cases.length);
    } finally {
      await store.close();
      await cleanup();
    }
  });
});
