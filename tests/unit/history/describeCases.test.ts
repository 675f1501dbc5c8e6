import { describe, expect, it } from 'vitest';
import { CaseDraft, type AuditEntry, type CaseFile, type PrisonerCase } from '../../../shared/model';
import { describeHistory } from '../../../shared/history/describe';
import { diffCases } from '../../../electron/services/audit/diff';
import { finalizeCase } from '../../../electron/services/cases/finalize';
import { lineText } from '../../../shared/history/phraseText';
import { LANGS, writer } from './writer';

// The describer on changes the store's own diff (audit/diff) records, for the shapes
// the store test does not reach: a reordered timeline, a part added whole, a charge
// changed in place, a re-anchored annotation; and on a log that does not fit the
// case (a gap, a field from a newer model), which still reads without an id or a path.

const META = { id: 'case-1', rev: 1, createdAt: '2026-01-01T10:00:00.000Z', updatedAt: '2026-01-01T10:00:00.000Z' };
const ID_A = '0b6c3f0e-1111-4a4a-9a9a-000000000001';
const ID_B = '0b6c3f0e-2222-4a4a-9a9a-000000000002';
const ID_S = '0b6c3f0e-3333-4a4a-9a9a-000000000003';
const ID_N = '0b6c3f0e-4444-4a4a-9a9a-000000000004';

function base(): PrisonerCase {
  return finalizeCase(
    CaseDraft.parse({
      kind: 'political_prisoner',
      title: 'Test',
      person: { name: 'Айбек Серікұлы', aliases: [] },
      events: [
        { id: ID_A, type: 'arrest', title: 'Detained at home' },
        { id: ID_B, type: 'hearing', title: 'First hearing' },
      ],
      sources: [{ id: ID_S, title: 'Court record', kind: 'court_document', text: 'The defendant Айбек said he had only posted a poem.' }],
      annotations: [{ id: ID_N, sourceId: ID_S, target: { quote: { exact: 'only posted a poem' }, position: { start: 32, end: 50 } }, body: 'Key', tags: [], confidential: false }],
      charges: [{ article: '174', code: 'Criminal Code', outcome: 'pending' }],
    }),
    META,
  ) as PrisonerCase;
}

/** A log of saves from `first` through each edit, as the store would keep it, and the case at the end. */
function logOf(first: CaseFile, ...edits: Array<(c: PrisonerCase) => void>): { entries: AuditEntry[]; current: CaseFile } {
  const entries: AuditEntry[] = [{ at: META.createdAt, rev: 1, cause: 'create', changes: [] }];
  let c = first;
  for (const edit of edits) {
    const next = structuredClone(c) as PrisonerCase;
    edit(next);
    next.rev = c.rev + 1;
    entries.push({ at: META.updatedAt, rev: next.rev, cause: 'update', changes: diffCases(c, next) });
    c = next;
  }
  return { entries, current: c };
}

const say = (entries: AuditEntry[], current: unknown, lang: (typeof LANGS)[number] = 'en') => describeHistory(entries, current).map((lines) => lines.map((l) => lineText(l, writer(lang))));
const NO_RAW = /[0-9a-f]{8}-[0-9a-f]{4}-|\[id=|\{\{|\bhistory\.|["{}]/;

describe('describing the diff the store records', () => {
  it('tells a reordering, a part added whole, a charge changed in place and an annotation re-anchored', () => {
    const { entries, current } = logOf(
      base(),
      (c) => void c.events.reverse(),
      (c) => void (c.arrest = { date: '2021-02-08', place: 'Almaty', warrantShown: 'no' }),
      (c) => {
        c.charges[0]!.outcome = 'convicted';
        c.recognitions.push({ by: 'Amnesty International', label: 'prisoner_of_conscience', date: '2022' });
      },
      (c) => {
        c.sources[0]!.text = `Transcript. ${c.sources[0]!.text}`;
        c.annotations[0]!.target!.position = { start: 44, end: 62 };
      },
    );
    const en = say(entries, current);
    expect(en[1]).toEqual(['Timeline order changed; now: “First hearing”, “Detained at home”']);
    expect(en[2]).toEqual(['Arrest — date set to 8 February 2021; place set to “Almaty”; warrant shown set to no']);
    expect(en[3]).toEqual(['Charge (article 174, Criminal Code) — outcome changed from pending to convicted', 'Recognition added: prisoner of conscience, by Amnesty International']);
    expect(say(entries, current, 'ru')[3]![1]).toBe('Добавлено признание статуса: узник совести, кем признан(а): Amnesty International');
    expect(say(entries, current, 'kk')[3]![0]).toBe('Айып (174-бап, Criminal Code) — нәтижесі: бұрын қаралуда, енді сотталды');
    expect(en[4]).toEqual([
      'Source “Court record” — text changed from “The defendant Айбек said he had only posted a poem.” to “Transcript. The defendant Айбек said he had only posted a poem.”',
      'Annotation “only posted a poem” — position of the highlighted passage in the source updated',
    ]);
    for (const lang of LANGS) for (const line of say(entries, current, lang).flat()) expect(line, `${lang}: ${line}`).not.toMatch(NO_RAW);
    expect(say(entries, current, 'ru')[2]).toEqual(['Задержание — дата: указано 8 февраля 2021 г.; место: указано «Almaty»; предъявлен ли ордер: указано нет']);
    expect(say(entries, current, 'kk')[1]).toEqual(['Хронология реті өзгертілді; енді: «First hearing», «Detained at home»']);
  });

  it('names a source removed in the same save by the title the log kept, and an event by its title before a later rename', () => {
    const { entries, current } = logOf(
      base(),
      (c) => {
        c.events[0]!.sourceIds = [ID_S];
      },
      (c) => {
        c.sources = [];
        c.annotations = [];
        c.events[0]!.sourceIds = [];
      },
      (c) => void (c.events[0]!.title = 'Detained at night'),
    );
    const en = say(entries, current);
    expect(en[1]).toEqual(['Event “Detained at home” — sources: added “Court record”']);
    expect(en[2]).toEqual([
      'Event “Detained at home” — sources: removed “Court record”',
      'Source removed: “Court record”',
      'Annotation removed: “only posted a poem”',
    ]);
  });

  it('tells a long text by the passage that changed, as the log keeps it', () => {
    const long = `${'Свидетель подтвердил, что задержание было проведено без ордера. '.repeat(4)}Адвокат не был допущен. ${'Суд отклонил ходатайство защиты о вызове эксперта. '.repeat(4)}`;
    const first = base();
    first.sources[0]!.text = long;
    const { entries, current } = logOf(first, (c) => void (c.sources[0]!.text = long.replace('Адвокат не был допущен.', 'Адвокат был допущен только на второй день.')));
    const [line] = say(entries, current, 'ru')[1]!;
    expect(line).toMatch(/^Источник «Court record» — текст: было «….*Адвокат не был допущен\..*…», стало «….*Адвокат был допущен только на второй день\..*…»$/);
  });
});

describe('a log that does not fit the case', () => {
  it('still reads, with "(untitled)" and "other details" instead of ids and paths', () => {
    const current = base();
    const entries: AuditEntry[] = [
      { at: META.createdAt, rev: 1, cause: 'create', changes: [] },
      // An event this case no longer has, and never removed in the log (a gap).
      { at: META.updatedAt, rev: 2, cause: 'update', changes: [{ path: 'events[id=ffffffff-0000-4000-8000-000000000000].date', old: '2020', new: '2020-05' }] },
      // Fields from a newer model, and a path this version cannot read.
      { at: META.updatedAt, rev: 3, cause: 'migrate', changes: [{ path: 'person.pronouns', new: 'she' }, { path: 'futureList[0].x', old: 1, new: 2 }] },
    ];
    const en = say(entries, current);
    expect(en[1]).toEqual(['Event (untitled) — date changed from 2020 to May 2020']);
    expect(en[2]).toEqual(['Person — other details changed', 'Other details of the case changed (see the technical details)']);
    for (const lang of LANGS) for (const line of say(entries, current, lang).flat()) expect(line, `${lang}: ${line}`).not.toMatch(NO_RAW);
    expect(say(entries, current, 'kk')[2]).toEqual(['Тұлға — басқа мәліметтер өзгертілді', 'Істің басқа мәліметтері өзгертілді (техникалық мәліметтерді қараңыз)']);
  });

  it('describes without the case at all (it may be unreadable), from the log alone', () => {
    const { entries } = logOf(base(), (c) => void c.events.push({ id: 'e-3', type: 'release', title: 'Released', date: '2023-01' }));
    expect(say(entries, undefined)[1]).toEqual(['Event added: “Released”']);
  });
});
