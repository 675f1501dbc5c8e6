// Version-1 case files and bundles, read as version 2 (MODEL.md, *From version 1*).
// Pure: no node:, no DOM. Used by bundle import and by the data folder's migration,
// so the two can never disagree about what a version-1 case becomes.
//
// Version 2 is a superset of version 1 except for three things, converted here:
// `sentence` becomes one Decision, `person.birthYear` becomes `person.born`, and a
// placeholder article ("unspecified", "не указана") is dropped. Everything else keeps
// its name and meaning, so it passes through untouched and is validated as version 2.

import { z } from 'zod';
import { Money, Months, PartialDate, StoredMoney, StoredMonths, type Term } from './scalars';
import type { PathSegment } from './integrity';
import { isJsonObject } from '../jsonValue';

/** The id the decision made from a version-1 sentence takes: fixed, so a migration re-run or a check gives the same case. */
export const V1_SENTENCE_DECISION_ID = 'v1-sentence';

/**
 * Articles people typed when the article was not known. The first six are MODEL.md's
 * list; the rest are the same words as people wrote them in this app's three languages.
 */
const PLACEHOLDER_ARTICLES = new Set([
  'unspecified', 'unknown', '—', '?', 'n/a', 'не указана',
  '-', '–', 'n.a.', 'na', 'not stated', 'not specified', 'не указано', 'неизвестно', 'неизвестна', 'белгісіз', 'көрсетілмеген',
]);

export function isPlaceholderArticle(article: string): boolean {
  const bare = article.trim().replace(/^\((.*)\)$/u, '$1').trim().toLowerCase();
  return bare === '' || PLACEHOLDER_ARTICLES.has(bare);
}

// A bundle is held to the bounds every draft is held to; a stored case keeps the looser
// bounds it was saved under (scalars.ts), so a folder's migration never refuses it for them.
const v1SentenceOf = (months: typeof Months, money: typeof Money) =>
  z.strictObject({
    type: z.enum(['prison', 'restricted_freedom', 'fine', 'suspended', 'activity_ban', 'none']),
    months: months.optional(),
    fine: money.optional(),
    verdictDate: PartialDate.optional(),
    court: z.string().optional(),
  });
const V1_SENTENCE = { draft: v1SentenceOf(Months, Money), stored: v1SentenceOf(StoredMonths, StoredMoney) };
const V1BirthYear = z.number().refine((y) => Number.isInteger(y) && y >= 1900 && y <= 2100, { error: 'expected a year from 1900 to 2100' });

/** Version 1 counted sentences in months, fractions allowed: whole months and days, 30 days to a month. */
export function termFromMonths(months: number): Term {
  let whole = Math.floor(months);
  let days = Math.round((months - whole) * 30);
  if (days === 30) {
    whole += 1;
    days = 0;
  }
  if (days === 0) return { months: whole };
  return whole === 0 ? { days } : { months: whole, days };
}

export type V1Fault = { path: PathSegment[]; message: string };

/** What reading a version-1 case did: the case as version 2 (still to be validated), faults in its v1-only fields, and each change in words. */
export type FromV1 = { value: unknown; faults: V1Fault[]; changes: string[] };

/** A parsed JSON object (not null, not an array). */

/**
 * A version-1 case as version 2. Anything that is not a version-1 prisoner case shape
 * is passed through for the version-2 schema to judge; a v1-only field that does not
 * read is reported by its own path and left out.
 */
export function caseFromV1(raw: unknown, bounds: 'draft' | 'stored' = 'draft'): FromV1 {
  if (!isJsonObject(raw) || raw.kind !== 'political_prisoner') return { value: raw, faults: [], changes: [] };
  const faults: V1Fault[] = [];
  const changes: string[] = [];
  const out: Record<string, unknown> = { ...raw };

  if ('sentence' in out) {
    const { sentence, ...rest } = out;
    delete out.sentence;
    const parsed = V1_SENTENCE[bounds].safeParse(sentence);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) faults.push({ path: ['sentence', ...(issue.path as PathSegment[])], message: issue.message });
    } else if (sentence !== undefined) {
      const s = parsed.data;
      const penalty = {
        type: s.type,
        ...(s.months !== undefined ? { term: termFromMonths(s.months) } : {}),
        ...(s.fine !== undefined ? { fine: s.fine } : {}),
      };
      const decision = {
        id: V1_SENTENCE_DECISION_ID,
        stage: 'verdict',
        ...(s.verdictDate !== undefined ? { date: s.verdictDate } : {}),
        ...(s.court !== undefined ? { body: s.court } : {}),
        penalty,
      };
      const existing = Array.isArray(rest.decisions) ? rest.decisions : [];
      out.decisions = [decision, ...existing];
      changes.push(
        s.months !== undefined && !Number.isInteger(s.months)
          ? `sentence → decisions[0] (verdict; ${s.months} months read as ${describeTerm(penalty.term!)})`
          : 'sentence → decisions[0] (verdict)',
      );
    }
  }

  if (isJsonObject(out.person) && 'birthYear' in out.person) {
    const { birthYear, ...person } = out.person;
    out.person = person;
    const parsed = V1BirthYear.safeParse(birthYear);
    if (!parsed.success) for (const issue of parsed.error.issues) faults.push({ path: ['person', 'birthYear'], message: issue.message });
    else if (birthYear !== undefined) {
      person.born = { date: String(parsed.data).padStart(4, '0') };
      changes.push('person.birthYear → person.born');
    }
  }

  if (Array.isArray(out.charges)) {
    out.charges = out.charges.map((charge: unknown, i: number) => {
      if (!isJsonObject(charge) || typeof charge.article !== 'string' || !isPlaceholderArticle(charge.article)) return charge;
      const { article, ...rest } = charge;
      changes.push(`charges[${i}].article ${JSON.stringify(article)} dropped (a placeholder, not an article)`);
      return rest;
    });
  }
  return { value: out, faults, changes };
}

function describeTerm(t: Term): string {
  return [t.years !== undefined ? `${t.years} years` : '', t.months !== undefined ? `${t.months} months` : '', t.days !== undefined ? `${t.days} days` : '']
    .filter(Boolean)
    .join(' ');
}
