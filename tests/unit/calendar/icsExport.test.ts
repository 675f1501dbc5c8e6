import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft } from '../../../shared/model';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { createHandlers } from '../../../electron/services/handlers';
import { ngoDraft, tempDir } from '../../helpers/fixtures';
import { calendarDraft } from './calendarCase';
import { readIcs } from './readIcs';

let cleanup: () => Promise<void>;
let store: CaseStore;
let dispatch: Dispatch;
let caseId: string;

beforeEach(async () => {
  const t = await tempDir('casefile-calendar-');
  cleanup = t.cleanup;
  store = await CaseStore.open(t.dir);
  dispatch = createDispatcher(createHandlers(store));
  caseId = (await store.create(CaseDraft.parse(calendarDraft()))).id;
  await store.create(CaseDraft.parse(ngoDraft({ deadlines: [{ id: 'ngo-appeal', date: '2021-06-30', title: 'Appeal the suspension', done: false }] })));
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

async function exported(input: Record<string, unknown>) {
  const r = await dispatch('calendar.export', input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('calendar.export', () => {
  it('writes every open item as an all-day event on its last possible day, with a note for partial dates', async () => {
    const { ics, events } = await exported({ caseId });
    const read = readIcs(ics);
    expect(events).toBe(6);
    expect(read.map((e) => e.start)).toEqual(['2021-02-22', '2021-02-25', '2021-03-31', '2021-04-01', '2021-05-15', '2021-12-31']);
    expect(read.every((e) => e.allDay)).toBe(true);
    const byStart = Object.fromEntries(read.map((e) => [e.start, e]));
    expect(byStart['2021-03-31']!.description).toContain('known only to the month (2021-03)');
    expect(byStart['2021-12-31']!.description).toContain('known only to the year (2021)');
    expect(byStart['2021-02-22']!.description).not.toContain('known only');
  });

  it('titles every item neutrally by default: no person, case or item title anywhere in the file', async () => {
    const { ics } = await exported({});
    const read = readIcs(ics);
    expect(new Set(read.map((e) => e.summary))).toEqual(new Set(['Casefile deadline', 'Casefile hearing', 'Casefile follow-up']));
    for (const word of ['Әбішев', 'Abishev', 'Кенжебек', 'Nurlanov', 'Serik', 'Appeal', 'Almaty', 'WGAD', 'Government', 'бюро', 'suspension', caseId]) {
      expect(ics.toLowerCase(), word).not.toContain(word.toLowerCase());
    }
  });

  it('with titles names items and cases, but an item marked confidential stays neutral', async () => {
    const read = readIcs((await exported({ caseId, withTitles: true })).ics);
    const summaries = read.map((e) => e.summary);
    expect(summaries).toContain('Deadline: Appeal against Әбішев verdict');
    expect(summaries).toContain('Hearing: Hearing at Almaty city court');
    expect(summaries).toContain('Follow-up: UN WGAD');
    const secret = read.find((e) => e.start === '2021-04-01')!;
    expect(secret.summary).toBe('Casefile deadline');
    expect(secret.description).not.toContain('Әбішев');
    expect(read.find((e) => e.start === '2021-02-22')!.description).toContain('Case: Кенжебек Әбішев — test case');
    expect(JSON.stringify(read)).not.toContain('Nurlanov');
  });

  it('keeps each event’s UID across exports, whatever the titles or language, so a calendar app updates it', async () => {
    const first = readIcs((await exported({})).ics);
    const again = readIcs((await exported({ withTitles: true, lang: 'kk' })).ics);
    expect(first.map((e) => e.uid)).toEqual(again.map((e) => e.uid));
    expect(new Set(first.map((e) => e.uid)).size).toBe(first.length);
  });

  it('speaks the language asked', async () => {
    const ru = readIcs((await exported({ caseId, lang: 'ru' })).ics);
    expect(ru.find((e) => e.start === '2021-02-22')!.summary).toBe('Срок Casefile');
    expect(ru.find((e) => e.start === '2021-03-31')!.description).toContain('с точностью до месяца');
    const kk = readIcs((await exported({ caseId, lang: 'kk' })).ics);
    expect(kk.find((e) => e.start === '2021-02-25')!.summary).toBe('Casefile отырысы');
  });

  it('refuses an unknown case by name', async () => {
    const r = await dispatch('calendar.export', { caseId: 'no-such-case' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'not_found' });
  });
});
