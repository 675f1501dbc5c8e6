import path from 'node:path';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft } from '../../../shared/model';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { createServices } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { SearchService } from '../../../electron/services/search/service';
import { SearchHit } from '../../../shared/model/search';
import { cli } from '../../helpers/cli';
import { ngoDraft, prisonerDraft, tempDir } from '../../helpers/fixtures';

// The search index wired to the store: it follows every save, trash and restore
// without a rebuild, and answers through the contract and the command line.

let dir: string;
let cleanup: () => Promise<void>;
let store: CaseStore;
let dispatch: Dispatch;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  store = await CaseStore.open(path.join(dir, 'data'));
  dispatch = createDispatcher(createServices(store).handlers);
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

async function ids(query: string, extra: Record<string, unknown> = {}): Promise<string[]> {
  const r = await dispatch('search.query', { query, ...extra });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.map((h) => h.id);
}

describe('search.query', () => {
  it('finds a case by an alias in the other script, by a charge article and by an annotation', async () => {
    const c = await store.create(
      CaseDraft.parse(
        prisonerDraft({
          person: { name: 'Қасым-Жомарт Тоқаев', aliases: [] },
          charges: [{ article: '174', code: 'Criminal Code' }],
          annotations: [{ body: 'Свидетель видел избиение в изоляторе' }],
        }),
      ),
    );
    await store.create(CaseDraft.parse(ngoDraft()));
    for (const q of ['Tokayev', 'Toqaev', 'Токаев', 'Kassym-Jomart', '174', 'избиение']) expect(await ids(q), q).toEqual([c.id]);
  });

  it('follows edits, trash and restore without a rebuild', async () => {
    const c = await store.create(CaseDraft.parse(prisonerDraft({ summary: 'first wording about Zhanaozen' })));
    expect(await ids('Zhanaozen')).toEqual([c.id]); // builds the index
    await store.update(c.id, 1, CaseDraft.parse(prisonerDraft({ summary: 'second wording about Atyrau' })));
    expect(await ids('Zhanaozen')).toEqual([]);
    expect(await ids('Atyrau')).toEqual([c.id]);
    await store.trash(c.id);
    expect(await ids('Atyrau')).toEqual([]);
    await store.restore(c.id);
    expect(await ids('Atyrau')).toEqual([c.id]);
  });

  it('combines with the list filters', async () => {
    const p = await store.create(CaseDraft.parse(prisonerDraft({ tags: ['Almaty-2022'], summary: 'Almaty' })));
    const n = await store.create(CaseDraft.parse(ngoDraft({ summary: 'Almaty office' })));
    expect((await ids('Almaty')).sort()).toEqual([p.id, n.id].sort());
    expect(await ids('Almaty', { kind: 'ngo_suspension' })).toEqual([n.id]);
    expect(await ids('Almaty', { tag: 'Almaty-2022' })).toEqual([p.id]);
  });

  it('refuses an empty query', async () => {
    expect(await dispatch('search.query', { query: '' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });
});

describe('casefile search', () => {
  it('prints JSON rows with id, title, score, field and snippet', async () => {
    const c = await store.create(CaseDraft.parse(prisonerDraft()));
    await store.close();
    const run = await cli(['--data-dir', path.join(dir, 'data'), 'search', 'Abishev', '--json', '--limit', '5']);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: c.id, title: c.title, field: 'names' });
    expect(rows[0]!.snippet).toContain('Кенжебек Әбішев');
    expect(typeof rows[0]!.score).toBe('number');
    const text = await cli(['--data-dir', path.join(dir, 'data'), 'search', 'Әбішев']);
    expect(text.stdout).toContain('[Әбішев]');
    expect((await cli(['--data-dir', path.join(dir, 'data'), 'search', 'x', '--limit', '0'])).code).toBe(2);
    store = await CaseStore.open(path.join(dir, 'data'));
  });

  it('narrows by priority and tag, as the list does', async () => {
    const urgent = await store.create(CaseDraft.parse(prisonerDraft({ priority: 'urgent', tags: ['blogger'] })));
    await store.create(CaseDraft.parse(prisonerDraft({ priority: 'low', tags: ['blogger'] })));
    await store.close();
    const data = path.join(dir, 'data');
    const found = async (...args: string[]) => (JSON.parse((await cli(['--data-dir', data, 'search', 'Abishev', '--json', ...args])).stdout) as Array<{ id: string }>).map((h) => h.id);
    expect(await found('--priority', 'urgent')).toEqual([urgent.id]);
    expect((await found('--tag', 'blogger')).length).toBe(2);
    expect(await found('--tag', 'nobody')).toEqual([]);
    expect((await cli(['--data-dir', data, 'search', 'x', '--priority', 'soon'])).code).toBe(2);
    expect((await cli(['--data-dir', data, 'search', 'x', '--tag', 'a', '--tag', 'b'])).code).toBe(2);
    store = await CaseStore.open(data);
  });

  it('marks a hit that quotes a confidential annotation, as text and as JSON', async () => {
    const c = await store.create(
      CaseDraft.parse(prisonerDraft({ annotations: [{ body: 'Witness Berik saw the beating in the isolator', confidential: true, tags: [] }] })),
    );
    await store.close();
    const text = await cli(['--data-dir', path.join(dir, 'data'), 'search', 'isolator']);
    expect(text.stdout.split('\n')[0]).toMatch(new RegExp(`^${c.id} {2}.* {2}\\[CONFIDENTIAL\\]$`));
    const rows = JSON.parse((await cli(['--data-dir', path.join(dir, 'data'), 'search', 'isolator', '--json'])).stdout) as Array<Record<string, unknown>>;
    expect(rows).toMatchObject([{ id: c.id, confidential: true }]);
    const plain = JSON.parse((await cli(['--data-dir', path.join(dir, 'data'), 'search', 'Abishev', '--json'])).stdout) as Array<Record<string, unknown>>;
    expect(plain[0]!.confidential).toBeUndefined();
    store = await CaseStore.open(path.join(dir, 'data'));
  });
});

describe('the search index stays true to the files', () => {
  it('follows a case file edited outside the app once the store reads it again', async () => {
    const c = await store.create(CaseDraft.parse(prisonerDraft({ summary: 'Detained in Atyrau.' })));
    expect(await ids('Atyrau')).toEqual([c.id]); // builds the index
    const file = path.join(dir, 'data', 'cases', `${c.id}.json`);
    const edited = { ...JSON.parse(await readFile(file, 'utf8')), summary: 'Moved to a colony in Pavlodar.' };
    await writeFile(file, `${JSON.stringify(edited, null, 2)}\n`);
    await utimes(file, new Date(), new Date(Date.now() + 5000)); // a clock tick the file system surely sees
    expect((await store.get(c.id)).summary).toBe('Moved to a colony in Pavlodar.');
    expect(await ids('Pavlodar')).toEqual([c.id]);
    expect(await ids('Atyrau')).toEqual([]);
  });

  it('tries a failed build again at the next search', async () => {
    const c = await store.create(CaseDraft.parse(prisonerDraft({ summary: 'Zhanaozen strike' })));
    const search = new SearchService(store);
    const all = store.all.bind(store);
    let calls = 0;
    store.all = async function* () {
      if (++calls === 1) throw Object.assign(new Error('disk hiccup'), { code: 'EIO' });
      yield* all();
    };
    await expect(search.query({ query: 'Zhanaozen', limit: 5 })).rejects.toThrow('disk hiccup');
    expect((await search.query({ query: 'Zhanaozen', limit: 5 })).map((h) => h.id)).toEqual([c.id]);
    expect(calls).toBe(2);
  });
});

describe('hits in long fields', () => {
  it('are quoted from the case file, read for the hits only; a confidential note is found and marked as the contract allows', async () => {
    const c = await store.create(
      CaseDraft.parse(prisonerDraft({ annotations: [{ body: 'Informant Dauletov met the investigator twice', confidential: true }], summary: 'Held in Pavlodar colony since spring' })),
    );
    const r = await dispatch('search.query', { query: 'Pavlodar colony' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value[0]).toMatchObject({ id: c.id, field: 'summary', snippet: expect.stringContaining('Pavlodar colony') });
    const hits = await dispatch('search.query', { query: 'Dauletov' });
    if (!hits.ok) throw new Error(hits.error.message);
    expect(hits.value[0]).toMatchObject({ id: c.id, field: 'annotations', snippet: expect.stringContaining('Informant Dauletov') });
    // The contract decides whether the mark travels (SearchHit is strict); the index always makes it.
    if ('confidential' in SearchHit.shape) expect(hits.value[0]).toMatchObject({ confidential: true });
    else expect(hits.value[0]).not.toHaveProperty('confidential');
  });
});
