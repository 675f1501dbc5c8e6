import { describe, expect, it } from 'vitest';
import type { DocBuilder } from '../../../electron/services/briefs/doc/builder';
import { docOf, pageOf, renderPages, sweep, taggedLines, wordPages } from './layoutFixtures';
import { misplacedNotes, renderPngs } from './pdfTools';

// The page-break rules of the PDF writer, each checked over a sweep of filler
// heights that moves the element across the foot of the first page: at every
// height the rule holds, and at some height the element does reach page 2 (so the
// sweep really crossed the page break and the check could have failed).

const COLUMNS = [{ header: 'Date', width: 0.2 }, { header: 'Event', width: 0.8 }];

async function pagesAt(build: (w: DocBuilder) => void): Promise<Map<string, number[]>> {
  return wordPages((await renderPages(docOf(build))).pages);
}

/** Each page that holds some of the tokens, with how many it holds. */
function perPage(at: Map<string, number[]>, tokens: readonly string[]): Map<number, number> {
  const count = new Map<number, number>();
  for (const t of tokens) count.set(pageOf(at, t), (count.get(pageOf(at, t)) ?? 0) + 1);
  return count;
}

const lineTokens = (prefix: string, n: number) => Array.from({ length: n }, (_, j) => `${prefix}l${j + 1}x`);

describe('keep with next', () => {
  const build = (h: number, keepWithNext: boolean) => (w: DocBuilder) => {
    w.space(h);
    w.block([{ text: 'kwnx See the annex for every source cited.' }], { keepWithNext });
    w.block([{ text: taggedLines('f', 6) }]);
  };

  it('moves a keep-with-next paragraph to the next page with the first lines of what follows', async () => {
    let moved = 0;
    for (const h of sweep(600, 700, 4)) {
      const at = await pagesAt(build(h, true));
      expect(pageOf(at, 'kwnx'), `filler ${h}`).toBe(pageOf(at, 'fl1x'));
      expect(pageOf(at, 'fl2x'), `filler ${h}`).toBe(pageOf(at, 'fl1x'));
      if (pageOf(at, 'kwnx') === 2) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('leaves the same paragraph at the foot of the page when it is not marked (the sweep crosses the break)', async () => {
    const alone = [];
    for (const h of sweep(600, 700, 4)) {
      const at = await pagesAt(build(h, false));
      if (pageOf(at, 'kwnx') === 1 && pageOf(at, 'fl1x') === 2) alone.push(h);
    }
    expect(alone.length).toBeGreaterThan(0);
  });

  it('keeps a closing paragraph with a heading and the table under it', async () => {
    for (const h of sweep(560, 700, 5)) {
      const at = await pagesAt((w) => {
        w.space(h);
        w.block([{ text: 'kwtx The decisions follow.' }], { keepWithNext: true });
        w.heading('hdx Decisions', 2);
        w.table(COLUMNS, [['2024', 'r1x first'], ['2025', 'r2x second'], ['2026', 'r3x third']]);
      });
      expect(pageOf(at, 'kwtx'), `filler ${h}`).toBe(pageOf(at, 'hdx'));
      expect(pageOf(at, 'r1x'), `filler ${h}`).toBe(pageOf(at, 'hdx'));
    }
  });
});

describe('lists', () => {
  it('never leaves the last item alone at the top of a page', async () => {
    let split = 0;
    for (const h of sweep(600, 705, 4)) {
      const at = await pagesAt((w) => {
        w.space(h);
        w.bullets(['i1x Release him immediately.', 'i2x Investigate the torture allegations.', 'i3x Allow visits by his lawyers.', 'i4x Pay compensation.'], { ordered: true });
      });
      expect(pageOf(at, 'i4x'), `filler ${h}`).toBe(pageOf(at, 'i3x'));
      if (pageOf(at, 'i1x') !== pageOf(at, 'i4x')) split++;
    }
    expect(split).toBeGreaterThan(0);
  });

  it('splits a long item with two lines at least on each page', async () => {
    let split = 0;
    for (const h of sweep(560, 705, 5)) {
      const at = await pagesAt((w) => {
        w.space(h);
        w.bullets([taggedLines('a', 2), taggedLines('b', 7), taggedLines('c', 1), taggedLines('d', 1)]);
      });
      const pages = perPage(at, lineTokens('b', 7));
      for (const [page, n] of pages) expect(n, `filler ${h}, page ${page}`).toBeGreaterThanOrEqual(2);
      if (pages.size > 1) split++;
    }
    expect(split).toBeGreaterThan(0);
  });
});

describe('widows and orphans', () => {
  it('splits a ten-line paragraph near the foot of a page with two lines at least on each page', async () => {
    const seen = new Set<string>();
    for (const h of sweep(560, 705, 4)) {
      const at = await pagesAt((w) => {
        w.space(h);
        w.block([{ text: taggedLines('p', 10) }]);
      });
      const pages = perPage(at, lineTokens('p', 10));
      for (const [page, n] of pages) expect(n, `filler ${h}, page ${page}`).toBeGreaterThanOrEqual(2);
      seen.add([...pages.values()].join('+'));
    }
    // Every split the rules allow was reached, and none they forbid.
    expect([...seen].sort()).toEqual(['10', '2+8', '3+7', '4+6', '5+5', '6+4', '7+3', '8+2'].sort());
  });

  it('moves a paragraph of fewer than four lines whole', async () => {
    let moved = 0;
    for (const h of sweep(640, 705, 5)) {
      const at = await pagesAt((w) => {
        w.space(h);
        w.block([{ text: taggedLines('s', 3) }]);
      });
      expect(perPage(at, lineTokens('s', 3)).size, `filler ${h}`).toBe(1);
      if (pageOf(at, 'sl1x') === 2) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });
});

describe('signature block', () => {
  const labels = ['n1x Name', 'n2x Organisation', 'n3x Address', 'n4x Telephone', 'n5x E-mail', 'n6x Consent', 'n7x Date', 'n8x Signature'];

  it('keeps every fill-in on one page with the heading before them', async () => {
    let moved = 0;
    for (const h of sweep(360, 700, 12)) {
      const at = await pagesAt((w) => {
        w.space(h);
        w.heading('sgx VI. Submitter');
        for (const label of labels) w.fillIn(label, label.startsWith('n3x') ? 2 : 1);
      });
      for (const label of labels) expect(pageOf(at, label.split(' ')[0]!), `filler ${h}`).toBe(pageOf(at, 'sgx'));
      if (pageOf(at, 'sgx') === 2) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });
});

describe('tables', () => {
  it('carries the row before the last to the next page rather than leave the last row alone there', async () => {
    let split = 0;
    for (const h of sweep(580, 700, 4)) {
      const rows = Array.from({ length: 6 }, (_, i) => [`20${10 + i}`, `t${i + 1}x Hearing`]);
      const at = await pagesAt((w) => {
        w.space(h);
        w.table(COLUMNS, rows);
      });
      expect(pageOf(at, 't6x'), `filler ${h}`).toBe(pageOf(at, 't5x'));
      if (pageOf(at, 't1x') !== pageOf(at, 't6x')) split++;
    }
    expect(split).toBeGreaterThan(0);
  });
});

describe('footnotes in table cells', () => {
  it('prints each cell’s note at the foot of the page that shows its marker', async () => {
    let moved = 0;
    for (const h of sweep(540, 700, 8)) {
      const file = await renderPages(docOf((w) => {
        w.space(h);
        const rows = Array.from({ length: 4 }, (_, i) => {
          const n = w.cite({ key: `s${i}`, full: [{ text: `nt${i}x Source ${i}: ${'a report on the hearing and the conditions of detention, '.repeat(3)}` }], short: { title: `Source ${i}`, seePage: 'see page {page}' } });
          return [`20${20 + i}`, [{ text: `cr${i}x Hearing held in closed session`, notes: [n] }]];
        });
        w.table(COLUMNS, rows);
      }));
      const at = wordPages(file.pages);
      expect(misplacedNotes(file.pages), `filler ${h}`).toEqual([]);
      for (let i = 0; i < 4; i++) expect(pageOf(at, `nt${i}x`), `filler ${h}`).toBe(pageOf(at, `cr${i}x`));
      if (pageOf(at, 'cr3x') === 2) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });
});

describe('keep groups', () => {
  /** A profile: paragraphs, a table whose cells wrap over several lines, a list; about 300 pt, measured by laying it out. */
  const profile = (w: DocBuilder) => w.keep(() => {
    w.block([{ text: 'g1x Profile of the detainee', style: 'bold' }], { gapAfter: 2 });
    w.block([{ text: taggedLines('gp', 4) }]);
    w.table(COLUMNS, Array.from({ length: 5 }, (_, i) => [`201${i}`, taggedLines(`gt${i}`, 3)]));
    w.bullets(['gb1x First concern.', 'gb2x Second concern.']);
    w.block([{ text: 'g2x Sources: two reports.' }]);
  }, { rule: true });
  const tokens = ['g1x', 'g2x', 'gb1x', 'gb2x', ...lineTokens('gp', 4), ...[0, 1, 2, 3, 4].flatMap((i) => lineTokens(`gt${i}`, 3))];

  it('prints a group of a table, lists and paragraphs on one page when it fits on one', async () => {
    let moved = 0;
    for (const h of sweep(300, 700, 12)) {
      const at = await pagesAt((w) => {
        w.space(h);
        profile(w);
      });
      expect(perPage(at, tokens).size, `filler ${h}`).toBe(1);
      if (pageOf(at, 'g1x') === 2) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('still prints all of a group taller than a page, starting it on a fresh page', async () => {
    const at = await pagesAt((w) => {
      w.block([{ text: 'before' }]);
      w.keep(() => w.block([{ text: taggedLines('big', 70) }]));
    });
    const pages = perPage(at, lineTokens('big', 70));
    expect([...pages.keys()]).toEqual([2, 3]);
  });
});

describe('page furniture', () => {
  const long = (w: DocBuilder) => {
    for (let i = 0; i < 5; i++) w.block([{ text: taggedLines(`q${i}`, 40) }]);
  };

  it('prints "Page X of Y" on every page, and the header’s right text only when there is one', async () => {
    const bare = await renderPages(docOf(long, { title: 'Hdrx Case of A. B.' }));
    expect(bare.count).toBeGreaterThanOrEqual(3);
    expect(bare.pages).toHaveLength(bare.count);
    bare.pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${bare.count}`);
      expect(page).toContain('Hdrx Case of A. B.');
      expect(page).not.toContain('Generated');
    });
    const stamped = await renderPages(docOf(long, { title: 'Hdrx Case of A. B.', right: 'Generated 22 November 2026' }));
    stamped.pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${stamped.count}`);
      expect(page).toContain('Generated 22 November 2026');
    });
    renderPngs(stamped.file);
  });
});
