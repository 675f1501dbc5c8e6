import type { BriefLang } from '../../../shared/model/brief';
import { penaltyInForce, summarize, type CaseFile, type Term } from '../../../shared/model';
import { partialDateStart, type CalendarDate } from '../../../shared/text/dates';
import { daysCount } from '../../../shared/text/daysCount';
import type { TableField } from '../../../shared/tables';
import { labelOf } from './cells';
import { COMPUTED_HEADERS, HEADERS } from './headers';

// The case list as an NGO publishes it: one row per case, a column per thing such lists
// count (name in each script, kind, status, detention or measure, charges with articles,
// penalty in force, place, since, days, recognitions), in the interface language. Every
// column but Days maps back by its header on import, and every value reads back as it was
// (tests/unit/tables/roundTrip.test.ts). The confidential columns come only in an internal export.

type Column = { field: TableField | 'days'; value: (c: CaseFile) => string };

const UNITS: Record<BriefLang, Record<keyof Term, string>> = {
  en: { years: 'years', months: 'months', days: 'days' },
  ru: { years: 'лет', months: 'мес.', days: 'дн.' },
  kk: { years: 'жыл', months: 'ай', days: 'күн' },
};

function termText(term: Term, lang: BriefLang): string {
  return (['years', 'months', 'days'] as const).filter((u) => term[u] !== undefined).map((u) => `${term[u]} ${UNITS[lang][u]}`).join(' ');
}

/** 22.02.2021, 02.2021 or 2021: the form lists in the region use, and one the import reads back. */
function dateText(value: string | undefined): string {
  if (!value) return '';
  const [y, m, d] = value.split('-');
  return [d, m, y].filter(Boolean).join('.');
}

const money = (m: { amount: number; currency: string }) => `${m.amount.toLocaleString('en').replace(/,/g, ' ')} ${m.currency}`;

function columns(lang: BriefLang, internal: boolean, today: CalendarDate): Column[] {
  const prisoner = (c: CaseFile, f: (p: Extract<CaseFile, { kind: 'political_prisoner' }>) => string | undefined) => (c.kind === 'political_prisoner' ? (f(c) ?? '') : '');
  const ngo = (c: CaseFile, f: (n: Extract<CaseFile, { kind: 'ngo_suspension' }>) => string | undefined) => (c.kind === 'ngo_suspension' ? (f(c) ?? '') : '');
  const either = (c: CaseFile, p: (x: Extract<CaseFile, { kind: 'political_prisoner' }>) => string | undefined, n: (x: Extract<CaseFile, { kind: 'ngo_suspension' }>) => string | undefined) =>
    c.kind === 'political_prisoner' ? (p(c) ?? '') : (n(c) ?? '');
  const list: Column[] = [
    { field: 'name', value: (c) => either(c, (p) => p.person.name, (n) => n.organization.name) },
    { field: 'aliases', value: (c) => either(c, (p) => p.person.aliases.join('; '), (n) => n.organization.aliases.join('; ')) },
    { field: 'kind', value: (c) => labelOf('kind', lang, c.kind) },
    { field: 'status', value: (c) => labelOf('status', lang, c.status) },
    {
      field: 'detention',
      value: (c) => either(c, (p) => labelOf('detentionStatus', lang, p.detention.status), (n) => `${labelOf('measureType', lang, n.measure.type)} (${labelOf('measureStatus', lang, n.measure.status)})`),
    },
    { field: 'authority', value: (c) => ngo(c, (n) => n.measure.authority) },
    { field: 'charges', value: (c) => prisoner(c, (p) => p.charges.map((ch) => `${ch.article ? `${ch.article} ` : ''}(${ch.code})${ch.summary ? ` — ${ch.summary}` : ''}`).join('; ')) },
    {
      field: 'penalty',
      value: (c) =>
        prisoner(c, (p) => {
          const penalty = penaltyInForce(p.decisions.filter((d) => internal || !d.confidential))?.penalty;
          if (!penalty) return '';
          const detail = penalty.term ? termText(penalty.term, lang) : penalty.fine ? money(penalty.fine) : '';
          return `${labelOf('penaltyType', lang, penalty.type)}${detail ? `: ${detail}` : ''}`;
        }),
    },
    { field: 'fine', value: (c) => ngo(c, (n) => (n.measure.fine ? money(n.measure.fine) : '')) },
    { field: 'place', value: (c) => either(c, (p) => p.detention.place, (n) => n.organization.city) },
    { field: 'region', value: (c) => c.region ?? '' },
    { field: 'country', value: (c) => c.country ?? '' },
    { field: 'since', value: (c) => dateText(either(c, (p) => p.detention.since, (n) => n.measure.start)) },
    { field: 'releasedOn', value: (c) => dateText(either(c, (p) => p.detention.releasedOn, (n) => n.measure.end)) },
    { field: 'days', value: (c) => daysText(c, today) },
    {
      field: 'recognitions',
      value: (c) => prisoner(c, (p) => p.recognitions.map((r) => `${labelOf('recognition', lang, r.label)} (${r.by}${r.date ? `, ${dateText(r.date)}` : ''})`).join('; ')),
    },
  ];
  if (!internal) return list;
  return [
    ...list,
    { field: 'priority', value: (c) => labelOf('priority', lang, c.priority) },
    { field: 'lawyer', value: (c) => prisoner(c, (p) => p.lawyer) },
    { field: 'contact', value: (c) => prisoner(c, (p) => p.person.contact) },
    { field: 'address', value: (c) => prisoner(c, (p) => p.person.address) },
    { field: 'health', value: (c) => prisoner(c, (p) => p.detention.health) },
  ];
}

function daysText(c: CaseFile, today: CalendarDate): string {
  const s = summarize(c);
  const start = s.ends && partialDateStart(s.ends.earliest);
  const end = s.ends && partialDateStart(s.ends.latest);
  const count = daysCount(
    { kind: c.kind === 'political_prisoner' ? 'detention' : 'measure', since: s.since, releasedOn: s.releasedOn, detentionStatus: s.detentionStatus, measureStatus: s.measureStatus, ends: start && end ? { earliest: start, latest: end } : null },
    today,
  );
  return count.state === 'over' || !count.days ? '' : String(count.days.days);
}

export type ExportGrid = { headers: string[]; rows: string[][] };

export function exportGrid(cases: readonly CaseFile[], lang: BriefLang, internal: boolean, today: CalendarDate): ExportGrid {
  const cols = columns(lang, internal, today);
  return {
    headers: cols.map((c) => (c.field === 'days' ? COMPUTED_HEADERS.days[lang][0]! : HEADERS[c.field][lang][0]!)),
    rows: cases.map((c) => cols.map((col) => col.value(c))),
  };
}
