import { finalizeCase } from '../../electron/services/cases/finalize';
import { CaseDraft, type CaseFile } from '../../shared/model';

// Realistic cases for the benchmark: names in mixed scripts, 20 events,
// 10 annotations (one confidential) and a ~2 KB source text each (~12 KB of JSON
// a case), in words drawn from a large mixed-script vocabulary. They are version-2
// cases (MODEL.md), in a folder at the layout this build writes, so the benchmark's
// first open measures an open, not a migration.

const FIRST = [
  ['Қасым', 'Kassym', 'Касым'], ['Айгүл', 'Aigul', 'Айгуль'], ['Нұрлан', 'Nurlan', 'Нурлан'], ['Әлия', 'Aliya', 'Алия'],
  ['Ғалым', 'Galym', 'Галым'], ['Серік', 'Serik', 'Серик'], ['Жанар', 'Zhanar', 'Жанар'], ['Ерлан', 'Yerlan', 'Ерлан'],
  ['Гүлнар', 'Gulnar', 'Гульнар'], ['Бауыржан', 'Baurzhan', 'Бауржан'], ['Динара', 'Dinara', 'Динара'], ['Марат', 'Marat', 'Марат'],
];
const LAST = [
  ['Тоқаев', 'Tokayev', 'Токаев'], ['Әбішев', 'Abishev', 'Абишев'], ['Серікұлы', 'Serikuly', 'Серикулы'], ['Нұрғалиев', 'Nurgaliyev', 'Нургалиев'],
  ['Өтепов', 'Otepov', 'Утепов'], ['Жұмабаев', 'Zhumabayev', 'Жумабаев'], ['Құдайбергенов', 'Kudaibergenov', 'Кудайбергенов'], ['Ысқақов', 'Yskakov', 'Искаков'],
  ['Шәкенов', 'Shakenov', 'Шакенов'], ['Ниязбеков', 'Niyazbekov', 'Ниязбеков'], ['Һасанов', 'Khasanov', 'Хасанов'], ['Иманғалиев', 'Imangaliyev', 'Имангалиев'],
];
const ARTICLES = ['174', '405 part 2', '274', '256', '179', '182', '258', '272'];
const CITIES = ['Almaty', 'Astana', 'Atyrau', 'Shymkent', 'Zhanaozen', 'Aktobe', 'Oral', 'Taraz'];
const COMMON = 'суд приговор задержан обвинение свобода слова экстремизм митинг адвокат колония апелляция пытки журналист блогер сот бостандық қамау trial detained hearing appeal prison sentence lawyer extremism protest'.split(' ');

// A real archive's vocabulary runs to tens of thousands of words in three languages:
// names, places, legal terms, inflected forms. A few dozen words repeated make a far
// smaller index (and faster searches) than users will ever have, so the text is drawn
// from a pool of made-up words in Russian, Kazakh and English spellings with a Zipf-like
// spread (a few words everywhere, most words rare), besides the common ones above.
const SYLLABLES = {
  ru: 'ра ло ми ко за не ви ст пр об де ка ну ще жи ба то ли ры па ся ть ен ов ск ий ая ого'.split(' '),
  kk: 'қа ға ұл ің ша ар ет ды ба жа тө ке бі мұ ры сы ән өз ай ұр ің ғы лы тұ на ма'.split(' '),
  en: 'pro con tion ment ver dis com ing er al ter ly ous ate ive ance ent sub tra ful re de'.split(' '),
};
const POOL_SIZE = 30_000;

function makePool(): string[] {
  const r = rng(7);
  const pool = new Set<string>();
  const scripts = Object.values(SYLLABLES);
  while (pool.size < POOL_SIZE) {
    const syllables = scripts[pool.size % scripts.length]!;
    const n = 2 + Math.floor(r() * 3);
    pool.add(Array.from({ length: n }, () => syllables[Math.floor(r() * syllables.length)]!).join(''));
  }
  return [...pool];
}
const POOL = makePool();

/** A word: one of the common ones a fifth of the time, else a pool word, rank k drawn with weight ~1/k. */
function word(r: () => number): string {
  if (r() < 0.2) return COMMON[Math.floor(r() * COMMON.length)]!;
  return POOL[Math.min(POOL.length - 1, Math.floor(Math.exp(r() * Math.log(POOL.length))) - 1)]!;
}

/** A deterministic pseudo-random sequence, so every run generates the same archive. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const date = (r: () => number, from = 2015) => `${from + Math.floor(r() * 10)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
const sentence = (r: () => number, n: number) => Array.from({ length: n }, () => word(r)).join(' ');

export type GeneratedCase = { case: CaseFile; names: string[]; article: string; quote: string };

export function generateCase(i: number): GeneratedCase {
  const r = rng(i + 1);
  const first = pick(r, FIRST);
  const last = pick(r, LAST);
  const script = i % 3;
  const name = `${first[script]} ${last[script]}`;
  const aliases = [0, 1, 2].filter((k) => k !== script).map((k) => `${first[k]} ${last[k]}`);
  const article = pick(r, ARTICLES);
  // ~2 KB of UTF-8: Cyrillic letters take two bytes each.
  let sourceText = Array.from({ length: 24 }, () => `${sentence(r, 10)}.`).join(' ');
  while (Buffer.byteLength(sourceText) > 2048) sourceText = sourceText.slice(0, -50);
  const quoteStart = 100 + Math.floor(r() * 600);
  const quote = sourceText.slice(quoteStart, quoteStart + 40);
  const ngo = i % 5 === 4;
  const common = {
    id: `bench-${String(i).padStart(6, '0')}`,
    title: ngo ? `${last[1]} Foundation — suspension #${i}` : `${name} — art. ${article} case #${i}`,
    status: pick(r, ['active', 'monitoring', 'resolved', 'closed'] as const),
    priority: pick(r, ['urgent', 'high', 'normal', 'low'] as const),
    country: 'KZ',
    region: pick(r, CITIES),
    summary: `${sentence(r, 25)}.`,
    tags: [pick(r, ['extremism-charge', 'false-information', 'protest', 'blogger', 'xinjiang'])],
    events: Array.from({ length: 20 }, (_, k) => ({ id: `e${k}`, date: date(r), type: pick(r, ['arrest', 'charge', 'hearing', 'verdict', 'appeal'] as const), title: sentence(r, 3), description: sentence(r, 2) })),
    sources: [{ id: 's1', title: `Report ${i}`, kind: 'article' as const, publisher: 'Bench News', publishedOn: date(r), language: 'ru', text: sourceText }],
    annotations: Array.from({ length: 10 }, (_, k) => ({
      id: `a${k}`,
      sourceId: 's1',
      target: { quote: { exact: k === 0 ? quote : sourceText.slice(k * 80, k * 80 + 30) || 'x' } },
      body: k === 9 ? `Confidential witness statement ${i}-${k}: ${sentence(r, 3)}` : sentence(r, 3),
      tags: ['evidence'],
      confidential: k === 9,
    })),
  };
  const draft = ngo
    ? { ...common, kind: 'ngo_suspension' as const, organization: { name: `${last[script]} Foundation`, aliases: [`${last[(script + 1) % 3]} Foundation`] }, measure: { type: 'suspension' as const, authority: 'Ministry of Justice', legalBasis: `Administrative Code art. ${article}`, start: date(r, 2020), status: 'in_force' as const } }
    : {
        ...common,
        kind: 'political_prisoner' as const,
        person: { name, aliases },
        detention: { status: 'imprisoned' as const, since: date(r, 2018) },
        charges: [{ article, code: 'Criminal Code' }],
        // Model version 2: the penalty is a decision with a term in years/months/days, not a v1 `sentence`.
        decisions: [{ id: 'd1', date: date(r, 2019), stage: 'verdict' as const, body: `${pick(r, CITIES)} City Court`, penalty: { type: 'prison' as const, term: { years: 1 + Math.floor(r() * 9), months: Math.floor(r() * 12) } } }],
        requests: [{ id: 'r1', text: `Release ${name} immediately` }],
      };
  const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
  return { case: finalizeCase(CaseDraft.parse(draft), { id: common.id, rev: 1, createdAt: at, updatedAt: at }), names: [name, ...aliases], article, quote };
}

/** run.ts's 200 mixed-script queries (seed 42) without its saves before them: for child.ts's search measurement. */
export function benchQueries(n: number): string[] {
  const r = rng(42);
  const surname = (s: string) => s.split(' ')[1] ?? s;
  const queries: string[] = [];
  for (let k = 0; queries.length < 200; k++) {
    const g = generateCase(Math.floor(r() * n));
    const [name, alias1, alias2] = g.names;
    const variants = [surname(alias1!), surname(alias2!), name!, surname(name!).slice(0, 5), `${surname(alias1!).slice(0, -2)}${surname(alias1!).slice(-1)}${surname(alias1!).slice(-2, -1)}`, g.article, g.quote.split(' ').slice(1, 3).join(' ')];
    queries.push(variants[k % variants.length]!);
  }
  return queries;
}
