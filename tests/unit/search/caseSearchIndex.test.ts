import { describe, expect, it } from 'vitest';
import { CaseSearchIndex } from '../../../electron/services/search';
import type { CaseFile } from '../../../shared/model';
import { SearchHit } from '../../../shared/model/search';
import { makeCase, ngo, prisoner } from './cases';

const highlighted = (hit: SearchHit) => hit.highlights.map(([a, b]) => hit.snippet.slice(a, b));
const ids = (hits: SearchHit[]) => hits.map((h) => h.id);

function corpus(): CaseFile[] {
  return [
    makeCase({
      kind: 'political_prisoner',
      title: 'The Tokayev letter case',
      summary: 'An activist detained after an open letter to the president.',
      person: { name: 'Kassym-Jomart Tokayev', aliases: ['Қасым-Жомарт Тоқаев'] },
      charges: [{ article: '174', code: 'Criminal Code of the Republic of Kazakhstan', summary: 'inciting social discord' }],
    }, 'tokayev'),
    makeCase({
      kind: 'political_prisoner',
      title: 'Blogger held in Almaty',
      person: { name: 'Aibek Serikuly', aliases: ['Айбек Серікұлы'] },
      charges: [{ article: '274 part 2', code: 'Criminal Code', summary: 'false information' }],
      sources: [{
        id: 'src-1', title: 'Блогер задержан в Алматы', kind: 'article',
        text: 'Блогер Айбек Серікұлы был задержан 14 января 2022 года у себя дома. Ему предъявлено обвинение по статье 274.',
      }],
      annotations: [{
        sourceId: 'src-1', body: 'Date of arrest confirmed by the press secretary of the police.',
        target: { quote: { exact: 'задержан 14 января 2022 года' } },
      }],
    }, 'serikuly'),
    makeCase({
      kind: 'political_prisoner',
      title: 'Гүлнар Әбдірахманова — extremism charge',
      person: { name: 'Гүлнар Әбдірахманова', aliases: ['Gulnar Abdirakhmanova'] },
      charges: [{ article: '405 part 2', code: 'Criminal Code' }],
      events: [{ date: '2019-05-02', type: 'verdict', title: 'Sentenced to seven years', description: 'The court in Шымкент ignored the defence.' }],
    }, 'abdirakhmanova'),
    ngo('Kazakhstan International Bureau for Human Rights', {
      organization: { name: 'Kazakhstan International Bureau for Human Rights', aliases: ['KIBHR', 'KMBPCh', 'Казахстанское международное бюро по правам человека и соблюдению законности'] },
      measure: { type: 'suspension', authority: 'Ministry of Justice', legalBasis: 'Article 489 of the Code of Administrative Offences' },
    }, 'kibhr'),
  ];
}

describe('CaseSearchIndex: finding a case', () => {
  const index = CaseSearchIndex.build(corpus());

  it('counts the cases it holds', () => {
    expect(index.size).toBe(4);
  });

  it.each(['Тоқаев', 'Токаев', 'Toqaev', 'Tokaev', 'Tokayev'])('finds Tokayev written %s', (q) => {
    expect(ids(index.search(q))[0]).toBe('tokayev');
  });

  it('finds a case by an alias in the other script, and says the names matched', () => {
    const [hit] = index.search('Әбдірахманова');
    expect(hit?.id).toBe('abdirakhmanova');
    expect(hit?.field).toBe('names');
    const latin = index.search('Abdirakhmanova')[0];
    expect(latin?.id).toBe('abdirakhmanova');
    expect(highlighted(latin!)).toContain('Әбдірахманова');
  });

  it('finds every spelling of an organisation, acronyms included', () => {
    for (const q of ['KIBHR', 'KMBPCh', 'КМБПЧ', 'kmbpch', 'Казахстанское бюро']) expect(ids(index.search(q))).toEqual(['kibhr']);
  });

  it('meets an acronym written with a single letter for a digraph ("KMBPC")', () => {
    const [hit] = index.search('KMBPC');
    expect(hit?.id).toBe('kibhr');
    expect(highlighted(hit!)).toEqual(['KMBPCh']);
  });

  it('finds a case by the words of an annotation', () => {
    const [hit] = index.search('press secretary');
    expect(hit?.id).toBe('serikuly');
    expect(hit?.field).toBe('annotations');
    expect(highlighted(hit!)).toEqual(['press', 'secretary']);
  });

  it('finds a case by a charge article number, exactly', () => {
    const hits = index.search('174');
    expect(ids(hits)).toEqual(['tokayev']);
    expect(hits[0]?.field).toBe('charges');
    expect(highlighted(hits[0]!)).toEqual(['174']);
    expect(ids(index.search('405'))).toEqual(['abdirakhmanova']);
    expect(ids(CaseSearchIndex.build([prisoner('Someone', { summary: 'Fined 1740 tenge.' })]).search('174'))).toEqual([]);
  });

  it('finds a case by a phrase of a source text, quoting it in its script', () => {
    const [hit] = index.search('предъявлено обвинение');
    expect(hit?.id).toBe('serikuly');
    expect(hit?.field).toBe('sources');
    expect(highlighted(hit!)).toEqual(['предъявлено', 'обвинение']);
  });

  it('forgives a typo', () => {
    expect(ids(index.search('Tokaeyv'))[0]).toBe('tokayev');
    expect(ids(index.search('Abdirakhmanva'))[0]).toBe('abdirakhmanova');
  });

  it('matches by prefix', () => {
    const [hit] = index.search('Serik');
    expect(hit?.id).toBe('serikuly');
    expect(highlighted(hit!)).toContain('Serikuly');
    expect(ids(index.search('Abdirakh'))[0]).toBe('abdirakhmanova');
  });

  it('matches the word being typed even mid-fold ("Tokay" before "Tokayev")', () => {
    expect(ids(index.search('Tokay'))[0]).toBe('tokayev');
  });

  it('finds words in events and in other places of the case', () => {
    const [hit] = index.search('Шымкент');
    expect(hit?.id).toBe('abdirakhmanova');
    expect(hit?.field).toBe('events');
    expect(highlighted(hit!)).toEqual(['Шымкент']);
    expect(ids(index.search('Shymkent'))).toEqual(['abdirakhmanova']);
  });

  it('requires every word when some case has them all', () => {
    expect(ids(index.search('Serikuly 274'))).toEqual(['serikuly']);
    expect(ids(index.search('criminal code 405'))).toEqual(['abdirakhmanova']);
  });

  it('falls back to any word when no case has them all, best first', () => {
    const hits = index.search('Tokayev Serikuly');
    expect(new Set(ids(hits))).toEqual(new Set(['tokayev', 'serikuly']));
  });

  it('returns nothing for words no case holds, and for a query of signs only', () => {
    expect(index.search('xylophone')).toEqual([]);
    expect(index.search('— · —')).toEqual([]);
  });

  it('returns one hit per case, best first, each a valid SearchHit', () => {
    const hits = index.search('criminal code');
    expect(new Set(ids(hits)).size).toBe(hits.length);
    expect(hits.length).toBeGreaterThan(1);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    for (const hit of hits) expect(SearchHit.parse(hit)).toEqual(hit);
  });

  it('ranks a name match above a mention in a text', () => {
    const cases = [
      prisoner('Someone Else', { summary: 'Mentions Abishev once in passing, among many other words of a summary.' }, 'mention'),
      prisoner('Kenzhebek Abishev', {}, 'named'),
    ];
    expect(ids(CaseSearchIndex.build(cases).search('Abishev'))).toEqual(['named', 'mention']);
  });

  it('honours limit and filter', () => {
    expect(index.search('criminal code', { limit: 1 })).toHaveLength(1);
    const hits = index.search('criminal code', { filter: (id) => id !== 'tokayev' });
    expect(ids(hits)).not.toContain('tokayev');
    expect(hits.length).toBeGreaterThan(0);
  });

  // Only the cases holding every word are scored when there are any: a filter refusing them
  // all must still get the fallback to any word, scored.
  it('falls back to any word, scored, when the filter refuses every case holding all of them', () => {
    // Pavlodar far commoner than Atyrau, as narrowing asks.
    const index = CaseSearchIndex.build([
      prisoner('Zhanar Sadykova', { summary: 'Detained in Atyrau, moved to Pavlodar.' }, 'both'),
      prisoner('Marat Aliyev', { summary: 'Detained in Atyrau.' }, 'atyrau'),
      ...Array.from({ length: 12 }, (_, i) => prisoner(`Dinara Bekova ${i}`, { summary: 'Held near Pavlodar for years, in Pavlodar.' }, `pavlodar-${i}`)),
    ]);
    expect(ids(index.search('atyrau pavlodar'))).toEqual(['both']);
    const hits = index.search('atyrau pavlodar', { filter: (id) => id !== 'both' });
    expect(ids(hits)).toContain('atyrau');
    expect(ids(hits)).toHaveLength(13);
    for (const hit of hits) expect(hit.score).toBeGreaterThan(0);
  });
});

describe('CaseSearchIndex: keeping up with edits', () => {
  it('upsert replaces what a case was found by', () => {
    const original = prisoner('Zhanar Sadykova', { summary: 'Detained in Atyrau.' }, 'z');
    const index = CaseSearchIndex.build([original, prisoner('Other Person', {}, 'o')]);
    expect(ids(index.search('Atyrau'))).toEqual(['z']);

    index.upsert({ ...original, summary: 'Moved to a colony near Pavlodar.', rev: 2 });
    expect(index.search('Atyrau')).toEqual([]);
    expect(ids(index.search('Pavlodar'))).toEqual(['z']);
    expect(index.size).toBe(2);
  });

  it('upsert adds a new case', () => {
    const index = CaseSearchIndex.build([]);
    expect(index.search('Niyazbekov')).toEqual([]);
    index.upsert(prisoner('Ниязбеков Серик', {}, 'n'));
    expect(ids(index.search('Niyazbekov'))).toEqual(['n']);
    expect(index.size).toBe(1);
  });

  it('remove forgets a case', () => {
    const index = CaseSearchIndex.build(corpus());
    expect(index.remove('tokayev')).toBe(true);
    expect(index.remove('tokayev')).toBe(false);
    expect(index.search('Tokayev')).toEqual([]);
    expect(ids(index.search('KIBHR'))).toEqual(['kibhr']);
    expect(index.size).toBe(3);
  });

  it('answers the same after compaction, and after many edits', () => {
    const index = CaseSearchIndex.build(corpus());
    for (let i = 0; i < 300; i++) index.upsert(prisoner(`Temporary Person${i}`, {}, `t${i % 7}`));
    for (let i = 0; i < 7; i++) index.remove(`t${i}`);
    index.compact();
    expect(index.stats.deadDocs).toBe(0);
    expect(index.size).toBe(4);
    expect(index.search('Temporary')).toEqual([]);
    expect(ids(index.search('Тоқаев'))[0]).toBe('tokayev');
    expect(ids(index.search('press secretary'))).toEqual(['serikuly']);
    index.upsert(prisoner('Fresh Name', {}, 'fresh'));
    expect(ids(index.search('Fresh'))).toEqual(['fresh']);
  });

  it('a case given twice to build counts once, as its last version', () => {
    const a = prisoner('First Version', {}, 'dup');
    const b = { ...prisoner('Second Version', {}, 'dup'), rev: 2 };
    const index = CaseSearchIndex.build([a, b]);
    expect(index.size).toBe(1);
    expect(index.search('First')).toEqual([]);
    expect(ids(index.search('Second'))).toEqual(['dup']);
  });
});

describe('CaseSearchIndex with getCase: reads cases from the store', () => {
  it('takes titles and snippets from the lookup and skips cases it no longer has', () => {
    const cases = new Map(corpus().map((c) => [c.id, c]));
    const index = CaseSearchIndex.build(cases.values(), { getCase: (id) => cases.get(id) });
    const [hit] = index.search('Tokayev');
    expect(hit?.title).toBe('The Tokayev letter case');
    cases.delete('tokayev');
    expect(index.search('Tokayev')).toEqual([]);
  });
});

describe('CaseSearchIndex: a swap of two adjacent letters is one typo', () => {
  const cases = [prisoner('Тоқаев Kassym', {}, 'swap-tokaev'), prisoner('Әбішев Serik', {}, 'swap-abishev'), ngo('Otepov fund', {}, 'swap-otepov')];
  const index = CaseSearchIndex.build(cases);

  it.each([
    ['Токаве', 'swap-tokaev'],
    ['Tokayve', 'swap-tokaev'], // the swap moves y before a consonant, which folds it: undone before folding
    ['Abihsev', 'swap-abishev'],
    ['Әбішве', 'swap-abishev'],
    ['Otepvo', 'swap-otepov'],
  ])('%s finds %s', (query, id) => {
    expect(ids(index.search(query))).toEqual([id]);
  });

  it('still ranks an exact match above a swap', () => {
    const both = CaseSearchIndex.build([prisoner('Otepov', {}, 'exact'), prisoner('Otepvo', {}, 'swapped')]);
    expect(ids(both.search('Otepvo'))).toEqual(['swapped', 'exact']);
  });
});

describe('CaseSearchIndex: soft signs and apostrophes', () => {
  const index = CaseSearchIndex.build([prisoner('Ильин Дмитрий', {}, 'ilyin'), prisoner('Дарья Объедкова', {}, 'obyedkova')]);

  it.each([["Il'in", 'ilyin'], ['Ilyin', 'ilyin'], ["Dar'ya", 'obyedkova'], ['Obyedkova', 'obyedkova']])('%s finds %s and highlights the whole word', (query, id) => {
    const hits = index.search(query);
    expect(ids(hits)).toEqual([id]);
    expect(highlighted(hits[0]!).length).toBeGreaterThan(0);
  });

  it('highlights an apostrophe-spelled name whole in the snippet', () => {
    const one = CaseSearchIndex.build([prisoner("Dmitry Il'in", {}, 'latin')]);
    expect(highlighted(one.search('Ильин')[0]!)).toEqual(["Il'in"]);
  });
});

describe('CaseSearchIndex: confidential text', () => {
  const c = prisoner('Zhanar Sadykova', {
    annotations: [
      { body: 'Witness Berik saw the beating in the isolator', confidential: true, tags: [] },
      { body: 'Public statement by the bar association', confidential: false, tags: [] },
    ],
    events: [{ date: '2024-02-01', type: 'hearing', title: 'Closed hearing with informant Dauletov', confidential: true }],
  }, 'confidential');
  const index = CaseSearchIndex.build([c]);

  it('stays searchable, and a hit quoting a confidential annotation or event is marked', () => {
    const [note] = index.search('Berik beating');
    expect(note).toMatchObject({ id: 'confidential', field: 'annotations', confidential: true });
    expect(note!.snippet).toContain('Witness Berik');
    expect(index.search('Dauletov')[0]).toMatchObject({ field: 'events', confidential: true });
  });

  it('leaves a hit quoting open text unmarked', () => {
    const [open] = index.search('bar association');
    expect(open).toMatchObject({ field: 'annotations' });
    expect(open!.snippet).toContain('bar association');
    expect(open).not.toHaveProperty('confidential');
    expect(index.search('Sadykova')[0]).not.toHaveProperty('confidential');
  });
});

describe('CaseSearchIndex keeping short fields only', () => {
  const cases = corpus();
  const index = CaseSearchIndex.build(cases, { keepShortFieldsOnly: true });
  const byId = new Map(cases.map((c) => [c.id, c]));

  it('completes a hit in a name or a title by itself, and one in a long field from the case', () => {
    const { hits, reached } = index.searchRaw('Tokayev');
    expect(hits[0]).toMatchObject({ id: 'tokayev', field: 'names' });
    expect(index.keepsField(hits[0]!)).toBe(true);
    expect(index.completeHit(hits[0]!, reached)).toMatchObject({ id: 'tokayev', title: 'The Tokayev letter case', kind: 'political_prisoner' });

    const found = index.searchRaw('press secretary');
    expect(found.hits[0]).toMatchObject({ id: 'serikuly', field: 'annotations' });
    expect(index.keepsField(found.hits[0]!)).toBe(false);
    expect(index.completeHit(found.hits[0]!, found.reached)).toBeNull();
    const hit = index.completeHit(found.hits[0]!, found.reached, byId.get('serikuly'));
    expect(highlighted(hit!)).toEqual(['press', 'secretary']);
  });

  it('finds the same cases, in the same order, as an index that holds every case', () => {
    const full = CaseSearchIndex.build(cases);
    for (const q of ['Tokayev', 'Шымкент', '174', 'press secretary', 'KMBPCh', 'Blogger Almaty']) {
      expect(index.searchRaw(q).hits, q).toEqual(full.searchRaw(q).hits);
    }
  });
});

describe('CaseSearchIndex: the texts of model version 2', () => {
  const c = prisoner('Baibolat Kunbolatuly', {
    person: { name: 'Baibolat Kunbolatuly', aliases: [], address: 'Abay street 12 flat 4', idDocument: { type: 'ID card', number: 'N12345678' } },
    arrest: { place: 'Republic Square', by: 'Almaty police patrol', reasonsGiven: 'unsanctioned picket' },
    detention: { status: 'administrative_arrest', heldBy: 'Special detention centre Kyzylorda', health: 'hepatitis diagnosis' },
    decisions: [
      { stage: 'verdict', body: 'Specialised administrative court', outcome: 'ten days of arrest' },
      { stage: 'other', body: 'Prosecutor', outcome: 'quietly withdrawn protest', confidential: true },
    ],
    requests: [
      { text: 'Release the picketer immediately', addressee: 'Prosecutor General' },
      { text: 'Raise the case with the ambassador privately', confidential: true },
    ],
    consent: { status: 'given', by: 'Saule Kunbolatkyzy' },
  }, 'v2');
  const ngoCase = ngo('Legal Aid Fund', {
    organization: { name: 'Legal Aid Fund', aliases: [], legalForm: 'public foundation' },
    impact: 'Twelve lawyers lost their clients',
    measure: { type: 'suspension', authority: 'Ministry of Justice', aimClaimed: 'protecting public order' },
  }, 'ngo-v2');
  const index = CaseSearchIndex.build([c, ngoCase]);

  it.each([
    ['Republic Square', 'v2'], ['police patrol', 'v2'], ['unsanctioned picket', 'v2'], ['Kyzylorda', 'v2'],
    ['Specialised administrative court', 'v2'], ['ten days of arrest', 'v2'], ['picketer', 'v2'], ['Prosecutor General', 'v2'],
    ['public foundation', 'ngo-v2'], ['Twelve lawyers', 'ngo-v2'], ['protecting public order', 'ngo-v2'],
  ])('finds %s', (q, id) => {
    expect(ids(index.search(q))[0]).toBe(id);
  });

  it('marks a hit in a confidential decision or request', () => {
    expect(index.search('quietly withdrawn')[0]).toMatchObject({ id: 'v2', field: 'details', confidential: true });
    expect(index.search('ambassador privately')[0]).toMatchObject({ id: 'v2', confidential: true });
    expect(index.search('picketer')[0]).not.toHaveProperty('confidential');
  });

  it('leaves out, like the contact, the address, the identity document, the health details and the consent', () => {
    for (const q of ['Abay street', 'N12345678', 'hepatitis', 'Kunbolatkyzy']) expect(index.search(q), q).toEqual([]);
  });
});
