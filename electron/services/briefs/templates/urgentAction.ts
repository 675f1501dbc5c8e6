import type { CaseFile } from '../../../../shared/model';
import { countryName, paragraphs } from '../format';
import { THEME } from '../layout/text';
import {
  chronology, factsTable, ngoFacts, prisonerFacts, requests, titleBlock, type Ctx,
} from '../sections';

/** How many of the latest events an appeal of one or two pages has room for. */
const LATEST_EVENTS = 5;

/** A short appeal for supporters to write to the authorities: concern, facts, what to ask, to whom. */
export function renderUrgentAction(ctx: Ctx, c: CaseFile): void {
  const { w, l } = ctx;
  const u = l.urgent;
  titleBlock(ctx, l.templateTitle['urgent-action'], c.title);

  const [concern, ...background] = paragraphs(c.summary);
  w.heading(u.concern);
  if (concern) w.block([{ text: concern, style: 'bold' }]);

  w.heading(u.details);
  const facts = c.kind === 'political_prisoner' ? prisonerFacts(c, l) : ngoFacts(c, l);
  // Only the core facts: an appeal that runs long is not read.
  const keep = c.kind === 'political_prisoner'
    ? [l.field.name, l.field.otherNames, l.field.country, l.field.detention, l.field.since, l.field.charges, l.field.sentence, l.field.recognitions, l.field.lawyer, l.field.contact]
    : [l.field.organisation, l.field.city, l.field.measure, l.field.authority, l.field.legalBasis, l.field.start, l.field.fine, l.field.appeal];
  factsTable(w, facts.filter(([label]) => keep.includes(label)));

  if (background.length > 0) {
    w.heading(u.background);
    for (const p of background) w.block([{ text: p }]);
  }
  if (c.events.length > 0) chronology(ctx, c, { title: l.section.chronology, latest: LATEST_EVENTS });

  requests(ctx, c, u.ask);

  w.heading(u.whom);
  w.bullets(u.recipients(countryName(c.country, l)));
  const targets = [...new Set(c.advocacy.map((a) => a.target))];
  if (targets.length > 0) w.block([{ text: `${u.otherTargets}: ${targets.join('; ')}`, color: THEME.muted }], { size: THEME.small });
  w.block([{ text: u.adviceWrite, style: 'italic', color: THEME.muted }], { size: THEME.small });
}
