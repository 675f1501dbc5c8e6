import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft, type CaseFile } from '../../../shared/model';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { cli } from '../../helpers/cli';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';

const TEXT = 'Суд Алматы вынес приговор. Блогер Айбек Серікұлы был задержан 14 января 2022 года у себя дома. Адвокат обжаловал решение.';
const QUOTE = 'задержан 14 января 2022 года';

let dir: string;
let cleanup: () => Promise<void>;
let store: CaseStore;
let dispatch: Dispatch;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  store = await CaseStore.open(path.join(dir, 'data'));
  dispatch = createDispatcher(createHandlers(store));
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

const withText = (text: string, annotations: unknown[]) =>
  CaseDraft.parse(prisonerDraft({ sources: [{ id: 's1', title: 'Статья', kind: 'article', text }], annotations: annotations as never }));
const editable = (c: CaseFile) => {
  const { id: _i, rev: _r, createdAt: _c, updatedAt: _u, ...rest } = c;
  return rest;
};

describe('annotations follow their source text', () => {
  it('a quote-only annotation (as imported) gains its position on save', async () => {
    const c = await store.create(withText(TEXT, [{ id: 'a1', sourceId: 's1', target: { quote: { exact: QUOTE } }, body: 'Дата ареста' }]));
    const target = c.annotations[0]!.target!;
    expect(TEXT.slice(target.position!.start, target.position!.end)).toBe(QUOTE);
    expect(target.quote.prefix).toBe(TEXT.slice(target.position!.start - 32, target.position!.start));
  });

  it('an edit above the quote moves its position onto the same words', async () => {
    const c = await store.create(withText(TEXT, [{ id: 'a1', sourceId: 's1', target: { quote: { exact: QUOTE } }, body: 'Дата ареста' }]));
    const edited = `ДОПОЛНЕНИЕ: новый абзац сверху.\n\n${TEXT}`;
    const next = await store.update(c.id, 1, CaseDraft.parse({ ...editable(c), sources: [{ ...c.sources[0]!, text: edited }] }));
    const { start, end } = next.annotations[0]!.target!.position!;
    expect(edited.slice(start, end)).toBe(QUOTE);
    expect(next.sources[0]!.sha256).not.toBe(c.sources[0]!.sha256);
    const states = await dispatch('annotations.list', { id: c.id });
    expect(states).toMatchObject({ ok: true, value: [{ id: 'a1', status: 'anchored', start, end, quote: QUOTE }] });
  });

  it('deleting the quoted words orphans the annotation and keeps it exactly as it was', async () => {
    const c = await store.create(withText(TEXT, [
      { id: 'a1', sourceId: 's1', target: { quote: { exact: QUOTE } }, body: 'Дата ареста', tags: ['arrest'] },
      { id: 'n1', body: 'A note on the case' },
    ]));
    const before = c.annotations[0]!;
    const edited = TEXT.replace(' был задержан 14 января 2022 года у себя дома.', '.');
    const next = await store.update(c.id, 1, CaseDraft.parse({ ...editable(c), sources: [{ ...c.sources[0]!, text: edited }] }));
    expect(next.annotations[0]).toEqual(before); // not moved, not dropped
    const states = await dispatch('annotations.list', { id: c.id });
    expect(states.ok && states.value.map((s) => s.status)).toEqual(['orphaned', 'note']);
  });

  it('a typo fixed inside the quote leaves the annotated words on disk and lists the annotation as changed', async () => {
    const typo = TEXT.replace('задержан', 'задержон');
    const c = await store.create(withText(typo, [{ id: 'a1', sourceId: 's1', target: { quote: { exact: 'задержон 14 января 2022 года' } }, body: 'Дата ареста' }]));
    const quote = c.annotations[0]!.target!.quote;
    const next = await store.update(c.id, 1, CaseDraft.parse({ ...editable(c), sources: [{ ...c.sources[0]!, text: TEXT }] }));
    expect(next.annotations[0]!.target!.quote).toEqual(quote);
    expect(next.annotations[0]!.target!.position).toEqual({ start: TEXT.indexOf(QUOTE), end: TEXT.indexOf(QUOTE) + QUOTE.length });
    const states = await dispatch('annotations.list', { id: c.id });
    expect(states).toMatchObject({ ok: true, value: [{ id: 'a1', status: 'changed', quote: 'задержон 14 января 2022 года', currentText: QUOTE }] });
    // Accepting the new wording is an ordinary update of the target, after which it is anchored.
    const at = TEXT.indexOf(QUOTE);
    const accepted = await store.update(c.id, 2, CaseDraft.parse({
      ...editable(next),
      annotations: [{ ...next.annotations[0]!, target: { quote: { exact: QUOTE }, position: { start: at, end: at + QUOTE.length } } }],
    }));
    expect(accepted.annotations[0]!.target!.quote.exact).toBe(QUOTE);
    expect(await dispatch('annotations.list', { id: c.id })).toMatchObject({ ok: true, value: [{ id: 'a1', status: 'anchored' }] });
  });

  it('casefile annotations lists a changed annotation with its status and the words annotated', async () => {
    const typo = TEXT.replace('задержан', 'задержон');
    const c = await store.create(withText(typo, [{ id: 'a1', sourceId: 's1', target: { quote: { exact: 'задержон 14 января 2022 года' } }, body: 'Дата ареста' }]));
    await store.update(c.id, 1, CaseDraft.parse({ ...editable(c), sources: [{ ...c.sources[0]!, text: TEXT }] }));
    await store.close();
    const run = await cli(['--data-dir', path.join(dir, 'data'), 'annotations', c.id]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`a1  changed in "Статья" at ${TEXT.indexOf(QUOTE)}–${TEXT.indexOf(QUOTE) + QUOTE.length}`);
    expect(run.stdout).toContain('“задержон 14 января 2022 года”');
    expect(run.stdout).toContain(`    now “${QUOTE}”`);
    expect(run.stdout).toContain('1 annotation(s): 1 changed.');
    const json = JSON.parse((await cli(['--data-dir', path.join(dir, 'data'), 'annotations', c.id, '--json'])).stdout) as Array<{ status: string; quote: string; currentText: string }>;
    expect(json).toMatchObject([{ status: 'changed', quote: 'задержон 14 января 2022 года', currentText: QUOTE }]);
    store = await CaseStore.open(path.join(dir, 'data'));
  });

  it('a changed date orphans the annotation and says the numbers changed', async () => {
    const c = await store.create(withText(TEXT, [{ id: 'a1', sourceId: 's1', target: { quote: { exact: QUOTE } }, body: 'Дата ареста' }]));
    const next = await store.update(c.id, 1, CaseDraft.parse({ ...editable(c), sources: [{ ...c.sources[0]!, text: TEXT.replace('2022', '2023') }] }));
    expect(next.annotations[0]!.target!.quote.exact).toBe(QUOTE);
    const states = await dispatch('annotations.list', { id: c.id });
    expect(states).toMatchObject({ ok: true, value: [{ id: 'a1', status: 'orphaned', cause: 'numbers' }] });
    expect(states.ok && states.value[0]!.reason).toContain('2022 → 14, 2023');
  });

  it('casefile annotations lists each status and quote', async () => {
    const c = await store.create(withText(TEXT, [
      { id: 'a1', sourceId: 's1', target: { quote: { exact: QUOTE } }, body: 'Дата ареста' },
      { id: 'a2', sourceId: 's1', target: { quote: { exact: 'этих слов нет в тексте вовсе' } }, body: 'lost', confidential: true },
    ]));
    await store.close();
    const run = await cli(['--data-dir', path.join(dir, 'data'), 'annotations', c.id]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('a1  anchored in "Статья" at');
    expect(run.stdout).toContain(`“${QUOTE}”`);
    expect(run.stdout).toContain('a2  orphaned in "Статья" [confidential]');
    expect(run.stdout).toContain('2 annotation(s): 1 anchored, 1 orphaned.');
    const json = JSON.parse((await cli(['--data-dir', path.join(dir, 'data'), 'annotations', c.id, '--json'])).stdout) as Array<{ id: string; status: string; quote: string }>;
    expect(json.map((a) => [a.id, a.status, a.quote])).toEqual([
      ['a1', 'anchored', QUOTE],
      ['a2', 'orphaned', 'этих слов нет в тексте вовсе'],
    ]);
    store = await CaseStore.open(path.join(dir, 'data'));
  });
});

describe('sources.extract', () => {
  it('extracts an uploaded HTML file’s text without its scripts', async () => {
    const html = '<html><head><title>Приговор</title><script>alert("x")</script></head><body><h1>Суд</h1><p>Текст &laquo;решения&raquo; по статье 174.</p></body></html>';
    const r = await dispatch('sources.extract', { fileName: 'verdict.html', dataBase64: Buffer.from(html).toString('base64') });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.format).toBe('html');
    expect(r.value.title).toBe('Приговор');
    expect(r.value.text).toContain('Текст «решения» по статье 174.');
    expect(r.value.text).not.toContain('alert');
  });

  it('refuses what is not base64 and says which formats it reads', async () => {
    expect(await dispatch('sources.extract', { fileName: 'a.txt', dataBase64: 'not base64!' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    const r = await dispatch('sources.extract', { fileName: 'a.exe', dataBase64: Buffer.from('MZ').toString('base64') });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });
});
