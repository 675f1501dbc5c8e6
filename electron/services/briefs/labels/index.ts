import type { BriefLang } from '../../../../shared/model/brief';
import { en, type Labels } from './en';
import { kk } from './kk';
import { ru } from './ru';
import { multiLabels } from './multi';
import { ngoLabels } from './ngo';
import { uaLabels } from './urgentAction';
import { wgadLabels } from './wgad';
import { originalsLabels } from './originals';
import { chartLabels } from './charts';

// Every word a brief prints that is not the case's own text, one table per language
// (en.ts is the reference: its shape is the type). Words a template adds for its own
// part live in their own module here (labels/<part>.ts, { en, ru, kk }) and join
// EXTRA_LABEL_TABLES, so the redaction proof knows them as boilerplate too.

export type { DayUnit, Iccpr22Test, Labels } from './en';
export type { FactLabels } from './facts';

export const LABELS: Record<BriefLang, Labels> = { en, ru, kk };

export function labelsFor(lang: BriefLang): Labels {
  return LABELS[lang];
}

/**
 * The per-part label modules (each `{ en, ru, kk }`): append one when a part adds its
 * own words, so allLabelStrings() holds them.
 */
const EXTRA_LABEL_TABLES: readonly Readonly<Record<BriefLang, unknown>>[] = [wgadLabels, uaLabels, ngoLabels, multiLabels, originalsLabels, chartLabels];

/** Every fixed string of every table, for telling boilerplate apart from case text. */
export function allLabelStrings(extra: readonly unknown[] = EXTRA_LABEL_TABLES): string[] {
  const out: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(LABELS);
  extra.forEach(visit);
  return out;
}
