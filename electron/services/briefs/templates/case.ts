import type { CaseFile } from '../../../../shared/model';
import {
  analysis, arrest, charges, chronology, decisions, evidence, keyFacts, remedies, requests, summary, titleBlock, type Ctx,
} from '../sections';

/** The full brief on one case of either kind: what a lawyer hands to a diplomat or a rapporteur. */
export function renderCase(ctx: Ctx, c: CaseFile): void {
  const { l } = ctx;
  titleBlock(ctx, `${l.templateTitle.case} · ${l.kind[c.kind]}`, c.title);
  keyFacts(ctx, c);
  summary(ctx, c);
  requests(ctx, c);
  chronology(ctx, c);
  // An NGO's measure, authority, legal basis, dates and fine are all in the key facts already.
  if (c.kind === 'political_prisoner') {
    arrest(ctx, c);
    charges(ctx, c);
    decisions(ctx, c);
  }
  analysis(ctx, c);
  remedies(ctx, c);
  evidence(ctx, c);
}
