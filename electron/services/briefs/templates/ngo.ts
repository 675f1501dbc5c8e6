import type { CaseFile, NgoCase } from '../../../../shared/model';
import { verifiedEvidence } from '../evidence';
import { formatPartialDate, join } from '../format';
import { table } from '../doc/builder';
import { THEME } from '../doc/theme';
import {
  advocacy, argument, chronology, domesticRemedies, evidence, factsTable, iccpr22, measures, ngoFacts, requests, sinceOf, stateText,
  summary, titleBlock, type Ctx,
} from '../sections';

export type Related = { case: CaseFile; sameAuthority: boolean; sharedTags: string[] };

/**
 * The cases that show a pattern with this one: the same authority imposing a
 * measure, or a tag in common. Closest first: same authority, then most tags shared.
 */
export function relatedTo(c: NgoCase, candidates: readonly CaseFile[]): Related[] {
  const authority = c.measure.authority.trim().toLocaleLowerCase('und');
  const tags = new Set(c.tags);
  return candidates
    .filter((o) => o.id !== c.id)
    .map((o) => ({
      case: o,
      sameAuthority: o.kind === 'ngo_suspension' && o.measure.authority.trim().toLocaleLowerCase('und') === authority,
      sharedTags: o.tags.filter((t) => tags.has(t)),
    }))
    .filter((r) => r.sameAuthority || r.sharedTags.length > 0)
    .sort((a, b) => Number(b.sameAuthority) - Number(a.sameAuthority) || b.sharedTags.length - a.sharedTags.length);
}

/** For the UN Special Rapporteur on freedom of association: the measure, its basis, the remedies, the impact, the pattern. */
export function renderNgo(ctx: Ctx, c: NgoCase, related: readonly CaseFile[]): void {
  const { w, l } = ctx;
  const t = l.ngoT;
  titleBlock(ctx, l.templateTitle.ngo, c.title);
  summary(ctx, c);

  w.heading(t.organisation);
  factsTable(w, ngoFacts(c, l, ctx.mode).slice(0, 7));

  measures(ctx, c, t.measures);
  iccpr22(ctx, c);
  argument(ctx, c, 2);

  w.heading(t.remedies);
  // Says "no appeals or other domestic remedies recorded" itself when there are none.
  domesticRemedies(ctx, c);
  advocacy(ctx, c, 2);

  w.heading(t.impact);
  if (c.impact?.trim()) w.text(c.impact);
  chronology(ctx, c, { level: 2 });
  if (verifiedEvidence(c).items.length > 0) evidence(ctx, c, l.section.evidence, 2);

  w.heading(t.pattern);
  const links = relatedTo(c, related);
  if (links.length === 0) w.block([{ text: t.noRelated, color: THEME.muted }]);
  else {
    w.block([{ text: t.relatedIntro(links.length) }]);
    table(
      w,
      [
        { header: l.table.caseTitle, width: 0.34 }, { header: l.table.authority, width: 0.22 }, { header: l.table.state, width: 0.2 },
        { header: l.table.since, width: 0.12 }, { header: t.sharedTags, width: 0.12 },
      ],
      links.map((r) => [
        [{ text: r.case.title, style: 'bold' as const }, { text: l.kind[r.case.kind], color: THEME.muted }],
        r.case.kind === 'ngo_suspension' ? join([r.case.measure.authority, r.sameAuthority && `(${t.sameAuthority})`], ' ') : '',
        stateText(r.case, l),
        formatPartialDate(sinceOf(r.case), l),
        r.sharedTags.join(', '),
      ]),
    );
  }

  requests(ctx, c);
}
