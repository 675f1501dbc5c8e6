import type { CaseFile } from '../../../../shared/model';
import { THEME } from '../doc/theme';
import { formatPartialDate } from '../format';
import { wgadLabels } from '../labels/wgad';
import {
  advocacy, analysis, arrest, charges, chronology, decisions, evidence, keyFacts, REMEDY_EVENTS, requests, summary, titleBlock, type Ctx,
} from '../sections';
import { sourceAnnex } from '../sourceNotes';
import { originalsAnnex } from '../originals/annex';

/**
 * The full brief on one case of either kind: what a lawyer hands to a diplomat or a
 * rapporteur. The chronology footnotes every event to its sources; the decisions give
 * the penalty history; the remedies section points to the chronology's verdicts, appeals
 * and hearings instead of printing them again; the annex lists every source a note cites,
 * with its fingerprint in full.
 */
export function renderCase(ctx: Ctx, c: CaseFile): void {
  const { l } = ctx;
  titleBlock(ctx, `${l.templateTitle.case} · ${l.kind[c.kind]}`, c.title);
  keyFacts(ctx, c);
  summary(ctx, c);
  requests(ctx, c);
  chronology(ctx, c, { cite: true });
  // An NGO's measure, authority, legal basis, dates and fine are all in the key facts already.
  if (c.kind === 'political_prisoner') {
    arrest(ctx, c);
    charges(ctx, c);
    decisions(ctx, c);
  }
  analysis(ctx, c);
  remedies(ctx, c);
  evidence(ctx, c);
  sourceAnnex(ctx.w, l, ctx.lang, c);
  originalsAnnex(ctx);
}

/** Remedies and advocacy, each event once: the chronology already lists the verdicts, appeals and hearings. */
function remedies(ctx: Ctx, c: CaseFile): void {
  const { w, l } = ctx;
  const inChronology = c.events.filter((e) => REMEDY_EVENTS.has(e.type));
  if (inChronology.length === 0 && c.advocacy.length === 0) return;
  w.heading(l.section.remedies);
  if (inChronology.length > 0) {
    const dates = inChronology.map((e) => formatPartialDate(e.date, l) || l.eventType[e.type]).join('; ');
    w.block([{ text: wgadLabels[ctx.lang].remediesInChronology(dates), color: THEME.muted }]);
  }
  // The NGO's appeal is a key fact already (the court, when filed, the outcome).
  if (c.advocacy.length > 0) advocacy(ctx, c);
}
