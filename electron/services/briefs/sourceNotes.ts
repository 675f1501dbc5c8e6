import type { CaseFile, Source } from '../../../shared/model';
import type { DocBuilder } from './doc/builder';
import type { Footnote, Run } from './doc/model';
import { THEME } from './doc/theme';
import { formatNumber, formatPartialDate, join } from './format';
import type { Labels } from './labels';
import { wgadLabels } from './labels/wgad';
import type { BriefLang } from '../../../shared/model/brief';

// Sources as a brief cites them: a footnote names the source (title, publisher, date,
// address) and nothing else; the fingerprints belong in the case brief's annex, where a
// reader who wants to check a text finds them in full.

/** "Title — Publisher, 15 January 2022. https://…" */
function sourceCitation(s: Source, l: Labels): string {
  const head = join([s.title, join([s.publisher, formatPartialDate(s.publishedOn, l)])], ' — ');
  return join([`${head}.`, s.url], ' ');
}

/** A source's footnote: in full where first cited, then "Title — full reference on page 3" on later pages. */
export function sourceNote(source: Source, l: Labels): Footnote {
  const mark = source.confidential ? ` ${l.confidentialItem}` : '';
  return {
    key: source.id,
    full: [{ text: `${l.sourceLabel}: ${sourceCitation(source, l)}${mark}` }],
    short: { title: `${source.title}${mark}`, seePage: l.noteSeePage },
  };
}

/** The footnote numbers for the sources an item rests on (those the brief may show; the rest are gone from the view). */
export function citeSources(w: DocBuilder, l: Labels, sources: readonly Source[], ids: readonly string[] | undefined): number[] {
  if (!ids || ids.length === 0) return [];
  const byId = new Map(sources.map((s) => [s.id, s]));
  const out: number[] = [];
  for (const id of ids) {
    const s = byId.get(id);
    if (s) out.push(w.cite(sourceNote(s, l)));
  }
  return [...new Set(out)];
}

/** The sources cited so far, in note order: the annex lists exactly these. */
function citedSources(w: DocBuilder, c: Pick<CaseFile, 'sources'>): { n: number; source: Source }[] {
  const byId = new Map(c.sources.map((s) => [s.id, s]));
  return w.footnotes.flatMap((f, i) => {
    const source = byId.get(f.key);
    return source ? [{ n: i + 1, source }] : [];
  });
}

/**
 * The annex of a case brief: every source a note cites, by its note number: title,
 * publisher, date, address, the full SHA-256 of its text and, when the original file is
 * kept, its name, size and fingerprint. Nothing when no source is cited.
 */
export function sourceAnnex(w: DocBuilder, l: Labels, lang: BriefLang, c: Pick<CaseFile, 'sources'>): void {
  const a = wgadLabels[lang];
  const cited = citedSources(w, c);
  if (cited.length === 0) return;
  const entry = ({ n, source: s }: { n: number; source: Source }) => {
    const lines: Run[] = [
      { text: `${n}. ${s.title}`, style: 'bold' },
      { text: join([s.publisher && `${a.publisher}: ${s.publisher}`, s.publishedOn && `${a.published}: ${formatPartialDate(s.publishedOn, l)}`], '; ') },
      ...(s.url ? [{ text: s.url }] : []),
      { text: `${a.sha256Text}: ${s.sha256}`, size: THEME.small },
      ...(s.file ? [
        { text: `${a.original}: ${a.originalText(s.file.name, a.bytes(formatNumber(s.file.size, l)))}`, size: THEME.small },
        { text: `${a.sha256Original}: ${s.file.sha256}`, size: THEME.small },
      ] : []),
    ];
    w.block(lines.filter((r) => r.text.trim() !== ''), { keepTogether: true, gapAfter: 6 });
  };
  // The heading never ends a page alone: it goes with the first entry.
  w.keep(() => {
    w.heading(a.annex);
    w.block([{ text: a.annexIntro, color: THEME.muted }], { size: THEME.small });
    entry(cited[0]!);
  });
  for (const item of cited.slice(1)) entry(item);
}
