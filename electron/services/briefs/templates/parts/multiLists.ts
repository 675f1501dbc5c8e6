import type { CaseFile } from '../../../../../shared/model';
import { formatPartialDate, join } from '../../format';
import { table } from '../../doc/builder';
import type { Run } from '../../doc/model';
import { THEME } from '../../doc/theme';
import { multiLabels } from '../../labels/multi';
import { confidentialMark, place, sinceOf, subjectName, type Ctx } from '../../sections';

// The country list's lists: the people by their situation and the organisations by the
// measure imposed on them (each case in one category), and the recommendations the cases
// themselves make, each said once.

type PrisonerStatus = Extract<CaseFile, { kind: 'political_prisoner' }>['detention']['status'];
type MeasureType = Extract<CaseFile, { kind: 'ngo_suspension' }>['measure']['type'];

/** The order a reader expects: the gravest deprivation of liberty first. */
const STATUS_ORDER: readonly PrisonerStatus[] = [
  'imprisoned', 'pre_trial', 'administrative_arrest', 'incommunicado', 'forced_treatment', 'house_arrest', 'restricted_freedom', 'exile', 'fined', 'released', 'unknown',
];
const MEASURE_ORDER: readonly MeasureType[] = ['liquidation', 'suspension', 'registration_denied', 'fine', 'inspection', 'other'];

export type Category = { key: string; label: string; members: { c: CaseFile; no: number }[] };

/** Every case in exactly one category, in the order above; empty categories left out. */
export function categories(ctx: Ctx, cases: readonly CaseFile[]): Category[] {
  const { l } = ctx;
  const byKey = new Map<string, Category>();
  const keyOf = (c: CaseFile) => (c.kind === 'political_prisoner' ? `p:${c.detention.status}` : `n:${c.measure.type}`);
  for (const s of STATUS_ORDER) byKey.set(`p:${s}`, { key: `p:${s}`, label: l.detentionStatus[s], members: [] });
  for (const m of MEASURE_ORDER) byKey.set(`n:${m}`, { key: `n:${m}`, label: l.measureType[m], members: [] });
  cases.forEach((c, i) => byKey.get(keyOf(c))?.members.push({ c, no: i + 1 }));
  return [...byKey.values()].filter((cat) => cat.members.length > 0);
}

/** One short table per category: the profile number, the name, the place, since when. */
export function namedLists(ctx: Ctx, cats: readonly Category[]): void {
  const { w, l } = ctx;
  const m = multiLabels[ctx.lang];
  w.heading(m.lists);
  for (const cat of cats) {
    w.heading(m.listHeading(cat.label, cat.members.length), 2);
    table(
      w,
      [{ header: l.table.no, width: 0.08 }, { header: m.name, width: 0.42 }, { header: m.place, width: 0.32 }, { header: l.table.since, width: 0.18 }],
      cat.members.map(({ c, no }) => [String(no), subjectName(c), place(c, l), formatPartialDate(sinceOf(c), l)]),
      { size: THEME.small },
    );
  }
}

/**
 * The cases' own requests, each text once (a request common to several cases with all
 * their profile numbers), the most shared first, then in the order they first appear.
 */
export function recommendations(ctx: Ctx, cases: readonly CaseFile[]): void {
  const { w, l } = ctx;
  const m = multiLabels[ctx.lang];
  const groups = new Map<string, { text: string; mark: Run[]; nos: number[]; first: number }>();
  cases.forEach((c, i) => {
    for (const r of c.requests) {
      const to = r.addressee?.trim();
      const key = `${to?.toLocaleLowerCase('und') ?? ''}\u0000${r.text.replace(/\s+/g, ' ').trim().toLocaleLowerCase('und')}`;
      const known = groups.get(key);
      if (known) {
        if (!known.nos.includes(i + 1)) known.nos.push(i + 1);
        continue;
      }
      groups.set(key, {
        text: to ? `${l.facts.requestTo(to)} ${r.text}` : r.text,
        mark: confidentialMark(l, r.confidential),
        nos: [i + 1],
        first: groups.size,
      });
    }
  });
  if (groups.size === 0) return;
  const sorted = [...groups.values()].sort((a, b) => b.nos.length - a.nos.length || a.first - b.first);
  w.heading(m.recommendations);
  w.block([{ text: m.recommendationsIntro, color: THEME.muted }], { size: THEME.small });
  // One run for the request and its profile numbers: the writer starts each run on a line of its own.
  w.bullets(sorted.map((g) => [{ text: `${g.text} (${m.profileNos(g.nos)})` }, ...g.mark]), { ordered: true });
}

/** "Title — Publisher, 2 June 2023; …" for a profile: what it rests on, public sources only (the view has no others outside internal mode). */
export function sourcesLine(ctx: Ctx, c: CaseFile, max = 5): string {
  const { l } = ctx;
  const cited = c.sources.slice(0, max).map((s) => join([s.title, join([s.publisher, formatPartialDate(s.publishedOn, l)])], ' — '));
  return join([cited.join('; '), c.sources.length > max && '…'], ' ');
}
