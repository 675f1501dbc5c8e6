// The caseload as it was counted before the case facts (issue 19): over whole cases. Kept as the
// reference the facts-based count must equal (caseFacts.test.ts).
import { z } from 'zod';
import { penaltyInForce } from '../../../shared/model/decisions';
import { CaseKind, CaseStatus, PenaltyType, Priority, type CaseFile } from '../../../shared/model/case';
import { Id } from '../../../shared/model/scalars';
import { matchesCaseFilter, type CaseFilter } from '../../../shared/model/listFilter';
import { normalizeText } from '../../../shared/text/normalize';
import { parsePartialDate } from '../../../shared/text/partialDate';
import { drawnRegion, matchKzRegion } from '../../../shared/stats/kzRegions';

// The numbers behind the Statistics view, from whole cases: the charges' articles, the arrest
// and the decisions are not in the list's summaries. Pure, so the core computes them over the
// catalogue and the tests over fixed cases.
//
// Dates count at the precision recorded: `2021-03-15` and `2021-03` count in March 2021 and in
// 2021; `2021` counts only in the yearly series (and in `yearOnly`, which the monthly chart
// names in its note) — never spread over a guessed month.

const Counts = z.strictObject({ detentions: z.int(), releases: z.int(), measures: z.int() });
const Bucket = z.strictObject({ key: z.string(), count: z.int() });

export const Caseload = z.strictObject({
  /** Cases that passed the filters. */
  total: z.int(),
  /** Every month from the first to the last with a dated event (YYYY-MM), zeros included. */
  months: z.array(Counts.extend({ key: z.string() })),
  /** Every year from the first to the last (YYYY), zeros included. */
  years: z.array(Counts.extend({ key: z.string() })),
  /** Dated to the year only: in `years`, not in `months`. */
  yearOnly: Counts,
  /** Cases in Kazakhstan by the region drawn on the map (2012 borders); key = region id. */
  regions: z.array(Bucket),
  /** Cases in Kazakhstan whose region is empty or names no region the table knows. */
  regionUnplaced: z.int(),
  /** Cases by country (ISO code; '' when none is recorded), most first. */
  countries: z.array(Bucket),
  /** Cases per charge (article and code, as first written); a case counts once per charge. Key '' = no article recorded. */
  articles: z.array(Bucket),
  /** Prisoners by the penalty in force; key 'none_yet' when no decision sets one. */
  penalties: z.array(Bucket),
  statuses: z.array(z.strictObject({ key: CaseStatus, count: z.int() })),
});
export type Caseload = z.infer<typeof Caseload>;

export const NO_PENALTY_YET = 'none_yet';
type PenaltyKey = z.infer<typeof PenaltyType> | typeof NO_PENALTY_YET;
type Series = 'detentions' | 'releases' | 'measures';

/** The list's filters; `ids` narrows to the cases the list shows (its text filter). */
export const CaseloadQuery = z
  .strictObject({
    kind: CaseKind.optional(),
    status: CaseStatus.optional(),
    priority: Priority.optional(),
    tag: z.string().optional(),
    ids: z.array(Id).max(100_000).optional(),
  })
  .default({});

export type CaseloadFilter = CaseFilter & { ids?: readonly string[] };

export function wholeCaseload(all: Iterable<CaseFile>, filter: CaseloadFilter): Caseload {
  const ids = filter.ids ? new Set(filter.ids) : null;
  const months = new Map<string, Record<Series, number>>();
  const years = new Map<string, Record<Series, number>>();
  const yearOnly = { detentions: 0, releases: 0, measures: 0 };
  const regions = new Map<string, number>();
  const countries = new Map<string, number>();
  const articles = new Map<string, { label: string; count: number }>();
  const penalties = new Map<PenaltyKey, number>();
  const statuses = new Map<z.infer<typeof CaseStatus>, number>();
  let total = 0;
  let regionUnplaced = 0;

  const count = (series: Series, date: string | undefined) => {
    const parts = date ? parsePartialDate(date) : null;
    if (!parts) return;
    bump(years, String(parts.year).padStart(4, '0'), series);
    if (parts.month === undefined) yearOnly[series]++;
    else bump(months, `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}`, series);
  };

  for (const c of all) {
    if (!matchesCaseFilter(c, filter) || (ids && !ids.has(c.id))) continue;
    total++;
    inc(statuses, c.status);
    const country = c.country ?? '';
    inc(countries, country);
    if (country === 'KZ') {
      const region = c.region ? matchKzRegion(c.region) : null;
      if (region) inc(regions, drawnRegion(region));
      else regionUnplaced++;
    }
    if (c.kind === 'political_prisoner') {
      // The arrest is when the detention began; `since` stands in when the arrest is not dated.
      count('detentions', c.arrest?.date ?? c.detention.since);
      count('releases', c.detention.releasedOn);
      inc(penalties, penaltyInForce(c.decisions)?.penalty?.type ?? NO_PENALTY_YET);
      const seen = new Set<string>();
      for (const ch of c.charges) {
        const article = ch.article?.trim() ?? '';
        const key = article ? normalizeText(`${article} ${ch.code}`) : '';
        if (seen.has(key)) continue;
        seen.add(key);
        const entry = articles.get(key);
        if (entry) entry.count++;
        else articles.set(key, { label: article ? `${article} (${ch.code})` : '', count: 1 });
      }
    } else {
      count('measures', c.measure.start);
    }
  }

  return {
    total,
    months: fill(months, monthRange),
    years: fill(years, yearRange),
    yearOnly,
    regions: sorted(regions),
    regionUnplaced,
    countries: sorted(countries),
    articles: [...articles.values()].map((a) => ({ key: a.label, count: a.count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    penalties: sorted(penalties),
    statuses: CaseStatus.options.map((key) => ({ key, count: statuses.get(key) ?? 0 })),
  };
}

function inc<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function bump(map: Map<string, Record<Series, number>>, key: string, series: Series): void {
  const row = map.get(key) ?? { detentions: 0, releases: 0, measures: 0 };
  row[series]++;
  map.set(key, row);
}

function sorted<K extends string>(map: Map<K, number>): { key: K; count: number }[] {
  return [...map].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

function fill(map: Map<string, Record<Series, number>>, range: (from: string, to: string) => string[]) {
  const keys = [...map.keys()].sort();
  if (keys.length === 0) return [];
  return range(keys[0]!, keys.at(-1)!).map((key) => ({ key, ...(map.get(key) ?? { detentions: 0, releases: 0, measures: 0 }) }));
}

function yearRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let y = Number(from); y <= Number(to); y++) out.push(String(y).padStart(4, '0'));
  return out;
}

function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}
