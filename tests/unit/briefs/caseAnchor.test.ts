import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../shared/model';
import { renderBrief } from '../../../electron/services/briefs';
import { checkBrief } from '../../../electron/services/briefs/completeness';
import type { Node, Run } from '../../../electron/services/briefs/doc/model';
import { LABELS } from '../../../electron/services/briefs/labels';
import { wgadLabels } from '../../../electron/services/briefs/labels/wgad';
import { adminArrestCase, compose, FILE_SHA, longTermCase } from './anchorFixtures';
import { GENERATED_AT } from './fixtures';
import { misplacedNotes, outPath, pdftotext, pdftotextPages, renderPngs, squash } from './pdfTools';
import { own } from './gapTools';

// The case brief as a dossier: every chronology fact footnoted to its source, the penalty
// history, no event twice, and an annex of the sources cited with their fingerprints.

const l = LABELS.en;
const a = wgadLabels.en;

/** The chronology's items as the document holds them: the runs of each event, in order. */
function chronologyItems(nodes: readonly Node[]): Run[][] {
  const at = nodes.findIndex((n) => n.type === 'heading' && n.text === l.section.chronology);
  const list = nodes.slice(at + 1).find((n) => n.type === 'list');
  if (!list || list.type !== 'list') throw new Error('no chronology list');
  return list.items;
}

describe('the case brief on the long-term prisoner', () => {
  it('footnotes each chronology fact to its sources, in the stored order', async () => {
    const c = longTermCase();
    const { document, text, file } = await compose(c, 'case', 'public');
    renderPngs(file);
    expect(misplacedNotes(pdftotextPages(file))).toEqual([]);
    const items = chronologyItems(document.nodes);
    expect(items).toHaveLength(c.events.length);
    c.events.forEach((e, i) => {
      const item = items[i]!;
      expect(item.map((r) => r.text)).toContain(e.title);
      const expected = (e.sourceIds ?? []).map((id) => document.footnotes.findIndex((f) => f.key === id) + 1);
      expect(item.flatMap((r) => r.notes ?? []), e.title).toEqual(expected);
    });
    // In the PDF: the stored order, each event once in the whole brief (remedies refer to the chronology).
    let at = -1;
    for (const e of c.events) {
      const next = text.indexOf(e.title);
      expect(next, e.title).toBeGreaterThan(at);
      at = next;
      expect(text.split(e.title).length - 1, e.title).toBe(1);
    }
    expect(text).toContain(a.remediesInChronology('20 September 2019; 10 December 2019; 6 May 2024'));
  });

  it('gives the penalty history from the decisions, the place and the requests as stored', async () => {
    const c = longTermCase();
    const { text } = await compose(c, 'case', 'public');
    const decisions = text.slice(text.indexOf(`${l.facts.decisions} Date`), text.indexOf(l.section.analysis));
    // Each decision in the stored order (pdftotext reads a table's cells row by row, some cells wrapped).
    let at = -1;
    for (const s of ['Imprisonment, 10 years', 'defence appeal rejected', "prosecutor's appeal for a longer term dismissed", 'Reduction', 'Early release denied']) {
      const next = decisions.indexOf(s, at + 1);
      expect(next, s).toBeGreaterThan(at);
      at = next;
    }
    for (const s of ['term cut under the 2021 amnesty law', 'Imprisonment, 9 years 4 months', 'petition for early release refused', 'Ekibastuz City Court']) expect(decisions).toContain(s);
    for (const s of [
      `${l.facts.penaltyInForce} Imprisonment, 9 years 4 months`, `${l.field.detention} Imprisoned, ИК-161/3, Заречный`,
      `${l.facts.heldBy} Penal Correction Committee`, '1. Review the denial of early release of Serik Zhaksybekov.',
    ]) expect(text).toContain(s);
  });

  it('reports the event that cites no source and nothing else', () => {
    const gaps = own(checkBrief([longTermCase()], 'case', 'public', 'en').gaps);
    expect(gaps.map((g) => [g.code, g.path])).toEqual([['case.event_source', ['events', 4, 'sourceIds']]]);
    expect(gaps[0]!.message).toContain('Moved to the colony near Zarechny');
  });
});

describe('the case brief on the 10-day administrative arrest', () => {
  it('ends with an annex of every source cited: title, publisher, date, address, full SHA-256, the original file', async () => {
    const c = adminArrestCase();
    const file = outPath('case-anchor-public.pdf');
    const r = await renderBrief([c], file, { template: 'case', mode: 'public', generatedAt: GENERATED_AT });
    renderPngs(file);
    const text = squash(pdftotext(file));
    const annex = text.slice(text.indexOf(a.annex));
    expect(text.indexOf(a.annex)).toBeGreaterThan(text.indexOf(l.section.chronology));
    const [news, ruling] = c.sources as [CaseFile['sources'][number], CaseFile['sources'][number]];
    const n = (id: string) => r.document.footnotes.findIndex((f) => f.key === id) + 1;
    expect(annex).toContain(`${n('s-news')}. ${news.title} ${a.publisher}: Vlast.kz; ${a.published}: 9 February 2021 ${news.url} ${a.sha256Text}: ${news.sha256}`);
    expect(annex).toContain(`${n('s-ruling')}. ${ruling.title} ${a.published}: 12 February 2021 ${a.sha256Text}: ${ruling.sha256}`);
    expect(annex).toContain(`${a.original}: appeal-ruling-2021-02-12.pdf, 48,213 bytes ${a.sha256Original}: ${FILE_SHA}`);
    // The notes name their sources and carry no hash: the annex is where the fingerprints are.
    const body = text.slice(0, text.indexOf(a.annex));
    for (const s of c.sources) expect(body).not.toContain(s.sha256.slice(0, 8));
    expect(body).not.toContain('SHA-256');
    for (const f of r.document.footnotes) expect(f.full.map((x) => x.text).join(' ')).not.toMatch(/[0-9a-f]{12}/);
    expect(text).toContain(`${l.facts.conditions} Cell shared with eight people.`);
    expect(text).toContain('Administrative arrest, 10 days');
  });

  it('reports the source without a publisher, by path, in the reader’s language', () => {
    const gaps = own(checkBrief([adminArrestCase()], 'case', 'submission', 'kk').gaps);
    expect(gaps.map((g) => [g.code, g.path])).toEqual([['case.source_publisher', ['sources', 1, 'publisher']]]);
    expect(gaps[0]!.message).toContain('жариялаушысы');
  });

  it('asks for a source the mode may show: an event resting only on a confidential source has none in public mode', () => {
    const c = adminArrestCase();
    const secret: CaseFile = { ...c, sources: c.sources.map((s) => (s.id === 's-ruling' ? { ...s, confidential: true } : s)) };
    const pub = own(checkBrief([secret], 'case', 'public', 'en').gaps);
    expect(pub.map((g) => [g.code, g.path])).toEqual([['case.event_source', ['events', 2, 'sourceIds']]]);
    const internal = own(checkBrief([secret], 'case', 'internal', 'en').gaps);
    expect(internal.map((g) => g.code)).toEqual(['case.source_publisher']);
  });
});
