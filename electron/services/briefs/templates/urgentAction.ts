import type { CaseFile } from '../../../../shared/model';
import { firstSentences, formatPartialDate, join, paragraphs } from '../format';
import { THEME } from '../doc/theme';
import { uaLabels } from '../labels/urgentAction';
import {
  chronology, factsTable, ngoFacts, otherNames, prisonerFacts, subjectName, titleBlock, toBeCompleted, type Ctx, type FactRow,
} from '../sections';
import { bookEntry, shortCountry } from './parts/country';
import { issuer } from './parts/issuer';
import { modelLetter } from './parts/letter';
import { officials } from './parts/officials';

/** The most pages an urgent action may take: an appeal that runs longer is not read. */
export const URGENT_PAGES = 2;

/**
 * What an appeal prints, from the first try (0) to the tightest: characters of the
 * summary (concern and background together; the case brief has it all) and of the
 * bold concern, how many of the latest events and how much of each, advocacy
 * targets named before "…".
 */
const BUDGETS = [
  { summary: 1400, concern: 500, events: 5, eventChars: 160, targets: 6 },
  { summary: 800, concern: 400, events: 4, eventChars: 100, targets: 4 },
  { summary: 400, concern: 300, events: 3, eventChars: 0, targets: 2 },
  { summary: 0, concern: 240, events: 2, eventChars: 0, targets: 0 },
] as const;
export const MAX_TIGHTNESS = BUDGETS.length - 1;

/**
 * An urgent action, as Amnesty's sheets lay one out: the UA number and issue date, a
 * headline with the country and the name, the concern, the case details with the name
 * and pronoun, the background, the model letter carrying the case's own requests, the
 * officials the address book lists for the country, copies to its diplomats, the date
 * to write by and the language to write in, who already acted, and who issues it. It
 * stays within two pages however long the case file is: the summary is shortened at a
 * sentence boundary, with a note that the case brief has it in full, and only the
 * latest events are listed, each briefly.
 */
export function renderUrgentAction(ctx: Ctx, c: CaseFile, tightness = 0): void {
  const { w, l } = ctx;
  const u = l.urgent;
  const ua = uaLabels[ctx.lang];
  const b = BUDGETS[Math.min(tightness, MAX_TIGHTNESS)]!;
  const sheet = c.briefing?.urgentAction;
  const entry = bookEntry(c, ctx);
  const name = subjectName(c);
  // The title usually names the person already, in some spelling; else the name leads it.
  const named = [name, ...otherNames(c)].some((n) => n.trim() !== '' && c.title.includes(n));
  const headline = ua.headline(shortCountry(c.country, ctx), named ? c.title : `${name} — ${c.title}`);
  const kicker = join([
    l.templateTitle['urgent-action'],
    sheet?.number?.trim() && `${ua.uaNumber}: ${sheet.number.trim()}`,
    sheet?.issuedOn && `${ua.issuedOn}: ${formatPartialDate(sheet.issuedOn, l)}`,
  ], ' · ');
  titleBlock(ctx, kicker, headline);
  if (ctx.mode === 'internal' && !sheet?.number?.trim()) toBeCompleted(ctx, ua.missing.number);

  const [first, ...rest] = paragraphs(c.summary);
  const concern = first === undefined ? undefined : firstSentences(first, b.concern);
  let budget = b.summary - (concern?.text.length ?? 0);
  let shortened = concern?.cut ?? false;
  const background: string[] = [];
  for (const p of rest) {
    if (budget < 80) {
      shortened = true;
      break;
    }
    const kept = firstSentences(p, budget);
    background.push(kept.text);
    budget -= kept.text.length;
    if (kept.cut) {
      shortened = true;
      break;
    }
  }

  if (concern) {
    w.heading(u.concern);
    w.block([{ text: concern.text, style: 'bold' }]);
  }

  w.heading(u.details);
  factsTable(w, caseDetails(ctx, c));

  if (background.length > 0) {
    w.heading(u.background);
    for (const p of background) w.block([{ text: p }]);
  }
  if (shortened) w.block([{ text: u.fullSummary, style: 'italic', color: THEME.muted }], { size: THEME.small });
  const brief = {
    ...c,
    events: c.events.map((e) => {
      if (!e.description) return e;
      if (b.eventChars === 0) return { ...e, description: undefined };
      const kept = firstSentences(e.description, b.eventChars);
      return { ...e, description: kept.cut && !kept.text.endsWith('…') ? `${kept.text} …` : kept.text };
    }),
  };
  if (c.events.length > 0) chronology(ctx, brief, { title: l.section.chronology, latest: b.events });

  modelLetter(ctx, c, entry);
  officials(ctx, c, entry);

  // A draft approached nobody yet: "already approached" names only what was sent.
  const targets = [...new Set(c.advocacy.filter((a) => a.status !== 'draft').map((a) => a.target))];
  if (targets.length > 0 && b.targets > 0) {
    const named = targets.length > b.targets ? [...targets.slice(0, b.targets), '…'] : targets;
    w.block([{ text: `${u.otherTargets}: ${named.join('; ')}`, color: THEME.muted }], { size: THEME.small });
  }
  issuer(ctx, ua.issuedBy, { phone: ua.phone, email: ua.email, responsible: ua.responsible, missing: ua.missing.issuer });
}

/** The core facts only (an appeal that runs long is not read), the name first with the pronoun the person is referred to by. */
function caseDetails(ctx: Ctx, c: CaseFile): FactRow[] {
  const { l } = ctx;
  const ua = uaLabels[ctx.lang];
  if (c.kind === 'political_prisoner') {
    const pronoun = ua.pronoun[c.person.gender ?? 'unknown'];
    const keep = [l.field.otherNames, l.field.country, l.field.detention, l.field.since, l.field.charges, l.facts.penaltyInForce, l.field.recognitions, l.field.lawyer, l.field.contact];
    return [
      [ua.nameAndPronoun, pronoun ? `${c.person.name} (${pronoun})` : c.person.name],
      ...prisonerFacts(c, l, ctx.mode, ctx.today).filter(([label]) => keep.includes(label)),
    ];
  }
  const keep = [l.field.organisation, l.field.city, l.field.measure, l.field.authority, l.field.legalBasis, l.field.start, l.field.fine, l.field.appeal];
  return ngoFacts(c, l, ctx.mode).filter(([label]) => keep.includes(label));
}
