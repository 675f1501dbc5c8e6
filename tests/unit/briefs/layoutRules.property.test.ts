import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocBuilder } from '../../../electron/services/briefs/doc/builder';
import { docOf, pageOf, renderPages, taggedLines, wordPages } from './layoutFixtures';
import { misplacedNotes } from './pdfTools';

// Random documents of headings, paragraphs (some "keep with next", some footnoted),
// lists, tables, signature blocks, callouts, keep groups and spaces, every line
// carrying a unique token: read back from the PDF, each token's page shows whether
// a rule was broken.

type Spec =
  | { kind: 'heading'; level: 1 | 2 | 3 }
  | { kind: 'para'; lines: number; kwn: boolean; note: number | null }
  | { kind: 'callout'; lines: number }
  | { kind: 'keep'; paras: number[]; rows: number[]; items: number }
  | { kind: 'list'; items: number[]; kwn: boolean }
  | { kind: 'table'; rows: number[] }
  | { kind: 'sign'; count: number }
  | { kind: 'space'; height: number };

const spec: fc.Arbitrary<Spec> = fc.oneof(
  fc.record({ kind: fc.constant('heading' as const), level: fc.constantFrom(1 as const, 2 as const, 3 as const) }),
  fc.record({ kind: fc.constant('para' as const), lines: fc.integer({ min: 1, max: 14 }), kwn: fc.boolean(), note: fc.option(fc.integer({ min: 0, max: 3 })) }),
  fc.record({ kind: fc.constant('callout' as const), lines: fc.integer({ min: 1, max: 4 }) }),
  fc.record({
    kind: fc.constant('keep' as const),
    paras: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
    rows: fc.array(fc.integer({ min: 1, max: 2 }), { maxLength: 4 }),
    items: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({ kind: fc.constant('list' as const), items: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 5 }), kwn: fc.boolean() }),
  fc.record({ kind: fc.constant('table' as const), rows: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('sign' as const), count: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('space' as const), height: fc.integer({ min: 10, max: 250 }) }),
);

/** No space right after a heading or a keep-with-next block: what keeps together there is then bounded well under a page. */
/** A filler of random height first, so the nodes meet the foot of the page anywhere. */
const documents = fc.tuple(fc.integer({ min: 0, max: 700 }), fc.array(spec, { minLength: 3, maxLength: 12 })).map(([filler, specs]): Spec[] => [
  { kind: 'space', height: filler },
  ...specs.filter((s, i) => !(s.kind === 'space' && i > 0 && (specs[i - 1]!.kind === 'heading' || ('kwn' in specs[i - 1]! && (specs[i - 1] as { kwn: boolean }).kwn)))),
]);

/** The tokens each node prints, in reading order (a list: per item). */
function tokensOf(s: Spec, k: number): string[][] {
  const lines = (prefix: string, n: number) => Array.from({ length: n }, (_, j) => `${prefix}l${j + 1}x`);
  switch (s.kind) {
    case 'heading': return [[`h${k}x`]];
    case 'para': return [lines(`p${k}`, s.lines)];
    case 'list': return s.items.map((n, i) => lines(`s${k}i${i}`, n));
    case 'table': return s.rows.map((n, r) => [`t${k}r${r}x`, ...lines(`t${k}r${r}c`, n)]);
    case 'sign': return Array.from({ length: s.count }, (_, j) => [`f${k}n${j}x`]);
    case 'callout': return [lines(`c${k}`, s.lines)];
    case 'keep': return [[
      ...s.paras.flatMap((n, i) => lines(`g${k}p${i}`, n)),
      ...s.rows.flatMap((n, r) => [`g${k}r${r}x`, ...lines(`g${k}r${r}c`, n)]),
      ...Array.from({ length: s.items }, (_, i) => `g${k}i${i}l1x`),
    ]];
    case 'space': return [];
  }
}

function build(specs: readonly Spec[]) {
  return (w: DocBuilder) => specs.forEach((s, k) => {
    switch (s.kind) {
      case 'heading': w.heading(`h${k}x Heading`, s.level); break;
      case 'para': {
        // Footnotes by one of four sources: a later citation of a source reuses its number (and on a later page prints the short form).
        const notes = s.note === null ? undefined : [w.cite({ key: `src${s.note}`, full: [{ text: `Source ${s.note}: ${'a report on the hearings and the conditions of detention, '.repeat(s.note + 1)}` }], short: { title: `Source ${s.note}`, seePage: 'see page {page}' } })];
        w.block([{ text: taggedLines(`p${k}`, s.lines), ...(notes ? { notes } : {}) }], { keepWithNext: s.kwn });
        break;
      }
      case 'callout': w.callout([{ text: taggedLines(`c${k}`, s.lines) }], { color: '#b00020', fill: '#fbeaea' }); break;
      case 'keep': w.keep(() => {
        s.paras.forEach((n, i) => w.block([{ text: taggedLines(`g${k}p${i}`, n) }]));
        if (s.rows.length > 0) w.table([{ header: 'No.', width: 0.2 }, { header: 'Details', width: 0.8 }], s.rows.map((n, r) => [`g${k}r${r}x`, taggedLines(`g${k}r${r}c`, n)]));
        if (s.items > 0) w.bullets(Array.from({ length: s.items }, (_, i) => `g${k}i${i}l1x concern`));
      }, { rule: true }); break;
      case 'list': w.bullets(s.items.map((n, i) => taggedLines(`s${k}i${i}`, n)), { keepWithNext: s.kwn }); break;
      case 'table': w.table([{ header: 'No.', width: 0.2 }, { header: 'Details', width: 0.8 }], s.rows.map((n, r) => [`t${k}r${r}x`, taggedLines(`t${k}r${r}c`, n)])); break;
      case 'sign': for (let j = 0; j < s.count; j++) w.fillIn(`f${k}n${j}x Label`); break;
      case 'space': w.space(s.height); break;
    }
  });
}

/** Every broken rule, as a sentence naming the node. */
function broken(specs: readonly Spec[], pages: readonly string[]): string[] {
  const at = wordPages(pages);
  const page = (t: string) => pageOf(at, t);
  const out: string[] = [...misplacedNotes(pages)];
  pages.forEach((text, i) => {
    if (!text.includes(`Page ${i + 1} of ${pages.length}`)) out.push(`page ${i + 1} lacks "Page ${i + 1} of ${pages.length}"`);
  });
  const tokens = specs.map(tokensOf);
  const next = (k: number) => specs.findIndex((s, j) => j > k && s.kind !== 'space');
  const firstOf = (k: number) => tokens[k]![0]![0]!;
  const lastOf = (k: number) => tokens[k]!.at(-1)!.at(-1)!;
  const splitOk = (lines: readonly string[], what: string) => {
    const count = new Map<number, number>();
    for (const t of lines) count.set(page(t), (count.get(page(t)) ?? 0) + 1);
    if (lines.length < 4 && count.size > 1) out.push(`${what}: ${lines.length} lines split`);
    for (const [p, n] of count) if (lines.length >= 4 && n < 2) out.push(`${what}: ${n} line alone on page ${p}`);
  };
  specs.forEach((s, k) => {
    const after = next(k);
    if ((s.kind === 'heading' || ('kwn' in s && s.kwn)) && after >= 0 && page(lastOf(k)) !== page(firstOf(after))) {
      out.push(`node ${k} (${s.kind}) ends page ${page(lastOf(k))}, node ${after} starts page ${page(firstOf(after))}`);
    }
    if (s.kind === 'para') splitOk(tokens[k]![0]!, `paragraph ${k}`);
    if ((s.kind === 'callout' || s.kind === 'keep') && new Set(tokens[k]![0]!.map(page)).size > 1) out.push(`${s.kind} ${k} split over pages ${[...new Set(tokens[k]![0]!.map(page))].join(', ')}`);
    if (s.kind === 'list') {
      tokens[k]!.forEach((item, i) => splitOk(item, `list ${k} item ${i}`));
      const items = tokens[k]!;
      if (page(items.at(-1)![0]!) !== page(items.at(-2)!.at(-1)!)) out.push(`list ${k}: last item alone at the top of page ${page(items.at(-1)![0]!)}`);
    }
    if (s.kind === 'table') {
      for (const row of tokens[k]!) if (new Set(row.map(page)).size > 1) out.push(`table ${k}: a short row split`);
      const rows = tokens[k]!;
      if (rows.length >= 2 && page(rows.at(-1)![0]!) !== page(rows.at(-2)![0]!)) out.push(`table ${k}: last row alone on page ${page(rows.at(-1)![0]!)}`);
    }
    if (s.kind === 'sign' && specs[k - 1]?.kind !== 'sign') {
      let end = k;
      while (specs[end + 1]?.kind === 'sign') end++;
      const run = tokens.slice(k, end + 1).flat(2);
      if (specs[k - 1]?.kind === 'heading') run.push(lastOf(k - 1));
      if (new Set(run.map(page)).size > 1) out.push(`signature block ${k}–${end} split over pages ${[...new Set(run.map(page))].join(', ')}`);
    }
  });
  return out;
}

describe('layout rules over random documents', () => {
  it('never breaks a rule: keep with next, last item and row, widows and orphans, signature blocks, page numbers', async () => {
    let runs = 0;
    let broke = 0;
    await fc.assert(
      fc.asyncProperty(documents, async (specs) => {
        const { pages, count } = await renderPages(docOf(build(specs)), 'layout-property');
        expect(pages).toHaveLength(count);
        expect(broken(specs, pages)).toEqual([]);
        runs++;
        if (count > 1) broke++;
      }),
      { numRuns: 60 },
    );
    // Most documents met a page break: the rules were exercised, not skipped.
    expect(broke).toBeGreaterThan(runs / 2);
  });
});
