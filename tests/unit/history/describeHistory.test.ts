import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, CaseFile, NgoCase, PrisonerCase } from '../../../shared/model';
import { describeHistory } from '../../../shared/history/describe';
import { FIELDS, fieldKey } from '../../../shared/history/fields';
import { lineText } from '../../../shared/history/phraseText';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { createServices } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { fullPrisonerDraft, tempDir } from '../../helpers/fixtures';
import { LANGS, writer } from './writer';

// The history in sentences, on entries the real store wrote: a case made and
// edited through the services in a temp data folder, its history read back and
// described in English, Russian and Kazakh.

let dir: string;
let cleanup: () => Promise<void>;
let store: CaseStore;
let dispatch: Dispatch;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('casefile-history-words-'));
  store = await CaseStore.open(path.join(dir, 'data'));
  dispatch = createDispatcher(createServices(store).handlers);
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  expect(r.ok, JSON.stringify(r.error)).toBe(true);
  return r.value as T;
}

/** Saves `edit` of the stored case the way the case view does: the whole case, on its revision. */
async function edit<T extends CaseFile>(c: T, change: (draft: T) => void): Promise<T> {
  const draft = structuredClone(c);
  change(draft);
  return ok<T>(dispatch('cases.update', { id: c.id, baseRev: c.rev, case: draft }));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** What a raw log line shows: `events[id=…]`, `person.aliases`, a locale key, JSON. */
const RAW = /\[id=|\b(?:events|sources|decisions|annotations|deadlines|advocacy|requests|person|detention|measure|organization|history|enums)\.[a-zA-Z]|\{\{|["{}[\]]/;

async function historyOf(c: CaseFile): Promise<{ entries: AuditEntry[]; text: Record<(typeof LANGS)[number], string[][]> }> {
  const entries = await ok<AuditEntry[]>(dispatch('cases.history', { id: c.id }));
  const current = await ok<CaseFile>(dispatch('cases.get', { id: c.id }));
  const lines = describeHistory(entries, current);
  const text = Object.fromEntries(LANGS.map((lang) => [lang, lines.map((entry) => entry.map((line) => lineText(line, writer(lang))))])) as Record<(typeof LANGS)[number], string[][]>;
  for (const lang of LANGS) {
    for (const line of text[lang].flat()) {
      expect(line, `${lang}: ${line}`).not.toMatch(UUID);
      expect(line, `${lang}: ${line}`).not.toMatch(RAW);
    }
  }
  return { entries, text };
}

describe('the history in sentences, on a prisoner case saved by the store', () => {
  it('names events, decisions and sources as they were at each revision, in en, ru and kk', async () => {
    let c = await ok<PrisonerCase>(
      dispatch('cases.create', {
        case: {
          kind: 'political_prisoner',
          title: 'Kenzhebek Abishev',
          person: { name: 'Kenzhebek Abishev', aliases: [] },
          sources: [
            { title: 'Court ruling of 12 March', kind: 'court_document', text: 'The court found…' },
            { title: 'Radio Azattyq report', kind: 'article', text: 'Azattyq reported…' },
          ],
        },
      }),
    );
    const [ruling, report] = c.sources;
    c = await edit(c, (d) => {
      d.events.push({ id: undefined as never, type: 'hearing', title: 'Court hears the petition', date: '2021-02', sourceIds: [ruling!.id] });
    });
    // The one edit the issue names: a date made more precise.
    c = await edit(c, (d) => void (d.events[0]!.date = '2021-02-01'));
    c = await edit(c, (d) => {
      d.decisions.push({ id: undefined as never, stage: 'verdict', date: '2021-03-12', body: 'Almaty city court', penalty: { type: 'prison', term: { years: 7 } } });
    });
    c = await edit(c, (d) => void (d.sources = d.sources.filter((s) => s.id !== report!.id)));
    c = await edit(c, (d) => {
      d.decisions[0]!.penalty!.term = { years: 6 };
      d.detention = { ...d.detention, status: 'imprisoned', since: '2021-03-12' };
      d.tags = ['extremism-charge'];
      d.charges.push({ article: '174', code: 'Criminal Code', outcome: 'convicted' });
    });
    // Renamed last: the earlier lines still name the event by the title it had then.
    c = await edit(c, (d) => void (d.events[0]!.title = 'Petition heard in Almaty'));

    const { entries, text } = await historyOf(c);
    expect(entries.map((e) => e.cause)).toEqual(['create', 'update', 'update', 'update', 'update', 'update', 'update']);
    const en = text.en;
    expect(en[0]).toEqual([]); // "Created" is the entry's own heading
    expect(en[1]).toEqual(['Event added: “Court hears the petition”']);
    expect(en[2]).toEqual(['Event “Court hears the petition” — date changed from February 2021 to 1 February 2021']);
    expect(en[3]).toEqual(['Decision added: verdict, prison, 7 years, Almaty city court, 12 March 2021']);
    expect(en[4]).toEqual(['Source removed: “Radio Azattyq report”']);
    expect(en[5]).toEqual([
      'Tags: added “extremism-charge”',
      'Detention — detention status changed from unknown to imprisoned; held since set to 12 March 2021',
      'Charge added: article 174, Criminal Code',
      'Decision (verdict, prison, 6 years, Almaty city court, 12 March 2021) — penalty changed from prison, 7 years to prison, 6 years',
    ]);
    expect(en[6]).toEqual(['Event “Petition heard in Almaty” — what happened changed from “Court hears the petition” to “Petition heard in Almaty”']);

    expect(text.ru[2]).toEqual(['Событие «Court hears the petition» — дата: было февраль 2021 г., стало 1 февраля 2021 г.']);
    expect(text.ru[3]).toEqual(['Добавлено решение: приговор, лишение свободы, 7 лет, Almaty city court, 12 марта 2021 г.']);
    expect(text.ru[4]).toEqual(['Удалён источник: «Radio Azattyq report»']);
    expect(text.kk[2]).toEqual(['«Court hears the petition» оқиғасы — күні: бұрын ақпан 2021 ж., енді 1 ақпан 2021 ж.']);
    expect(text.kk[4]).toEqual(['Дереккөз жойылды: «Radio Azattyq report»']);
    expect(text.kk[5]![1]).toMatch(/^Қамауда ұстау — қамау жағдайы: бұрын .+, енді .+; қашаннан бері ұсталады: 12 наурыз 2021 ж. деп көрсетілді$/);
  });

  it('names an event’s sources by their titles, and an annotation by its passage', async () => {
    let c = await ok<PrisonerCase>(
      dispatch('cases.create', {
        case: {
          kind: 'political_prisoner',
          title: 'Асель Нұрланқызы',
          person: { name: 'Асель Нұрланқызы', aliases: [] },
          sources: [{ title: 'Приговор суда', kind: 'court_document', text: 'Суд признал подсудимую виновной в распространении ложной информации.' }],
          events: [{ type: 'verdict', title: 'Оглашён приговор', date: '2022-05-04' }],
        },
      }),
    );
    const source = c.sources[0]!;
    c = await edit(c, (d) => {
      d.events[0]!.sourceIds = [source.id];
      d.events[0]!.confidential = true;
      d.annotations.push({ id: undefined as never, sourceId: source.id, target: { quote: { exact: 'распространении ложной информации' } }, body: 'Статья 274', tags: [], confidential: false });
      d.person.aliases = ['Assel Nurlankyzy'];
    });
    const { text } = await historyOf(c);
    expect(text.en[1]).toEqual([
      'Event “Оглашён приговор” — sources: added “Приговор суда”; marked confidential',
      'Annotation added: “распространении ложной информации”',
      'Person — other names and spellings: added “Assel Nurlankyzy”',
    ]);
    expect(text.ru[1]![0]).toBe('Событие «Оглашён приговор» — источники, добавлено: «Приговор суда»; отмечено как конфиденциальное');
    expect(text.kk[1]![1]).toBe('Аннотация қосылды: «распространении ложной информации»');
  });
});

describe('every part of the model', () => {
  it('reads a case emptied and filled again without an id, a path or an unnamed field', async () => {
    const full = {
      ...fullPrisonerDraft(),
      arrest: { date: '2019-12-01', place: 'Алматы', by: 'ҰҚК', warrantShown: 'no' as const, reasonsGiven: 'не объяснили' },
      consent: { status: 'given' as const, by: 'жена', date: '2020-01' },
      briefing: { urgentAction: { number: 'UA 12/26', sendBefore: '2026-12-20' }, summaries: { ru: 'Кратко по-русски' } },
      requests: [{ id: 'r1', text: 'Освободить немедленно', addressee: 'Генеральная прокуратура' }],
    };
    const made = await ok<PrisonerCase>(dispatch('cases.create', { case: full }));
    const emptied = await edit(made, (d) => {
      for (const list of ['events', 'sources', 'annotations', 'deadlines', 'advocacy', 'requests', 'decisions', 'charges', 'recognitions', 'tags'] as const) (d[list] as unknown[]) = [];
      d.person = { name: d.person.name, aliases: [], nationality: [] };
      d.detention = { status: 'unknown' };
      d.analysis = { wgadCategories: [], rightsViolated: [] };
      delete d.arrest;
      delete d.consent;
      delete d.briefing;
      delete d.lawyer;
      delete d.region;
      d.summary = '';
    });
    const refilled = await edit(emptied, (d) => Object.assign(d, structuredClone(made), { rev: emptied.rev }));
    const { text } = await historyOf(refilled);
    const ids = /\b(?:ev1|ev2|s1|a1|a2|d1|ad1|dec1|r1)\b/;
    for (const lang of LANGS) {
      for (const line of text[lang].flat()) {
        expect(line, `${lang}: ${line}`).not.toMatch(ids);
        expect(line, `${lang}: ${line}`).not.toMatch(/other details|другие сведения|басқа мәліметтер|\(untitled\)|без названия|атауы жоқ/i);
      }
    }
    const [removed, added] = [text.en[1]!, text.en[2]!];
    for (const kind of ['Event', 'Source', 'Annotation', 'Deadline', 'Advocacy action', 'Request', 'Decision', 'Charge', 'Recognition']) {
      expect(removed.some((l) => l.startsWith(`${kind} removed: `)), `${kind} removed`).toBe(true);
      expect(added.some((l) => l.startsWith(`${kind} added: `)), `${kind} added`).toBe(true);
    }
    for (const part of ['Person — ', 'Arrest — ', 'Detention — ', 'Analysis — ', 'Consent — ', 'Briefs — ']) expect(added.some((l) => l.startsWith(part)), part).toBe(true);
    expect(added).toContain('Advocacy action added: communication to UN WGAD');
    expect(text.kk[2]).toContain('Айып қосылды: бап: 405 part 2, Criminal Code');
    expect(text.ru[1]).toContain('Метки, удалено: «extremism-charge», «Қазақ»');
    expect(added).toContain('Briefs — urgent action number set to “UA 12/26”; send appeals before set to 20 December 2026; summary in Russian set to “Кратко по-русски”');
  });
});

describe('the history in sentences, on an NGO case', () => {
  it('tells the measure and the organisation with their labels', async () => {
    let c = await ok<NgoCase>(
      dispatch('cases.create', {
        case: { kind: 'ngo_suspension', title: 'Бюро', organization: { name: 'Бюро', aliases: [] }, measure: { type: 'suspension', authority: 'Ministry of Justice' } },
      }),
    );
    c = await edit(c, (d) => {
      d.measure.status = 'appealed';
      d.measure.fine = { amount: 2000000, currency: 'KZT' };
      d.organization.members = 40;
      d.status = 'monitoring';
    });
    const { text } = await historyOf(c);
    expect(text.en[1]).toEqual([
      'Status changed from active to monitoring',
      'Organisation — members set to 40',
      'Measure — fine set to 2,000,000\u00a0KZT; measure status changed from in force to appealed',
    ]);
    expect(text.ru[1]).toEqual(['Статус: было в работе, стало мониторинг', 'Организация — число членов: указано 40', 'Мера — штраф: указано 2\u00a0000\u00a0000\u00a0KZT; статус меры: было действует, стало обжалуется']);
    expect(text.kk[1]![2]).toMatch(/^Шара — айыппұл: 2\s000\s000\u00a0KZT деп көрсетілді; шараның күйі: бұрын күшінде, енді шағымдалған$/);
  });
});

describe('the field table', () => {
  it('has a name for every field in en, ru and kk', () => {
    const missing: string[] = [];
    for (const lang of LANGS) {
      const w = writer(lang);
      for (const [part, fields] of Object.entries(FIELDS)) for (const f of Object.keys(fields)) if (!w.exists(fieldKey(part as never, f))) missing.push(`${lang} ${fieldKey(part as never, f)}`);
    }
    expect(missing).toEqual([]);
  });
});
