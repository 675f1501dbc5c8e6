import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft, agendaRows, parseIsoDay } from '../../../shared/model';
import { dueNotices } from '../../../electron/services/calendar';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { createHandlers } from '../../../electron/services/handlers';
import { tempDir } from '../../helpers/fixtures';
import { calendarDraft } from './calendarCase';

// The day is always given (an injected clock): what is due depends on nothing else.

const cases = [{ id: 'c1', title: 'Кенжебек Әбішев', kind: 'political_prisoner' as const, agenda: [
  { kind: 'deadline' as const, id: 'd-full', date: '2021-02-22', title: 'Appeal' },
  { kind: 'deadline' as const, id: 'd-month', date: '2021-02', title: 'Reply' },
  { kind: 'hearing' as const, id: 'h', date: '2021-02-23', title: 'Hearing' },
  { kind: 'followUp' as const, id: 'f', date: '2021-02-10', title: 'UN WGAD' },
] }];
const on = (day: string, told: ReadonlySet<string> = new Set()) =>
  dueNotices(agendaRows(cases, parseIsoDay(day)!), day, told, 'en').map((n) => `${n.id}:${n.when}`).sort();

describe('what a notification tells, and when', () => {
  it('tells the day before and the day of, by the last day of a partial date, never overdue items', () => {
    expect(on('2021-02-20')).toEqual([]);
    expect(on('2021-02-21')).toEqual(['d-full:tomorrow']);
    expect(on('2021-02-22')).toEqual(['d-full:today', 'h:tomorrow']);
    expect(on('2021-02-23')).toEqual(['h:today']);
    expect(on('2021-02-27')).toEqual(['d-month:tomorrow']);
    expect(on('2021-02-28')).toEqual(['d-month:today']);
    expect(on('2021-03-01')).toEqual([]);
  });

  it('tells each item once a day: what was told today is not told again', () => {
    const told = new Set(['2021-02-22/c1/d-full']);
    expect(on('2021-02-22', told)).toEqual(['h:tomorrow']);
    expect(on('2021-02-23', told)).toEqual(['h:today']);
  });

  it('names no person and no title: a notification shows on a locked screen', () => {
    const notices = dueNotices(agendaRows(cases, parseIsoDay('2021-02-22')!), '2021-02-22', new Set(), 'kk');
    expect(notices.map((n) => n.title)).toEqual(['Casefile мерзімі', 'Casefile отырысы']);
    expect(notices[0]!.body).toBe('Мерзім — бүгін. Толығырақ Casefile-да.');
    expect(JSON.stringify(notices)).not.toMatch(/Әбішев|Appeal|Hearing/);
  });
});

describe('calendar.due', () => {
  let store: CaseStore;
  let dispatch: Dispatch;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    const t = await tempDir('casefile-due-');
    cleanup = t.cleanup;
    store = await CaseStore.open(t.dir);
    dispatch = createDispatcher(createHandlers(store));
    await store.create(CaseDraft.parse(calendarDraft()));
  });
  afterEach(async () => {
    await store.close();
    await cleanup();
  });
  const due = async (today: string) => {
    const r = await dispatch('calendar.due', { today, lang: 'ru' });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.map((n) => `${n.id}:${n.when}`);
  };

  it('remembers what it told on this machine: asked twice the same day, it tells once', async () => {
    expect(await due('2021-02-24')).toEqual(['hearing-1:tomorrow']);
    expect(await due('2021-02-24')).toEqual([]);
    // Reopened (a restart the same day): still told.
    await store.close();
    store = await CaseStore.open(store.dataDir);
    dispatch = createDispatcher(createHandlers(store));
    expect(await due('2021-02-24')).toEqual([]);
    expect(await due('2021-02-25')).toEqual(['hearing-1:today']);
    expect(await due('2021-03-30')).toEqual(['wgad-reply:tomorrow']);
  });
});
