import { writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { recurringBodies } from '../../../electron/services/briefs/templates/parts/recurringBodies';
import { EMPTY_CURATION } from '../../../electron/services/people';
import type { BriefMode, BriefLang } from '../../../shared/model/brief';
import type { CaseDraftInput, CaseFile } from '../../../shared/model';
import { ActorSummary } from '../../../shared/people';
import { tempDir } from '../../helpers/fixtures';
import { outPath, pdftotext, squash } from '../briefs/pdfTools';

// The briefs' use of the people index: the NGO brief's pattern finds a case whose authority
// is spelt otherwise (another script, or a merge by hand), and the multi-case brief names
// the bodies that recur across its cases — never from a confidential field outside internal mode.

let dir: string;
let cleanup: () => Promise<void>;
let store: CaseStore;
let dispatch: Dispatch;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('casefile-people-briefs-'));
  store = await CaseStore.open(dir);
  dispatch = createDispatcher(createHandlers(store));
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

async function create(draft: CaseDraftInput): Promise<CaseFile> {
  const r = await dispatch('cases.create', { case: draft });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Renders through briefs.render and reads the PDF back as text, in content order. */
async function briefText(ids: string[], template: 'ngo' | 'multi', mode: BriefMode, name: string, lang: BriefLang = 'en'): Promise<string> {
  const r = await dispatch('briefs.render', { ids, template, mode, lang });
  if (!r.ok) throw new Error(r.error.message);
  const file = outPath(name);
  await writeFile(file, Buffer.from(r.value.dataBase64, 'base64'));
  return squash(pdftotext(file));
}

async function actor(query: { role: 'authority' | 'arresting_agency' | 'court'; text: string }): Promise<ActorSummary> {
  const r = await dispatch('people.list', query);
  if (!r.ok) throw new Error(r.error.message);
  expect(r.value, query.text).toHaveLength(1);
  return r.value[0]!;
}

const ngo = (name: string, authority: string): CaseDraftInput => ({ kind: 'ngo_suspension', title: `${name} suspended`, country: 'KZ', organization: { name, aliases: [] }, measure: { type: 'suspension', authority, start: '2024-03', status: 'in_force' } });

describe('the NGO brief’s pattern', () => {
  it('finds the same authority spelt in another script, and one merged by hand, never an unrelated one', async () => {
    const subject = await create(ngo('Ақпарат бюросы', 'Әділет министрлігі'));
    await create(ngo('Adilet Watch', 'Adilet ministrligi'));
    await create(ngo('Justice Monitor', 'Ministry of Justice'));
    await create(ngo('City Garden Club', 'Akimat of Almaty'));

    const before = await briefText([subject.id], 'ngo', 'public', 'people-ngo-pattern-before.pdf');
    expect(before).toContain('Adilet Watch suspended');
    expect(before).toMatch(/Adilet ministrligi \(same authority\)/);
    expect(before).not.toContain('Justice Monitor');
    expect(before).not.toContain('City Garden Club');

    const merged = await dispatch('people.merge', { keys: [(await actor({ role: 'authority', text: 'Әділет' })).key, (await actor({ role: 'authority', text: 'Ministry of Justice' })).key] });
    expect(merged.ok).toBe(true);
    const after = await briefText([subject.id], 'ngo', 'public', 'people-ngo-pattern-after.pdf');
    expect(after).toContain('Adilet Watch suspended');
    expect(after).toMatch(/Ministry of Justice \(same authority\)/);
    expect(after).not.toContain('City Garden Club');
  });

  it('reads only the cases of the pattern, not every NGO case (the facts index picks them)', async () => {
    const subject = await create({ ...ngo('Ақпарат бюросы', 'Әділет министрлігі'), tags: ['registration'] });
    const sameAuthority = await create(ngo('Adilet Watch', 'Adilet ministrligi'));
    const sameTag = await create({ ...ngo('Steppe Voices', 'Akimat of Astana'), tags: ['registration'] });
    const unrelated = await create(ngo('City Garden Club', 'Akimat of Almaty'));
    // The facts index as the folder keeps it (built once, then kept in step): built here by the People view's list.
    expect((await dispatch('people.list', {})).ok).toBe(true);
    const read: string[] = [];
    const get = store.get.bind(store);
    store.get = (id: string) => {
      read.push(id);
      return get(id);
    };
    // Internal: a tag is a working label, so a case related by a tag alone shows only in the team's copy.
    const text = await briefText([subject.id], 'ngo', 'internal', 'people-ngo-pattern-reads.pdf');
    expect(text).toContain('Adilet Watch suspended');
    expect(text).toContain('Steppe Voices suspended');
    expect(text).not.toContain('City Garden Club');
    expect(read).toContain(sameAuthority.id);
    expect(read).toContain(sameTag.id);
    expect(read).not.toContain(unrelated.id);
    // Outside the team's copy a tag relates nothing, so a case sharing only a tag is not even read.
    read.length = 0;
    const outside = await briefText([subject.id], 'ngo', 'public', 'people-ngo-pattern-reads-public.pdf');
    expect(outside).toContain('Adilet Watch suspended');
    expect(outside).not.toContain('Steppe Voices');
    expect(read).toContain(sameAuthority.id);
    expect(read).not.toContain(sameTag.id);
  });
});

describe('the multi-case brief’s bodies that recur', () => {
  async function seed(): Promise<CaseFile[]> {
    const base = { kind: 'political_prisoner' as const, country: 'KZ', detention: { status: 'imprisoned' as const, since: '2022-01' } };
    return [
      await create({ ...base, title: 'Асель case', person: { name: 'Асель', aliases: [] }, lawyer: 'Жанна Садыкова', arrest: { by: 'КНБ' }, decisions: [
        { stage: 'verdict', date: '2022-09', body: 'Медеу аудандық соты', penalty: { type: 'prison', term: { years: 5 } } },
        { stage: 'appeal', date: '2022-12', body: 'Алматы қалалық соты', confidential: true },
      ] }),
      await create({ ...base, title: 'Bolat case', person: { name: 'Bolat', aliases: [] }, lawyer: 'Жанна Садыкова', arrest: { by: 'Комитет национальной безопасности' }, decisions: [
        { stage: 'verdict', date: '2023-02', body: 'Medeu audandyk soty' },
        { stage: 'appeal', date: '2023-05', body: 'Алматы қалалық соты', confidential: true },
      ] }),
      await create({ ...base, title: 'Daulet case', person: { name: 'Daulet', aliases: [] }, decisions: [{ stage: 'verdict', date: '2023-04', body: 'Specialised Inter-District Criminal Court' }] }),
    ];
  }

  it('counts the bodies named in two or more cases, and a confidential one only in internal mode', async () => {
    const cases = await seed();
    const names = (mode: BriefMode) => recurringBodies({ mode, people: EMPTY_CURATION }, cases).map((b) => `${b.name}: ${b.nos.join(',')}`);
    expect(names('public')).toEqual(['Медеу аудандық соты: 1,2']);
    expect(names('submission')).toEqual(['Медеу аудандық соты: 1,2']);
    expect(names('internal')).toEqual(['Медеу аудандық соты: 1,2', 'Алматы қалалық соты: 1,2']);
  });

  it('prints them in the brief with their counts, through the team’s merges, and no confidential body or the lawyer in public', async () => {
    const cases = await seed();
    const ids = cases.map((c) => c.id);
    const merged = await dispatch('people.merge', { keys: [(await actor({ role: 'arresting_agency', text: 'КНБ' })).key, (await actor({ role: 'arresting_agency', text: 'Комитет' })).key], name: 'КНБ (Комитет национальной безопасности)' });
    expect(merged.ok).toBe(true);

    const pub = await briefText(ids, 'multi', 'public', 'people-multi-public.pdf');
    expect(pub).toContain('Bodies that recur across these cases');
    expect(pub).toMatch(/Медеу аудандық соты \(also written: Medeu audandyk soty\) court 2 \(nos\. 1, 2\)/);
    expect(pub).toMatch(/КНБ \(Комитет национальной безопасности\) \(also written: КНБ; Комитет национальной безопасности\) arresting agency 2 \(nos\. 1, 2\)/);
    expect(pub).not.toContain('Specialised Inter-District');
    expect(pub).not.toContain('қалалық');
    expect(pub).not.toContain('Садыкова');

    const internal = await briefText(ids, 'multi', 'internal', 'people-multi-internal.pdf');
    expect(internal).toMatch(/Алматы қалалық соты court 2 \(nos\. 1, 2\)/);

    const ru = await briefText(ids, 'multi', 'public', 'people-multi-public-ru.pdf', 'ru');
    expect(ru).toContain('Органы, повторяющиеся в этих делах');
    expect(ru).toMatch(/Медеу аудандық соты \(также пишется: Medeu audandyk soty\) суд 2/);
    const kk = await briefText(ids, 'multi', 'public', 'people-multi-public-kk.pdf', 'kk');
    expect(kk).toContain('Осы істерде қайталанатын органдар');
    expect(kk).toMatch(/ұстауды жүзеге асырған орган 2/);
  });
});
